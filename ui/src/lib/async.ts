// Two small tools for calls made while the operator types: wait for a pause
// (debounce) and drop answers that arrive after a newer call (latest only).

export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  cancel(): void;
}

/** Calls `fn` once `ms` have passed without another call. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (...args: A): void => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  run.cancel = (): void => clearTimeout(timer);
  return run;
}

/**
 * Wraps an async function so that only the outcome of the latest call is
 * delivered: older calls resolve to `{ stale: true }`, whether they succeeded
 * or failed; the latest call's failure is rethrown.
 */
export function latestOnly<A extends unknown[], T>(
  fn: (...args: A) => Promise<T>,
): (...args: A) => Promise<{ stale: true } | { stale: false; value: T }> {
  let seq = 0;
  return async (...args: A) => {
    const mine = ++seq;
    try {
      const value = await fn(...args);
      return mine === seq ? { stale: false, value } : { stale: true };
    } catch (e) {
      if (mine !== seq) return { stale: true };
      throw e;
    }
  };
}
