/**
 * Vietnamese number formatting: "." groups thousands and "," marks decimals ("1.234,5"). Written by hand
 * rather than with Intl so the output does not depend on the ICU data the server happens to ship.
 */

export interface NumberFormatOptions {
  /** Drop trailing zeros of the decimals ("9,50" → "9,5", "9,00" → "9"). */
  trimZeros?: boolean;
}

/** Rounds half away from zero on the decimal digits, so 1.005 → 1.01 rather than binary 1.00. */
function roundAbs(abs: number, decimals: number): number {
  const text = String(abs);
  if (text.includes('e')) return Math.round(abs * 10 ** decimals) / 10 ** decimals;
  const shifted = String(Math.round(Number(`${text}e${decimals}`)));
  // So large that the shift itself needs exponent notation: there are no decimals left to round.
  if (shifted.includes('e')) return abs;
  return Number(`${shifted}e-${decimals}`);
}

export function formatNumberVi(n: number, decimals = 0, options: NumberFormatOptions = {}): string {
  if (!Number.isFinite(n)) return '—';
  const places = Math.min(20, Math.max(0, Math.trunc(decimals)));
  const abs = roundAbs(Math.abs(n), places);
  if (abs >= 1e21) return String(n); // toFixed switches to exponent notation here; nobody reports such figures
  const [whole = '0', fraction = ''] = abs.toFixed(places).split('.');
  const shownFraction = options.trimZeros === true ? fraction.replace(/0+$/, '') : fraction;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  // "-0" is not a number anyone writes: a value that rounds to zero loses its sign.
  const sign = n < 0 && abs !== 0 ? '-' : '';
  return `${sign}${grouped}${shownFraction === '' ? '' : `,${shownFraction}`}`;
}

export function formatPercentVi(n: number, decimals = 0, options: NumberFormatOptions = {}): string {
  if (!Number.isFinite(n)) return '—';
  return `${formatNumberVi(n, decimals, options)}%`;
}

/** Up to two decimals without trailing zeros: how figures read in report prose ("9%", "8,55%"). */
export function formatFigureVi(n: number): string {
  return formatNumberVi(n, 2, { trimZeros: true });
}
