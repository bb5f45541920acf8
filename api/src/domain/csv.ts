/**
 * CSV as RFC 4180 writes it: fields separated by commas, records by CRLF, a field holding a comma, a quote, CR or
 * LF wrapped in quotes with its quotes doubled. A field a spreadsheet would run as a formula (starting with
 * `=`, `+`, `-`, `@`, a tab or CR) gets a leading `'`, so an exported name like `=HYPERLINK(…)` stays text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string | null): string {
  if (value === null) return '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvRecord(values: readonly (string | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
