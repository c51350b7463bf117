import { describe, expect, it } from 'vitest';
import { formatHolidays, formatIntervals, parseHolidays, parseIntervals } from './hoursForm';

describe('office hours as typed', () => {
  it('reads one or more intervals and writes them back', () => {
    const r = parseIntervals('7.30-12:00 ; 13:00 – 15:30');
    expect(r).toEqual({
      ok: true,
      value: [
        { open: '07:30', close: '12:00' },
        { open: '13:00', close: '15:30' },
      ],
    });
    if (r.ok) expect(formatIntervals(r.value)).toBe('07:30-12:00, 13:00-15:30');
  });
  it('an empty line is a closed day', () => {
    expect(parseIntervals('  ')).toEqual({ ok: true, value: [] });
  });
  it('names the part it cannot read', () => {
    const r = parseIntervals('07:30-15:30, 16:00');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('“16:00”');
    expect(parseIntervals('25:00-26:00').ok).toBe(false);
    expect(parseIntervals('07:30-15:30-16:00').ok).toBe(false);
  });
});

describe('holidays as typed', () => {
  it('reads dd-mm-yyyy lines into ISO dates and back', () => {
    const r = parseHolidays('31-03-2027\n\n1/4/2027\n');
    expect(r).toEqual({ ok: true, value: ['2027-03-31', '2027-04-01'] });
    expect(formatHolidays(['2027-03-31'])).toBe('31-03-2027');
  });
  it('names a date it cannot read', () => {
    const r = parseHolidays('31-02-2027');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('31-02-2027');
  });
});
