// Pure helpers of the photo readings (OCR suggestions): which suggestion
// belongs to a form path, how a value is shown digit by digit with the
// doubtful characters marked, and whether the form already holds it.

import type { Reading, Suggestion } from './bindings';

/** Below this confidence (or read as a look-alike letter) a character is marked. */
export const DOUBTFUL = 0.85;

/** The suggestion for a form path (`ktp.nik`, `kk.no_kk`, `kk.anggota.2.nik`). */
export function suggestionAt(ktp: Reading | null, kk: Reading | null, path: string): Suggestion | null {
  const member = /^kk\.anggota\.(\d+)\.(.+)$/.exec(path);
  if (member) {
    const row = kk?.members.find((m) => m.row === Number(member[1]));
    return row?.fields.find((f) => f.field === member[2]) ?? null;
  }
  const [section, field] = path.split('.', 2);
  const reading = section === 'ktp' ? ktp : section === 'kk' ? kk : null;
  return reading?.fields.find((f) => f.field === field) ?? null;
}

export interface ShownChar {
  ch: string;
  doubtful: boolean;
}

/** The characters of `shown` (the value as displayed) with the doubtful ones marked. */
export function shownChars(s: Suggestion, shown: string = s.value): ShownChar[] {
  const same = shown === s.value;
  return [...shown].map((ch, i) => ({
    ch,
    doubtful: same && ((s.chars[i] ?? 1) < DOUBTFUL || s.fixed.includes(i)),
  }));
}

/** The form already holds the suggested value (ignoring case and spacing). */
export function alreadyThere(formValue: string, s: Suggestion): boolean {
  const norm = (x: string): string => x.replace(/\s+/g, '').toUpperCase();
  return norm(formValue) === norm(s.value);
}

/** Confidence as a whole percentage. */
export const percent = (s: Suggestion): number => Math.round(s.confidence * 100);
