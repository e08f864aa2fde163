/** A database id from the address bar; anything else (typos, "abc", "-1") is null so the page can say "not found". */
export function idParam(value: string | undefined): number | null {
  if (!value || !/^\d{1,9}$/.test(value)) return null;
  const n = Number(value);
  return n > 0 ? n : null;
}
