// Dates as the operator types them (dd-mm-yyyy, as printed on KTP and KK)
// and as the backend stores them (YYYY-MM-DD). A half-typed date is kept as
// typed so it can still be saved; the live check then reports it.

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** True for a real calendar date (29 February only in leap years). */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

function iso(y: number, m: number, d: number): string | null {
  return isCalendarDate(y, m, d) ? `${y}-${pad2(m)}-${pad2(d)}` : null;
}

/**
 * The `YYYY-MM-DD` of a typed date, or null when it is not a whole, real
 * date. Accepts `25-11-2026`, `25/11/2026`, `25.11.2026`, `25 11 2026`,
 * `5-1-2026`, `25112026` and an ISO `2026-11-25` (pasted from elsewhere).
 */
export function parseTypedDate(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\s*[-/. ]\s*(\d{1,2})\s*[-/. ]\s*(\d{4})$/.exec(t);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** What to store for a typed date: its ISO form when whole, else the text as typed. */
export function typedToStored(text: string): string {
  return parseTypedDate(text) ?? text.trim();
}

/** How a stored date is shown in its field: `2026-11-25` → `25-11-2026`; anything else as is. */
export function storedToTyped(stored: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(stored);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : stored;
}

/** `dd-mm-yyyy-HHMMSS` of an instant in WIB (UTC+7), for generated file names. */
export function wibStamp(ms: number): string {
  const t = new Date(ms + 7 * 60 * 60 * 1000);
  const date = `${pad2(t.getUTCDate())}-${pad2(t.getUTCMonth() + 1)}-${t.getUTCFullYear()}`;
  return `${date}-${pad2(t.getUTCHours())}${pad2(t.getUTCMinutes())}${pad2(t.getUTCSeconds())}`;
}
