// Unit tests of the pure formatting: WIB, elapsed time, numbers and labels.
import { afterEach, describe, expect, it } from 'vitest';
import type { SlaClock } from './bindings';
import {
  duplicateKeysLabel,
  formatSla,
  formatDateTimeWib,
  formatDateWib,
  formatElapsed,
  formatIdNumber,
  formatIsoDate,
  formatPhone,
  formatRegion,
  formatTimeWib,
  moveLabel,
  sexLabel,
} from './format';

const utc = (iso: string): number => Date.parse(iso);
const MIN = 60_000;

describe('WIB date and time', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('adds seven hours to UTC', () => {
    expect(formatDateTimeWib(utc('2025-11-26T00:30:00Z'))).toBe('26-11-2025 07:30 WIB');
  });

  it('rolls over to the next WIB day at 17:00 UTC', () => {
    expect(formatDateTimeWib(utc('2025-11-25T16:59:00Z'))).toBe('25-11-2025 23:59 WIB');
    expect(formatDateTimeWib(utc('2025-11-25T17:00:00Z'))).toBe('26-11-2025 00:00 WIB');
  });

  it('rolls over the year and handles leap days', () => {
    expect(formatDateWib(utc('2024-12-31T17:00:00Z'))).toBe('01-01-2025');
    expect(formatDateWib(utc('2024-02-28T18:00:00Z'))).toBe('29-02-2024');
    expect(formatDateWib(utc('2023-02-28T18:00:00Z'))).toBe('01-03-2023');
  });

  it('pads hours and minutes and ignores seconds', () => {
    expect(formatTimeWib(utc('2025-01-05T02:03:59Z'))).toBe('09:03 WIB');
  });

  it('does not depend on the machine time zone', () => {
    const ms = utc('2025-06-30T20:15:00Z');
    for (const tz of ['UTC', 'America/New_York', 'Asia/Jakarta', 'Pacific/Kiritimati']) {
      process.env.TZ = tz;
      expect(formatDateTimeWib(ms)).toBe('01-07-2025 03:15 WIB');
    }
  });
});

describe('formatIsoDate', () => {
  it('turns YYYY-MM-DD into dd-mm-yyyy', () => {
    expect(formatIsoDate('1990-12-05')).toBe('05-12-1990');
  });
  it('leaves anything else alone', () => {
    expect(formatIsoDate('05/12/1990')).toBe('05/12/1990');
  });
});

describe('formatElapsed', () => {
  const t0 = utc('2025-11-26T01:00:00Z');
  it.each([
    [0, '< 1 mnt'],
    [59_999, '< 1 mnt'],
    [MIN, '1 mnt'],
    [12 * MIN + 30_000, '12 mnt'],
    [59 * MIN, '59 mnt'],
    [60 * MIN, '1 jam'],
    [125 * MIN, '2 jam 5 mnt'],
    [23 * 60 * MIN + 59 * MIN, '23 jam 59 mnt'],
    [24 * 60 * MIN, '1 hari'],
    [3 * 24 * 60 * MIN + 5 * 60 * MIN, '3 hari'],
  ])('%d ms after receipt is "%s"', (ms, text) => {
    expect(formatElapsed(t0, t0 + ms)).toBe(text);
  });
  it('treats a receipt time in the future (clock skew) as just now', () => {
    expect(formatElapsed(t0, t0 - 5 * MIN)).toBe('< 1 mnt');
  });
});

describe('formatPhone', () => {
  it('groups an E.164 Indonesian mobile number', () => {
    expect(formatPhone('+6281234567890')).toBe('+62 812-3456-7890');
    expect(formatPhone('+62812345678')).toBe('+62 812-3456-78');
    expect(formatPhone('+62812345678901')).toBe('+62 812-3456-78901');
  });
  it('shows anything that is not a stored mobile number as it is', () => {
    expect(formatPhone('+62311234567')).toBe('+62311234567');
    expect(formatPhone('081234567890')).toBe('081234567890');
    expect(formatPhone('')).toBe('');
  });
});

describe('formatIdNumber', () => {
  it('groups 16 digits by four', () => {
    expect(formatIdNumber('3516024512900003')).toBe('3516 0245 1290 0003');
  });
  it('shows a dash for a missing number and other text unchanged', () => {
    expect(formatIdNumber(null)).toBe('—');
    expect(formatIdNumber('')).toBe('—');
    expect(formatIdNumber('351602451290')).toBe('351602451290');
  });
});

describe('formatRegion', () => {
  it('names district, regency and province', () => {
    expect(
      formatRegion({ kode: '351602', provinsi: 'Jawa Timur', kabkota: 'Kabupaten Mojokerto', kecamatan: 'Sooko' }),
    ).toBe('Kec. Sooko, Kabupaten Mojokerto, Jawa Timur');
  });
  it('leaves out unknown parts', () => {
    expect(formatRegion({ kode: '351699', provinsi: 'Jawa Timur', kabkota: 'Kabupaten Mojokerto', kecamatan: null })).toBe(
      'Kabupaten Mojokerto, Jawa Timur',
    );
  });
  it('says the code is unknown when nothing is known', () => {
    expect(formatRegion({ kode: '999999', provinsi: null, kabkota: null, kecamatan: null })).toBe(
      'Kode wilayah 999999 tidak dikenal',
    );
  });
});

describe('labels', () => {
  it('labels sex', () => {
    expect(sexLabel('L')).toBe('Laki-laki');
    expect(sexLabel('P')).toBe('Perempuan');
  });

  it('labels each lifecycle move by where it starts', () => {
    expect(moveLabel('received', 'verifying')).toBe('Mulai verifikasi');
    expect(moveLabel('waiting_citizen', 'verifying')).toBe('Lanjutkan verifikasi');
    expect(moveLabel('received', 'waiting_citizen')).toBe('Tunggu pemohon');
    expect(moveLabel('verifying', 'waiting_citizen')).toBe('Tunggu pemohon');
    expect(moveLabel('verifying', 'done')).toBe('Tandai selesai');
    expect(moveLabel('done', 'replied')).toBe('Tandai sudah dibalas');
  });
});

describe('duplicateKeysLabel', () => {
  it('names the shared numbers in Indonesian', () => {
    expect(duplicateKeysLabel(['nik', 'phone'])).toBe('NIK, nomor WA');
    expect(duplicateKeysLabel(['kk'])).toBe('nomor KK');
    expect(duplicateKeysLabel([])).toBe('');
  });
});

describe('formatSla', () => {
  const T0 = utc('2026-11-26T02:00:00Z');
  const clock = (over: Partial<SlaClock>): SlaClock => ({
    state: 'running',
    elapsed_ms: 0,
    remaining_ms: 30 * MIN,
    level: 'ok',
    stopped_at: null,
    counting_until: T0 + 6 * 60 * MIN,
    ...over,
  });
  it('counts a running clock down from the fetch', () => {
    expect(formatSla(clock({ remaining_ms: 20 * MIN }), T0, T0 + 5 * MIN)).toEqual({ level: 'ok', text: '15 mnt' });
  });
  it('stops counting when the office closes, and does not count when closed', () => {
    const closing = clock({ remaining_ms: 20 * MIN, counting_until: T0 + 10 * MIN });
    expect(formatSla(closing, T0, T0 + 60 * MIN).text).toBe('10 mnt');
    expect(formatSla(clock({ remaining_ms: 20 * MIN, counting_until: null }), T0, T0 + 60 * MIN).text).toBe('20 mnt');
  });
  it('keeps the backend warning level and turns red once past', () => {
    expect(formatSla(clock({ remaining_ms: 8 * MIN, level: 'warning' }), T0, T0).level).toBe('warning');
    expect(formatSla(clock({ remaining_ms: MIN, level: 'warning' }), T0, T0 + 3 * MIN)).toEqual({
      level: 'breached',
      text: 'Lewat 2 mnt',
    });
  });
  it('does not count a paused clock', () => {
    expect(formatSla(clock({ state: 'paused', remaining_ms: 25 * MIN, counting_until: null }), T0, T0 + 60 * MIN)).toEqual({
      level: 'paused',
      text: 'Dijeda · sisa 25 mnt',
    });
  });
  it('shows finished requests as met or late', () => {
    expect(formatSla(clock({ state: 'met' }), T0, T0).text).toBe('Tepat waktu');
    expect(formatSla(clock({ state: 'breached', remaining_ms: -90 * MIN }), T0, T0).text).toBe('Terlambat');
  });
});

describe('recap figures', () => {
  it('formats office minutes, shares and WIB days', async () => {
    const { formatMinutes, formatShare, wibIsoDate } = await import('./format');
    expect(formatMinutes(null)).toBe('—');
    expect(formatMinutes(12 * MIN + 20_000)).toBe('12 mnt');
    expect(formatMinutes(65 * MIN)).toBe('1 j 5 mnt');
    expect(formatShare(0.8666)).toBe('87%');
    expect(wibIsoDate(utc('2026-11-25T16:59:00Z'))).toBe('2026-11-25');
    expect(wibIsoDate(utc('2026-11-25T17:00:00Z'))).toBe('2026-11-26');
  });
});

describe('service words', () => {
  it('formats rupiah with dots', async () => {
    const { formatRupiah } = await import('./format');
    expect(formatRupiah(20000)).toBe('Rp20.000');
    expect(formatRupiah(1250000)).toBe('Rp1.250.000');
    expect(formatRupiah(0)).toBe('Rp0');
  });
});
