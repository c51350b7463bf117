// Pure formatting for everything the operator reads: WIB dates and times,
// elapsed time, grouped NIK/KK and phone numbers, and the words of the
// backend's snake_case enums (their labels are generated from the core into
// bindings.ts). No DOM, no machine time zone: WIB is UTC+7 all year, so it is
// computed here and unit-tested.

import { CATEGORY_LABELS, OUTCOME_LABELS, STATUS_LABELS } from './bindings';
import type { Category, Outcome, RegionInfo, Role, Sex, SlaClock, Status } from './bindings';

const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The wall-clock parts of an instant in WIB. */
function wibParts(ms: number): { y: number; mo: number; d: number; h: number; mi: number } {
  const t = new Date(ms + WIB_OFFSET_MS);
  return {
    y: t.getUTCFullYear(),
    mo: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    h: t.getUTCHours(),
    mi: t.getUTCMinutes(),
  };
}

/** `dd-mm-yyyy` in WIB. */
export function formatDateWib(ms: number): string {
  const p = wibParts(ms);
  return `${pad2(p.d)}-${pad2(p.mo)}-${p.y}`;
}

/** `HH:MM WIB`. */
export function formatTimeWib(ms: number): string {
  const p = wibParts(ms);
  return `${pad2(p.h)}:${pad2(p.mi)} WIB`;
}

/** `dd-mm-yyyy HH:MM WIB`. */
export function formatDateTimeWib(ms: number): string {
  return `${formatDateWib(ms)} ${formatTimeWib(ms)}`;
}

/** A calendar date `YYYY-MM-DD` (birth or recording date) as `dd-mm-yyyy`. */
export function formatIsoDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

/** Time since `fromMs`: "< 1 mnt", "12 mnt", "2 jam 5 mnt", "3 hari". */
export function formatElapsed(fromMs: number, nowMs: number): string {
  const ms = nowMs - fromMs;
  if (ms < MINUTE_MS) return '< 1 mnt';
  if (ms < HOUR_MS) return `${Math.floor(ms / MINUTE_MS)} mnt`;
  if (ms < DAY_MS) {
    const h = Math.floor(ms / HOUR_MS);
    const mi = Math.floor((ms % HOUR_MS) / MINUTE_MS);
    return mi === 0 ? `${h} jam` : `${h} jam ${mi} mnt`;
  }
  return `${Math.floor(ms / DAY_MS)} hari`;
}

/** `+6281234567890` → `+62 812-3456-7890`; anything else is shown as stored. */
export function formatPhone(e164: string): string {
  const m = /^\+62(8\d{8,11})$/.exec(e164);
  if (!m) return e164;
  const national = m[1];
  const head = national.slice(0, 3);
  const mid = national.slice(3, 7);
  const tail = national.slice(7);
  return `+62 ${head}-${mid}${tail ? `-${tail}` : ''}`;
}

/** A 16-digit NIK or KK number in groups of four: `3516 0245 1290 0003`. */
export function formatIdNumber(digits: string | null): string {
  if (!digits) return '—';
  return /^\d{16}$/.test(digits) ? (digits.match(/\d{4}/g) ?? []).join(' ') : digits;
}

export const OPEN_STATUSES: readonly Status[] = ['received', 'verifying', 'waiting_citizen'];

export const statusLabel = (s: Status): string => STATUS_LABELS[s];
export const outcomeLabel = (o: Outcome): string => OUTCOME_LABELS[o];
export const categoryLabel = (c: Category): string => CATEGORY_LABELS[c];
export const sexLabel = (s: Sex): string => (s === 'L' ? 'Laki-laki' : 'Perempuan');

/** The label of the button that moves a request from `from` to `to`. */
export function moveLabel(from: Status, to: Status): string {
  switch (to) {
    case 'verifying':
      return from === 'waiting_citizen' ? 'Lanjutkan verifikasi' : 'Mulai verifikasi';
    case 'waiting_citizen':
      return 'Tunggu pemohon';
    case 'done':
      return 'Tandai selesai';
    case 'replied':
      return 'Tandai sudah dibalas';
    case 'received':
      return statusLabel(to);
  }
}

/** "Kec. Sooko, Kabupaten Mojokerto, Jawa Timur"; missing parts are left out. */
export function formatRegion(r: RegionInfo): string {
  const parts = [r.kecamatan ? `Kec. ${r.kecamatan}` : null, r.kabkota, r.provinsi];
  const text = parts.filter((p): p is string => !!p).join(', ');
  return text || `Kode wilayah ${r.kode} tidak dikenal`;
}

const DUPLICATE_KEY_LABEL: Record<string, string> = { nik: 'NIK', kk: 'nomor KK', phone: 'nomor WA' };

/** "NIK, nomor WA": which numbers a possible re-send shares. */
export function duplicateKeysLabel(keys: readonly string[]): string {
  return keys.map((k) => DUPLICATE_KEY_LABEL[k] ?? k).join(', ');
}

/** How the queue shows a request's time promise. */
export interface SlaView {
  level: 'ok' | 'warning' | 'breached' | 'paused' | 'done';
  text: string;
}

function minutes(ms: number): string {
  const m = Math.floor(Math.abs(ms) / 60_000);
  return m >= 60 ? `${Math.floor(m / 60)} j ${m % 60} mnt` : `${m} mnt`;
}

/**
 * The remaining office time of a clock fetched at `fetchedAt`, as of `now`.
 * A running clock counts down in step with the wall clock only up to
 * `counting_until` (the close of the current office interval, from the
 * backend, which knows office hours and holidays); after that it freezes
 * until the office opens and the next refresh.
 */
export function formatSla(c: SlaClock, fetchedAt: number, now: number): SlaView {
  if (c.state === 'met' || c.state === 'breached') {
    return { level: 'done', text: c.state === 'met' ? 'Tepat waktu' : 'Terlambat' };
  }
  if (c.state === 'paused') return { level: 'paused', text: `Dijeda · sisa ${minutes(c.remaining_ms)}` };
  const countedTo = c.counting_until === null ? fetchedAt : Math.min(now, c.counting_until);
  const left = c.state === 'running' ? c.remaining_ms - Math.max(0, countedTo - fetchedAt) : c.remaining_ms;
  if (left < 0) return { level: 'breached', text: `Lewat ${minutes(left)}` };
  // The warning threshold is a setting: the backend's level decides.
  return { level: c.level === 'warning' ? 'warning' : 'ok', text: minutes(left) };
}

/** Office minutes of a duration: `12 mnt`, `1 j 5 mnt`; `—` for none. */
export function formatMinutes(ms: number | null): string {
  if (ms === null) return '—';
  const m = Math.round(ms / 60_000);
  return m >= 60 ? `${Math.floor(m / 60)} j ${m % 60} mnt` : `${m} mnt`;
}

/** A share 0..1 as a whole percentage: `87%`. */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** The YYYY-MM-DD of the WIB day of a UTC instant. */
export function wibIsoDate(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The Indonesian word of an account's role. */
export function roleLabel(role: Role): string {
  return role === 'supervisor' ? 'Supervisor' : 'Operator';
}

/** Rupiah with dots: 20000 → `Rp20.000`. */
export function formatRupiah(n: number): string {
  return `Rp${String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}
