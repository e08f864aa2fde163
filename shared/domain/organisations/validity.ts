/** Dates are ISO strings (YYYY-MM-DD); an open end is null. Lexical order equals date order. */
export interface Validity {
  validFrom: string | null;
  validTo: string | null;
}

/** An agency exists on `date` when it started on or before it and had not ended before it. */
export function isValidOn(org: Validity, date: string): boolean {
  if (org.validFrom !== null && org.validFrom > date) return false;
  if (org.validTo !== null && org.validTo < date) return false;
  return true;
}
