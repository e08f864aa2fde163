import { z } from 'zod';
import {
  ISO_DATE_MESSAGE,
  ISO_DATE_TIME_MESSAGE,
  isIsoDate,
  isIsoDateTime,
  MAX_DATE_YEAR,
  MIN_DATE_YEAR,
} from '../domain/calendar/iso-date';

/**
 * Building blocks shared by every request schema, so one kind of value is checked one way everywhere:
 * dates are real calendar dates, ids and counts fit the databases' 32-bit integer columns, pages are
 * bounded. (NUL characters and nesting depth are refused for every request before these run:
 * server/http/input-guard.ts.)
 */

/** 'YYYY-MM-DD', a real calendar date (2026-02-31 and 9999-99-99 are refused). */
export const isoDateSchema = z.string(ISO_DATE_MESSAGE).refine(isIsoDate, ISO_DATE_MESSAGE);

/** An instant in ISO 8601 with its zone ("2026-11-30T21:05:00.000Z"). */
export const isoDateTimeSchema = z.string(ISO_DATE_TIME_MESSAGE).refine(isIsoDateTime, ISO_DATE_TIME_MESSAGE);

/** Largest value of the INTEGER columns (PostgreSQL int4); a bigger id cannot exist. */
export const MAX_INT32 = 2_147_483_647;

const ID_MESSAGE = 'Mã định danh phải là số nguyên dương';

/** A row id in a JSON body. */
export const idSchema = z.number(ID_MESSAGE).int(ID_MESSAGE).min(1, ID_MESSAGE).max(MAX_INT32, ID_MESSAGE);

/** A row id in the path or query string ("/api/plans/12"): "abc", "1e10" and "-1" are refused. */
export const idParamSchema = z.coerce
  .number(ID_MESSAGE)
  .int(ID_MESSAGE)
  .min(1, ID_MESSAGE)
  .max(MAX_INT32, ID_MESSAGE);

/** An optimistic-lock version or other counter stored in an INTEGER column. */
export const versionSchema = z
  .number('Phiên bản phải là số nguyên')
  .int('Phiên bản phải là số nguyên')
  .min(0, 'Phiên bản không hợp lệ')
  .max(MAX_INT32, 'Phiên bản không hợp lệ');

/** The furthest page a list can be asked for; beyond it the offset means nothing. */
export const MAX_PAGE = 100_000;

export const pageSchema = z.coerce
  .number('Số trang phải là số nguyên')
  .int('Số trang phải là số nguyên')
  .min(1, 'Số trang phải từ 1 trở lên')
  .max(MAX_PAGE, `Số trang tối đa là ${MAX_PAGE}`)
  .default(1);

export const pageSizeSchema = (max: number, def: number) =>
  z.coerce
    .number('Số dòng mỗi trang phải là số nguyên')
    .int('Số dòng mỗi trang phải là số nguyên')
    .min(1, 'Số dòng mỗi trang phải từ 1 trở lên')
    .max(max, `Số dòng mỗi trang tối đa là ${max}`)
    .default(def);

/** A year in a query string or body, within the years the application handles. */
export const yearSchema = z
  .number('Năm phải là số nguyên')
  .int('Năm phải là số nguyên')
  .min(MIN_DATE_YEAR, `Năm phải từ ${MIN_DATE_YEAR} trở đi`)
  .max(MAX_DATE_YEAR, `Năm phải không quá ${MAX_DATE_YEAR}`);

/** The row id as the API answers it (in a response: the server wrote it, so it is only typed, not bounded). */
export const idResponseSchema = z.number().int();

/** One page of a list, as every paged list answers: the rows, how many there are in all, and where. */
export const pagedListSchema = <Item extends z.ZodType>(item: Item) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
