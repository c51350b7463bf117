// Unit tests of the live NIK/KK check: debounced, latest answer wins, empty clears.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IdCheck } from './bindings';
import { liveCheck } from './liveCheck.svelte';

const checkOf = (normalized: string, valid = true): IdCheck => ({
  valid,
  normalized,
  birth_date: null,
  sex: null,
  region: null,
  errors: [],
  warnings: [],
});

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('liveCheck', () => {
  it('asks once after the operator pauses typing', async () => {
    const run = vi.fn(async (t: string) => checkOf(t));
    const c = liveCheck(run);
    c.update('3516');
    c.update('35160245');
    await vi.advanceTimersByTimeAsync(119);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledExactlyOnceWith('35160245');
    expect(c.result?.normalized).toBe('35160245');
  });

  it('keeps the answer for the latest text when answers come back out of order', async () => {
    const pending: Record<string, (v: IdCheck) => void> = {};
    const c = liveCheck((t) => new Promise<IdCheck>((resolve) => (pending[t] = resolve)));
    c.update('1');
    await vi.advanceTimersByTimeAsync(120);
    c.update('12');
    await vi.advanceTimersByTimeAsync(120);
    pending['12'](checkOf('12'));
    pending['1'](checkOf('1'));
    await vi.advanceTimersByTimeAsync(0);
    expect(c.result?.normalized).toBe('12');
  });

  it('clears the result when the field is emptied, without asking', async () => {
    const run = vi.fn(async (t: string) => checkOf(t));
    const c = liveCheck(run);
    c.update('3516');
    await vi.advanceTimersByTimeAsync(120);
    c.update('  ');
    await vi.advanceTimersByTimeAsync(120);
    expect(run).toHaveBeenCalledTimes(1);
    expect(c.result).toBeNull();
  });

  it('shows a failed check as an error', async () => {
    const c = liveCheck(() => Promise.reject({ code: 'masukan_tidak_valid', message: 'Tanggal salah.' }));
    c.update('3516');
    await vi.advanceTimersByTimeAsync(120);
    expect(c.result).toBeNull();
    expect(c.error).toEqual({ code: 'masukan_tidak_valid', message: 'Tanggal salah.' });
  });
});
