// The verification form's shape as the screen needs it: the KTP-el and KK
// fields in the order the documents print them (DOMAIN.md "The fields"),
// their labels and input kinds, field paths ("ktp.nik",
// "kk.anggota.0.nik") and their input ids, and the pure edits that must keep
// marks and paths consistent (removing a member row). No DOM; unit-tested.

import type { FieldFindings, FormCheck, KkFields, KkMember, KtpFields, VerificationForm } from './bindings';

export type FieldKind = 'text' | 'date' | 'sex' | 'digits';
export type Section = 'ktp' | 'kk';

export interface FieldDef<K extends string = string> {
  key: K;
  label: string;
  kind: FieldKind;
  placeholder?: string;
  /** Suggestions offered while typing (a datalist id from FIELD_LISTS). */
  list?: keyof typeof FIELD_LISTS;
}

/** Usual printed values, offered as suggestions; the operator can type anything. */
export const FIELD_LISTS = {
  agama: ['ISLAM', 'KRISTEN', 'KATOLIK', 'HINDU', 'BUDDHA', 'KHONGHUCU', 'KEPERCAYAAN TERHADAP TUHAN YME'],
  kawin: ['BELUM KAWIN', 'KAWIN', 'CERAI HIDUP', 'CERAI MATI'],
  goldarah: ['A', 'B', 'AB', 'O', '-'],
  wn: ['WNI', 'WNA'],
  berlaku: ['SEUMUR HIDUP'],
  hubungan: ['KEPALA KELUARGA', 'SUAMI', 'ISTRI', 'ANAK', 'MENANTU', 'CUCU', 'ORANG TUA', 'MERTUA', 'FAMILI LAIN', 'LAINNYA'],
} as const;

const DATE = 'dd-mm-yyyy';

export const KTP_FIELDS: readonly FieldDef<keyof KtpFields>[] = [
  { key: 'provinsi', label: 'Provinsi', kind: 'text' },
  { key: 'kabupaten', label: 'Kabupaten/Kota', kind: 'text' },
  { key: 'nik', label: 'NIK', kind: 'digits', placeholder: '16 angka' },
  { key: 'nama', label: 'Nama', kind: 'text' },
  { key: 'tempat_lahir', label: 'Tempat lahir', kind: 'text' },
  { key: 'tanggal_lahir', label: 'Tanggal lahir', kind: 'date', placeholder: DATE },
  { key: 'jenis_kelamin', label: 'Jenis kelamin', kind: 'sex' },
  { key: 'gol_darah', label: 'Gol. darah', kind: 'text', list: 'goldarah' },
  { key: 'alamat', label: 'Alamat', kind: 'text' },
  { key: 'rt_rw', label: 'RT/RW', kind: 'text', placeholder: '000/000' },
  { key: 'kel_desa', label: 'Kel/Desa', kind: 'text' },
  { key: 'kecamatan', label: 'Kecamatan', kind: 'text' },
  { key: 'agama', label: 'Agama', kind: 'text', list: 'agama' },
  { key: 'status_perkawinan', label: 'Status perkawinan', kind: 'text', list: 'kawin' },
  { key: 'pekerjaan', label: 'Pekerjaan', kind: 'text' },
  { key: 'kewarganegaraan', label: 'Kewarganegaraan', kind: 'text', list: 'wn' },
  { key: 'berlaku_hingga', label: 'Berlaku hingga', kind: 'text', list: 'berlaku', placeholder: 'SEUMUR HIDUP' },
];

export const KK_FIELDS: readonly FieldDef<Exclude<keyof KkFields, 'anggota'>>[] = [
  { key: 'no_kk', label: 'No. KK', kind: 'digits', placeholder: '16 angka' },
  { key: 'kepala_keluarga', label: 'Nama kepala keluarga', kind: 'text' },
  { key: 'alamat', label: 'Alamat', kind: 'text' },
  { key: 'rt_rw', label: 'RT/RW', kind: 'text', placeholder: '000/000' },
  { key: 'desa_kelurahan', label: 'Desa/Kelurahan', kind: 'text' },
  { key: 'kecamatan', label: 'Kecamatan', kind: 'text' },
  { key: 'kabupaten_kota', label: 'Kabupaten/Kota', kind: 'text' },
  { key: 'kode_pos', label: 'Kode pos', kind: 'digits' },
  { key: 'provinsi', label: 'Provinsi', kind: 'text' },
  { key: 'tanggal_dikeluarkan', label: 'Dikeluarkan tanggal', kind: 'date', placeholder: DATE },
];

export const MEMBER_COLS: readonly FieldDef<keyof KkMember>[] = [
  { key: 'nama', label: 'Nama lengkap', kind: 'text' },
  { key: 'nik', label: 'NIK', kind: 'digits', placeholder: '16 angka' },
  { key: 'jenis_kelamin', label: 'Jenis kelamin', kind: 'sex' },
  { key: 'tempat_lahir', label: 'Tempat lahir', kind: 'text' },
  { key: 'tanggal_lahir', label: 'Tanggal lahir', kind: 'date', placeholder: DATE },
  { key: 'hubungan', label: 'Hubungan', kind: 'text', list: 'hubungan' },
];

export const ktpPath = (key: string): string => `ktp.${key}`;
export const kkPath = (key: string): string => `kk.${key}`;
export const memberPath = (row: number, col: string): string => `kk.anggota.${row}.${col}`;

/** The id of a field's input: `ktp.nik` → `v-ktp-nik`, `kk.anggota.0.nik` → `v-kk-anggota-0-nik`. */
export const inputId = (path: string): string => `v-${path.replaceAll('.', '-')}`;

/** Which document a path belongs to. */
export function sectionOf(path: string): Section | null {
  if (path.startsWith('ktp.')) return 'ktp';
  if (path.startsWith('kk.')) return 'kk';
  return null;
}

export function emptyMember(): KkMember {
  return { nama: '', nik: '', jenis_kelamin: '', tempat_lahir: '', tanggal_lahir: '', hubungan: '' };
}

export function emptyForm(): VerificationForm {
  const ktp = Object.fromEntries(KTP_FIELDS.map((f) => [f.key, ''])) as KtpFields;
  const kk = { ...Object.fromEntries(KK_FIELDS.map((f) => [f.key, ''])), anggota: [] } as unknown as KkFields;
  return { ktp, kk, marks: {}, revisions: [] };
}

/** Every field path of the form, in screen order (KTP, KK, then each member row). */
export function orderedPaths(form: VerificationForm): string[] {
  return [
    ...KTP_FIELDS.map((f) => ktpPath(f.key)),
    ...KK_FIELDS.map((f) => kkPath(f.key)),
    ...form.kk.anggota.flatMap((_, i) => MEMBER_COLS.map((c) => memberPath(i, c.key))),
  ];
}

/** The path after `path` in screen order, or null at the end. */
export function nextPath(form: VerificationForm, path: string): string | null {
  const all = orderedPaths(form);
  const i = all.indexOf(path);
  return i >= 0 && i + 1 < all.length ? all[i + 1] : null;
}

/** Marks after removing member row `row`: its marks go, later rows move up one. */
export function marksWithoutRow(marks: VerificationForm['marks'], row: number): VerificationForm['marks'] {
  const out: VerificationForm['marks'] = {};
  for (const [path, mark] of Object.entries(marks)) {
    if (!mark) continue;
    const m = /^kk\.anggota\.(\d+)\.(.+)$/.exec(path);
    if (!m) {
      out[path] = mark;
      continue;
    }
    const i = Number(m[1]);
    if (i < row) out[path] = mark;
    else if (i > row) out[memberPath(i - 1, m[2])] = mark;
  }
  return out;
}

/** Removes member row `row` and keeps every other row's marks on that row. */
export function removeMember(form: VerificationForm, row: number): void {
  if (row < 0 || row >= form.kk.anggota.length) return;
  form.kk.anggota.splice(row, 1);
  form.marks = marksWithoutRow(form.marks, row);
}

const DIGIT_KEYS = new Set(['ktp.nik', 'kk.no_kk', 'kk.kode_pos']);

/** A field value as saved: trimmed, single spaces, UPPERCASE; NIK and KK numbers as bare digits. */
export function normalizeValue(path: string, value: string): string {
  const v = value.trim().replace(/\s+/g, ' ').toUpperCase();
  const isDigits = DIGIT_KEYS.has(path) || /^kk\.anggota\.\d+\.nik$/.test(path);
  if (isDigits) {
    const digits = v.replace(/[\s.\-]/g, '');
    return /^\d+$/.test(digits) ? digits : v;
  }
  return v;
}

/** The form as saved: every value normalised, empty revisions and blank reasons dropped. */
export function normalizeForm(form: VerificationForm): VerificationForm {
  const ktp = { ...form.ktp };
  for (const f of KTP_FIELDS) ktp[f.key] = normalizeValue(ktpPath(f.key), ktp[f.key] ?? '');
  const kk = { ...form.kk, anggota: form.kk.anggota.map((m) => ({ ...m })) };
  for (const f of KK_FIELDS) kk[f.key] = normalizeValue(kkPath(f.key), kk[f.key] ?? '');
  kk.anggota.forEach((m, i) => {
    for (const c of MEMBER_COLS) m[c.key] = normalizeValue(memberPath(i, c.key), m[c.key] ?? '');
  });
  const marks: VerificationForm['marks'] = {};
  for (const path of Object.keys(form.marks).sort()) {
    const mark = form.marks[path];
    if (!mark) continue;
    const reason = mark.ok ? null : (mark.reason ?? '').trim() || null;
    marks[path] = { ok: mark.ok, reason };
  }
  return { ktp, kk, marks, revisions: form.revisions.map((r) => ({ ...r })) };
}

/** A stable text of the form's meaning, to tell whether there are unsaved changes. */
export function formKey(form: VerificationForm): string {
  return JSON.stringify(normalizeForm(form));
}

/** The value at a path, '' when there is none. */
export function valueAt(form: VerificationForm, path: string): string {
  const parts = path.split('.');
  if (parts[0] === 'ktp' && parts.length === 2) return form.ktp[parts[1] as keyof KtpFields] ?? '';
  if (parts[0] === 'kk' && parts.length === 2 && parts[1] !== 'anggota') {
    return (form.kk[parts[1] as Exclude<keyof KkFields, 'anggota'>] as string | undefined) ?? '';
  }
  if (parts[0] === 'kk' && parts[1] === 'anggota' && parts.length === 4) {
    return form.kk.anggota[Number(parts[2])]?.[parts[3] as keyof KkMember] ?? '';
  }
  return '';
}

/** Sets the value at a path; false when the path names no field. */
export function setValueAt(form: VerificationForm, path: string, value: string): boolean {
  const parts = path.split('.');
  if (parts[0] === 'ktp' && parts.length === 2 && KTP_FIELDS.some((f) => f.key === parts[1])) {
    form.ktp[parts[1] as keyof KtpFields] = value;
    return true;
  }
  if (parts[0] === 'kk' && parts.length === 2 && KK_FIELDS.some((f) => f.key === parts[1])) {
    form.kk[parts[1] as Exclude<keyof KkFields, 'anggota'>] = value;
    return true;
  }
  const row = form.kk.anggota[Number(parts[2])];
  if (parts[0] === 'kk' && parts[1] === 'anggota' && parts.length === 4 && row && MEMBER_COLS.some((c) => c.key === parts[3])) {
    row[parts[3] as keyof KkMember] = value;
    return true;
  }
  return false;
}

/** The findings of one field (empty lists when it has none or nothing was checked yet). */
export function findingsAt(check: FormCheck | null, path: string): FieldFindings {
  return check?.fields[path] ?? { errors: [], warnings: [] };
}

/** The field paths that carry a finding with `code` (to jump from a problem to its fields). */
export function pathsWithCode(check: FormCheck | null, code: string): string[] {
  if (!check) return [];
  return Object.entries(check.fields)
    .filter(([, f]) => f && [...f.errors, ...f.warnings].some((x) => x.code === code))
    .map(([p]) => p);
}
