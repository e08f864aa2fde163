import { List, Typography } from 'antd';
import type { UnsavedText } from './reportDraft';

/** Each text the server did not take, in full and with a copy button. */
export function UnsavedTextList({ items }: { items: UnsavedText[] }) {
  return (
    <List
      size="small"
      bordered
      dataSource={items}
      style={{ maxHeight: 360, overflow: 'auto' }}
      renderItem={(item) => (
        <List.Item style={{ display: 'block' }}>
          <Typography.Text strong>{item.label}</Typography.Text>
          <Typography.Paragraph
            copyable={{ text: item.value, tooltips: ['Sao chép', 'Đã sao chép'] }}
            style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}
          >
            {item.value}
          </Typography.Paragraph>
        </List.Item>
      )}
    />
  );
}
