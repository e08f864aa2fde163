import { Button, Col, DatePicker, Empty, Flex, Row, Typography } from 'antd';
import { useState } from 'react';
import {
  ORGANISATION_GROUP_KEYS,
  ORGANISATION_GROUPS,
  type OrganisationGroupKey,
} from '../../../../shared/domain/organisations/groups';
import { useGroupMembers } from '../../api/organisations';
import { DATE_FORMAT, formatDate, fromIsoDate, todayIso, toIsoDate } from '../../lib/dates';
import { GroupMembersTable } from './GroupMembersTable';

/**
 * Plans address collective phrases ("Các sở, ban, ngành"). This panel shows who such a phrase meant on
 * a given date, which changes as agencies merge or are abolished.
 */
export function OrganisationGroupsPanel() {
  const [selected, setSelected] = useState<OrganisationGroupKey | null>(null);
  const [on, setOn] = useState(todayIso());
  const members = useGroupMembers(selected, on);

  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} lg={8}>
        <Typography.Paragraph type="secondary">
          Chọn một nhóm để xem những cơ quan thuộc nhóm vào ngày đã chọn.
        </Typography.Paragraph>
        <Flex vertical gap={8} role="list" aria-label="Các nhóm cơ quan">
          {ORGANISATION_GROUP_KEYS.map((key) => (
            <Button
              key={key}
              role="listitem"
              type={key === selected ? 'primary' : 'default'}
              block
              style={{ justifyContent: 'flex-start' }}
              onClick={() => setSelected(key)}
            >
              {ORGANISATION_GROUPS[key].label}
            </Button>
          ))}
        </Flex>
      </Col>
      <Col xs={24} lg={16}>
        <Flex align="center" gap={8} style={{ marginBottom: 16 }}>
          <Typography.Text>Vào ngày</Typography.Text>
          <DatePicker
            aria-label="Xem thành viên nhóm vào ngày"
            format={DATE_FORMAT}
            allowClear={false}
            value={fromIsoDate(on)}
            onChange={(d) => setOn(toIsoDate(d) ?? todayIso())}
          />
        </Flex>
        {selected === null ? (
          <Empty description="Chưa chọn nhóm cơ quan" />
        ) : (
          <GroupMembersTable
            title={`${ORGANISATION_GROUPS[selected].label} — ngày ${formatDate(on)}`}
            loading={members.isFetching}
            error={members.error}
            onRetry={() => void members.refetch()}
            items={members.data?.members ?? []}
            emptyText={
              ORGANISATION_GROUPS[selected].kinds.length === 0
                ? 'Nhóm này không chỉ định cơ quan cụ thể nào; người lập kế hoạch cần ghi rõ cơ quan.'
                : 'Không có cơ quan nào thuộc nhóm này vào ngày đã chọn.'
            }
          />
        )}
      </Col>
    </Row>
  );
}
