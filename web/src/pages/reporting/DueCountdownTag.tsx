import { Tag } from 'antd';
import { dueCountdown } from './dueCountdown';

/** A period's due date as time left; a closed period or a report already handed in needs no countdown. */
export function DueCountdownTag({ dueOn }: { dueOn: string }) {
  const c = dueCountdown(dueOn);
  return <Tag color={c.color}>{c.text}</Tag>;
}
