import { describe, expect, it } from 'vitest';
import { IdleClock } from './idle';

describe('IdleClock', () => {
  it('expires after the set minutes without a touch', () => {
    const c = new IdleClock(10, 0);
    expect(c.expired(9 * 60_000)).toBe(false);
    expect(c.expired(10 * 60_000)).toBe(true);
  });

  it('a touch starts the wait again', () => {
    const c = new IdleClock(10, 0);
    c.touch(9 * 60_000);
    expect(c.expired(18 * 60_000)).toBe(false);
    expect(c.expired(19 * 60_000)).toBe(true);
  });

  it('follows a new limit', () => {
    const c = new IdleClock(10, 0);
    c.setMinutes(1);
    expect(c.expired(60_000)).toBe(true);
  });
});
