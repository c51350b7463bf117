// Unit tests of typed dates: dd-mm-yyyy as printed ↔ YYYY-MM-DD as stored.
import { describe, expect, it } from 'vitest';
import { isCalendarDate, parseTypedDate, storedToTyped, typedToStored, wibStamp } from './dates';

describe('parseTypedDate', () => {
  it('reads dd-mm-yyyy and its usual variants', () => {
    expect(parseTypedDate('25-11-2026')).toBe('2026-11-25');
    expect(parseTypedDate('25/11/2026')).toBe('2026-11-25');
    expect(parseTypedDate('25.11.2026')).toBe('2026-11-25');
    expect(parseTypedDate('25 11 2026')).toBe('2026-11-25');
    expect(parseTypedDate(' 5-1-1990 ')).toBe('1990-01-05');
    expect(parseTypedDate('25112026')).toBe('2026-11-25');
  });
  it('takes an ISO date as it is', () => {
    expect(parseTypedDate('1990-12-05')).toBe('1990-12-05');
  });
  it('refuses dates that do not exist', () => {
    expect(parseTypedDate('29-02-2023')).toBeNull();
    expect(parseTypedDate('29-02-2024')).toBe('2024-02-29');
    expect(parseTypedDate('31-04-2020')).toBeNull();
    expect(parseTypedDate('00-01-2020')).toBeNull();
    expect(parseTypedDate('10-13-2020')).toBeNull();
  });
  it('refuses half-typed and two-digit years', () => {
    expect(parseTypedDate('25-11-20')).toBeNull();
    expect(parseTypedDate('25-11')).toBeNull();
    expect(parseTypedDate('')).toBeNull();
    expect(parseTypedDate('SEUMUR HIDUP')).toBeNull();
  });
});

describe('typedToStored / storedToTyped', () => {
  it('stores whole dates as ISO and keeps anything else as typed', () => {
    expect(typedToStored('05-12-1990')).toBe('1990-12-05');
    expect(typedToStored('05-12-19')).toBe('05-12-19');
    expect(typedToStored('  ')).toBe('');
  });
  it('shows ISO dates as dd-mm-yyyy and anything else unchanged', () => {
    expect(storedToTyped('1990-12-05')).toBe('05-12-1990');
    expect(storedToTyped('05-12-19')).toBe('05-12-19');
    expect(storedToTyped('')).toBe('');
  });
  it('round-trips', () => {
    for (const d of ['01-01-1900', '29-02-2000', '31-12-2099']) expect(storedToTyped(typedToStored(d))).toBe(d);
  });
});

describe('isCalendarDate', () => {
  it('knows leap years', () => {
    expect(isCalendarDate(1900, 2, 29)).toBe(false);
    expect(isCalendarDate(2000, 2, 29)).toBe(true);
    expect(isCalendarDate(2024, 2, 30)).toBe(false);
  });
});

describe('wibStamp', () => {
  it('is the WIB wall clock whatever the machine time zone', () => {
    // 2026-11-25 17:30:05 UTC = 26-11-2026 00:30:05 WIB
    expect(wibStamp(Date.parse('2026-11-25T17:30:05Z'))).toBe('26-11-2026-003005');
  });
});
