const NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 3 });

/** Vietnamese number style: decimal comma, dot for thousands ("9,5", "1.200"). */
export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/** The first characters of a checksum, enough for a person to compare two files at a glance. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} byte`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 102.4) / 10)} KB`;
  return `${formatNumber(Math.round(bytes / (1024 * 102.4)) / 10)} MB`;
}
