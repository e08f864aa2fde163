/**
 * Vietnamese numbers: a comma is the decimal mark ("9,5" = 9.5) and a dot groups thousands
 * ("1.000" = 1000). A dot followed by other than three digits is read as a decimal mark, which is
 * how numbers typed by people used to English software look ("9.5").
 */
export function parseVietnameseNumber(text: string): number | null {
  const compact = text.replace(/\s+/g, '');
  if (!/^\d+(?:[.,]\d+)*$/.test(compact)) return null;
  let normalised: string;
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(compact))
    normalised = compact.replace(/\./g, '').replace(',', '.');
  else if (/^\d+,\d+$/.test(compact)) normalised = compact.replace(',', '.');
  else if (/^\d+(?:\.\d+)?$/.test(compact)) normalised = compact;
  else return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}
