// Unit tests of debounce and latest-only calls.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce, latestOnly } from './async';

describe('debounce', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('calls once, with the last arguments, after a pause', () => {
    const fn = vi.fn();
    const d = debounce(fn, 150);
    d('a');
    vi.advanceTimersByTime(100);
    d('ab');
    vi.advanceTimersByTime(149);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn).toHaveBeenCalledWith('ab');
  });

  it('can be cancelled', () => {
    const fn = vi.fn();
    const d = debounce(fn, 150);
    d();
    d.cancel();
    vi.advanceTimersByTime(1000);
    expect(fn).not.toHaveBeenCalled();
  });
});

/** A promise resolved or rejected from outside. */
function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('latestOnly', () => {
  it('marks an answer stale when a newer call was made, even if it arrives last', async () => {
    const calls = new Map<string, ReturnType<typeof deferred<string>>>();
    const f = latestOnly((q: string) => {
      const d = deferred<string>();
      calls.set(q, d);
      return d.promise;
    });
    const first = f('a');
    const second = f('ab');
    calls.get('ab')?.resolve('AB');
    calls.get('a')?.resolve('A');
    expect(await second).toEqual({ stale: false, value: 'AB' });
    expect(await first).toEqual({ stale: true });
  });

  it('swallows the failure of a stale call and rethrows the latest', async () => {
    const calls: ReturnType<typeof deferred<string>>[] = [];
    const f = latestOnly(() => {
      const d = deferred<string>();
      calls.push(d);
      return d.promise;
    });
    const first = f();
    const second = f();
    calls[0].reject(new Error('old'));
    calls[1].reject(new Error('new'));
    expect(await first).toEqual({ stale: true });
    await expect(second).rejects.toThrow('new');
  });
});
