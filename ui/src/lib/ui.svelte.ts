// Which screen is showing, and the toast: the little state every screen
// shares. Kept in a module so any component can navigate or notify.

export type Screen =
  | { kind: 'queue' }
  | { kind: 'new' }
  | { kind: 'detail'; regNo: string }
  | { kind: 'settings' }
  | { kind: 'recap' }
  | { kind: 'deliveries' }
  | { kind: 'complaints' };

export const ui = $state<{ screen: Screen; toast: string | null }>({
  screen: { kind: 'queue' },
  toast: null,
});

/**
 * A screen with unsaved work registers a guard: `go` asks it first, and a
 * guard that returns false keeps the screen (it asks the operator, then calls
 * `go(screen, { force: true })` itself).
 */
export type LeaveGuard = (next: Screen) => boolean;
let leaveGuard: LeaveGuard | null = null;

/** Sets the guard; returns the function that removes it. */
export function setLeaveGuard(guard: LeaveGuard): () => void {
  leaveGuard = guard;
  return () => {
    if (leaveGuard === guard) leaveGuard = null;
  };
}

export function go(screen: Screen, opts: { force?: boolean } = {}): void {
  if (!opts.force && leaveGuard && !leaveGuard(screen)) return;
  ui.screen = screen;
}

const TOAST_MS = 4000;
let toastTimer: ReturnType<typeof setTimeout> | undefined;

/** Shows a short confirmation at the bottom of the window for a few seconds. */
export function toast(text: string): void {
  clearTimeout(toastTimer);
  ui.toast = text;
  toastTimer = setTimeout(() => (ui.toast = null), TOAST_MS);
}
