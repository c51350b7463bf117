import { describe, expect, it } from 'vitest';
import type { Reading, Suggestion } from './bindings';
import { alreadyThere, percent, shownChars, suggestionAt } from './suggest';

const s = (field: string, value: string, extra: Partial<Suggestion> = {}): Suggestion => ({
  field,
  value,
  confidence: 0.9,
  chars: [...value].map(() => 0.99),
  fixed: [],
  problem: null,
  ...extra,
});

const reading = (kind: 'ktp' | 'kk', fields: Suggestion[], members: Suggestion[][] = []): Reading => ({
  kind,
  fields,
  members: members.map((f, row) => ({ row, fields: f })),
  qr: null,
  turn: 0,
  lines: 10,
  millis: 1200,
});

describe('suggestionAt', () => {
  const ktp = reading('ktp', [s('nik', '3516131007850058'), s('nama', 'AHMAD')]);
  const kk = reading('kk', [s('no_kk', '3516022102240214')], [[s('nik', '3516022008750334')], [s('nama', 'INTAN')]]);
  it('finds KTP, KK and member fields by path', () => {
    expect(suggestionAt(ktp, kk, 'ktp.nik')?.value).toBe('3516131007850058');
    expect(suggestionAt(ktp, kk, 'kk.no_kk')?.value).toBe('3516022102240214');
    expect(suggestionAt(ktp, kk, 'kk.anggota.0.nik')?.value).toBe('3516022008750334');
    expect(suggestionAt(ktp, kk, 'kk.anggota.1.nama')?.value).toBe('INTAN');
  });
  it('answers null for what was not read', () => {
    expect(suggestionAt(ktp, kk, 'ktp.agama')).toBeNull();
    expect(suggestionAt(ktp, kk, 'kk.anggota.5.nik')).toBeNull();
    expect(suggestionAt(null, null, 'ktp.nik')).toBeNull();
  });
});

describe('shownChars', () => {
  it('marks low-confidence digits and look-alike fixes', () => {
    const nik = s('nik', '3516', { chars: [0.99, 0.5, 0.99, 0.99], fixed: [3] });
    expect(shownChars(nik).map((c) => c.doubtful)).toEqual([false, true, false, true]);
  });
  it('marks nothing when the value is shown in another format', () => {
    const date = s('tanggal_lahir', '1985-07-10', { chars: Array(10).fill(0.1) });
    expect(shownChars(date, '10-07-1985').some((c) => c.doubtful)).toBe(false);
  });
});

describe('alreadyThere and percent', () => {
  it('ignores case and spacing', () => {
    expect(alreadyThere('jl. melati no.56', s('alamat', 'JL. MELATI NO. 56'))).toBe(true);
    expect(alreadyThere('', s('alamat', 'JL'))).toBe(false);
    expect(percent(s('x', 'y', { confidence: 0.876 }))).toBe(88);
  });
});
