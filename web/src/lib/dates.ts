import dayjs from 'dayjs';
import { localDate } from '../../../shared/domain/reporting/local-date';
import 'dayjs/locale/vi';

dayjs.locale('vi');

/** Vietnamese convention: day first. */
export const DATE_FORMAT = 'DD/MM/YYYY';
export const DATE_TIME_FORMAT = 'DD/MM/YYYY HH:mm';
const ISO_DATE = 'YYYY-MM-DD';

export function formatDate(iso: string | null): string {
  return iso ? dayjs(iso).format(DATE_FORMAT) : '';
}

export function formatDateTime(iso: string): string {
  const d = dayjs(iso);
  return d.isValid() ? d.format(DATE_TIME_FORMAT) : iso;
}

export function todayIso(): string {
  return dayjs().format(ISO_DATE);
}

export function toIsoDate(value: dayjs.Dayjs | null | undefined): string | null {
  return value ? value.format(ISO_DATE) : null;
}

export function fromIsoDate(iso: string | null | undefined): dayjs.Dayjs | null {
  return iso ? dayjs(iso) : null;
}

/** This year on the Vietnamese calendar, the year the server judges task statuses for by default. */
export function vietnamYear(): number {
  return Number(localDate(new Date()).slice(0, 4));
}
