// A NIK or KK check that follows a field as the operator types: waits for a
// short pause, asks the backend, and keeps only the answer for the latest
// text. Shared by the two number fields of the new-request form.

import type { IdCheck } from './bindings';
import type { UiError } from './api';
import { debounce, latestOnly } from './async';

const CHECK_DEBOUNCE_MS = 120;

export interface LiveCheck {
  readonly result: IdCheck | null;
  readonly error: UiError | null;
  /** Call on every change of the field; an empty field clears the result. */
  update(text: string): void;
  cancel(): void;
}

export function liveCheck(run: (text: string) => Promise<IdCheck>): LiveCheck {
  const state = $state<{ result: IdCheck | null; error: UiError | null }>({ result: null, error: null });
  const latest = latestOnly(async (text: string) => (text.trim() ? run(text) : null));
  const update = debounce(async (text: string) => {
    try {
      const r = await latest(text);
      if (r.stale) return;
      state.result = r.value;
      state.error = null;
    } catch (e) {
      state.result = null;
      state.error = e as UiError;
    }
  }, CHECK_DEBOUNCE_MS);
  return {
    get result() {
      return state.result;
    },
    get error() {
      return state.error;
    },
    update,
    cancel: update.cancel,
  };
}
