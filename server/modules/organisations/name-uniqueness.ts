import type { Kysely } from 'kysely';
import { validityOverlaps } from '../../../shared/domain/organisations/agency-name';
import type { Database } from '../../db/schema';
import { AppError } from '../../http/errors';
import { findOrganisationsByFoldedName } from './organisation-repository';

/**
 * The registry's rule for names: two agencies whose validity periods overlap may not have the same
 * name once case, diacritics, invisible characters and spacing are ignored. An abolished agency's name
 * may be taken by one that starts after it ended. The database backs the common case with a unique
 * index over agencies without an end date (migration 20261130T2137_agency_name_folded).
 */
export async function assertAgencyNameFree(
  db: Kysely<Database>,
  candidate: { name: string; validFrom: string | null; validTo: string | null },
  selfId: number | null,
  field = 'name',
): Promise<void> {
  const same = await findOrganisationsByFoldedName(db, candidate.name);
  const clash = same.find(
    (o) => o.id !== selfId && validityOverlaps(candidate, { validFrom: o.valid_from, validTo: o.valid_to }),
  );
  if (clash) throw duplicateName(clash, field);
}

export function duplicateName(existing: { name: string; code: string }, field = 'name'): AppError {
  const message = `Đã có cơ quan "${existing.name}" (mã ${existing.code}) trùng tên và còn hiệu lực trong cùng thời gian`;
  return new AppError(
    'CONFLICT',
    `${message}. Hãy dùng cơ quan đã có, đặt tên khác, hoặc ghi ngày hết hiệu lực cho cơ quan cũ.`,
    [{ path: field, message }],
  );
}

/** The database's own refusal of a duplicate open-ended name (two saves racing past the check). */
export function isDuplicateNameViolation(err: unknown): boolean {
  const e = err as { code?: unknown; constraint?: unknown; message?: unknown };
  if (e.code === '23505') return e.constraint === 'organisations_open_name_folded_uq';
  return (
    e.code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    typeof e.message === 'string' &&
    e.message.includes('organisations.name_folded')
  );
}
