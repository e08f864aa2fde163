import { Card, Empty, Flex, Switch, Typography } from 'antd';
import { useState } from 'react';
import type { ReviewDraft } from '../../../../shared/contracts/plan-import';
import { AgencyLinks } from './AgencyLinks';
import { anyUncertain, UNCERTAIN_BACKGROUND, UNCERTAIN_BORDER } from './uncertainty';

/** "Tổ chức thực hiện": each agency charged with duties, and which registry agency that is. */
export function ReviewDutiesPanel({ draft }: { draft: ReviewDraft }) {
  const [onlyDoubtful, setOnlyDoubtful] = useState(false);
  const duties = draft.duties.map((duty, index) => ({ duty, index }));
  const doubtful = duties.filter((d) => anyUncertain(d.duty.agencies));
  const shown = onlyDoubtful ? doubtful : duties;
  if (draft.duties.length === 0) {
    return <Empty description="Không đọc được phần phân công cho các cơ quan (mục “Tổ chức thực hiện”)" />;
  }
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap="wrap" gap={8}>
        <Typography.Text>
          {draft.duties.length} cơ quan được phân công
          {doubtful.length > 0 && (
            <Typography.Text type="warning">, {doubtful.length} cần kiểm tra</Typography.Text>
          )}
        </Typography.Text>
        <Flex gap={6} align="center">
          <Switch
            size="small"
            checked={onlyDoubtful}
            onChange={setOnlyDoubtful}
            aria-label="Chỉ hiện cơ quan cần kiểm tra"
          />
          <span>Chỉ hiện cơ quan cần kiểm tra</span>
        </Flex>
      </Flex>
      {shown.map(({ duty, index }) => {
        const uncertain = anyUncertain(duty.agencies);
        return (
          <Card
            key={index}
            size="small"
            style={
              uncertain ? { background: UNCERTAIN_BACKGROUND, borderColor: UNCERTAIN_BORDER } : undefined
            }
            title={
              <Flex gap={8} align="center" wrap="wrap" style={{ whiteSpace: 'normal', paddingBlock: 4 }}>
                <span>
                  {duty.ordinal}. {duty.agencyText}
                </span>
                <AgencyLinks
                  links={duty.agencies}
                  slotOf={(i) => ({ kind: 'duty', duty: index, index: i })}
                  empty={<Typography.Text type="secondary">Không nhận ra cơ quan nào</Typography.Text>}
                />
              </Flex>
            }
          >
            {duty.paragraphs.map((p, i) => (
              <Typography.Paragraph
                // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs never reorder
                key={i}
                ellipsis={{ rows: 2, expandable: true, symbol: 'xem thêm' }}
                style={{ marginBottom: 4 }}
              >
                {p}
              </Typography.Paragraph>
            ))}
          </Card>
        );
      })}
    </Flex>
  );
}
