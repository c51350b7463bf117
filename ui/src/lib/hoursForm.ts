// Office hours as a supervisor types them: one line per weekday such as
// "07:30-12:00, 13:00-15:30" (empty = closed), and holidays one date per
// line in dd-mm-yyyy. The backend validates the result (overlaps, order,
// limits); this only turns text into its shape and back, and names the
// line that could not be read.

import type { OfficeHours, OpenInterval } from './bindings';
import { parseTypedDate, storedToTyped } from './dates';

export type DayKey = Exclude<keyof OfficeHours, 'holidays'>;

export const WEEKDAYS: readonly { key: DayKey; label: string }[] = [
  { key: 'monday', label: 'Senin' },
  { key: 'tuesday', label: 'Selasa' },
  { key: 'wednesday', label: 'Rabu' },
  { key: 'thursday', label: 'Kamis' },
  { key: 'friday', label: 'Jumat' },
  { key: 'saturday', label: 'Sabtu' },
  { key: 'sunday', label: 'Minggu' },
];

/** `07:30-12:00, 13:00-15:30`; empty for a closed day. */
export function formatIntervals(intervals: OpenInterval[]): string {
  return intervals.map((iv) => `${iv.open}-${iv.close}`).join(', ');
}

function time(t: string): string | null {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(t.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return null;
  return `${String(h).padStart(2, '0')}:${m[2]}`;
}

/** The intervals of a typed line, or an Indonesian error naming the part. */
export function parseIntervals(text: string): { ok: true; value: OpenInterval[] } | { ok: false; error: string } {
  const parts = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const value: OpenInterval[] = [];
  for (const part of parts) {
    const [a, b, extra] = part.split(/\s*[-–]\s*/);
    const open = a === undefined ? null : time(a);
    const close = b === undefined ? null : time(b);
    if (extra !== undefined || open === null || close === null) {
      return { ok: false, error: `“${part}” tidak terbaca; tulis seperti 07:30-15:30.` };
    }
    value.push({ open, close });
  }
  return { ok: true, value };
}

/** Holidays as lines of dd-mm-yyyy. */
export function formatHolidays(days: string[]): string {
  return days.map(storedToTyped).join('\n');
}

/** ISO dates of the typed lines, or an error naming the first unreadable one. */
export function parseHolidays(text: string): { ok: true; value: string[] } | { ok: false; error: string } {
  const value: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t === '') continue;
    const iso = parseTypedDate(t);
    if (iso === null) return { ok: false, error: `Tanggal libur “${t}” tidak terbaca; tulis seperti 31-03-2027.` };
    value.push(iso);
  }
  return { ok: true, value };
}
