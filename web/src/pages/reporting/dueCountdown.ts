import dayjs from 'dayjs';
import { todayIso } from '../../lib/dates';

export interface DueCountdown {
  text: string;
  /** antd Tag colour: calm while there is time, amber in the last week, red once late. */
  color: 'default' | 'warning' | 'error';
}

/** "còn 5 ngày" / "hạn chót hôm nay" / "quá hạn 2 ngày", counted in calendar days. */
export function dueCountdown(dueOn: string, today: string = todayIso()): DueCountdown {
  const days = dayjs(dueOn).diff(dayjs(today), 'day');
  if (days > 0) return { text: `còn ${days} ngày`, color: days <= 7 ? 'warning' : 'default' };
  if (days === 0) return { text: 'hạn chót hôm nay', color: 'warning' };
  return { text: `quá hạn ${-days} ngày`, color: 'error' };
}
