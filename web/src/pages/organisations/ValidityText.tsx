import { Typography } from 'antd';
import { formatDate } from '../../lib/dates';

/** Reads like an official decision: "Từ 01/03/2025 đến 30/06/2025", "Đến hết 28/02/2025". */
export function ValidityText({ validFrom, validTo }: { validFrom: string | null; validTo: string | null }) {
  if (!validFrom && !validTo) return <Typography.Text type="secondary">Không giới hạn</Typography.Text>;
  const text = !validFrom
    ? `Đến hết ${formatDate(validTo)}`
    : `Từ ${formatDate(validFrom)} ${validTo ? `đến ${formatDate(validTo)}` : 'đến nay'}`;
  return <span>{text}</span>;
}
