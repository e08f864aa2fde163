import { Typography } from 'antd';
import { formatDate } from '../../lib/dates';

/** Reads like an official decision: "Hiệu lực từ 01/03/2025 đến 30/06/2025". */
export function ValidityText({ validFrom, validTo }: { validFrom: string | null; validTo: string | null }) {
  if (!validFrom && !validTo) return <Typography.Text type="secondary">Không giới hạn</Typography.Text>;
  const from = validFrom ? `Từ ${formatDate(validFrom)}` : 'Trước đây';
  const to = validTo ? ` đến ${formatDate(validTo)}` : ' đến nay';
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {from}
      {to}
    </span>
  );
}
