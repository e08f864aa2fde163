import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Typography } from 'antd';
import { useState } from 'react';
import { type IndicatorDetail, VALUE_KIND_LABELS } from '../../../../shared/contracts/indicators';
import { EditIndicatorModal } from './EditIndicatorModal';

/** Code, name, unit, owner and definition; coordinators can correct them. */
export function IndicatorHeader({ indicator }: { indicator: IndicatorDetail }) {
  const [editing, setEditing] = useState(false);
  return (
    <Card style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="flex-start" wrap="wrap" gap={12}>
        <Typography.Title level={2} style={{ margin: 0, flex: '1 1 480px' }}>
          <Typography.Text type="secondary" style={{ fontSize: 'inherit', fontWeight: 'normal' }}>
            {indicator.code} ·{' '}
          </Typography.Text>
          {indicator.name}
        </Typography.Title>
        {indicator.canManage && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            Sửa thông tin chỉ số
          </Button>
        )}
      </Flex>
      <Descriptions
        style={{ marginTop: 12 }}
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'unit', label: 'Đơn vị tính', children: indicator.unit },
          { key: 'kind', label: 'Số liệu hằng năm là', children: VALUE_KIND_LABELS[indicator.valueKind] },
          { key: 'owner', label: 'Cơ quan chủ trì số liệu', children: indicator.owner?.name ?? 'Chưa giao' },
          {
            key: 'definition',
            label: 'Định nghĩa',
            span: 'filled',
            children: indicator.definition ?? (
              <Typography.Text type="secondary">Chưa ghi định nghĩa</Typography.Text>
            ),
          },
        ]}
      />
      {editing && <EditIndicatorModal indicator={indicator} onClose={() => setEditing(false)} />}
    </Card>
  );
}
