// Which screen is showing, and the toast: the little state every screen
// shares. Kept in a module so any component can navigate or notify.

export type Screen = { kind: 'queue' } | { kind: 'new' } | { kind: 'detail'; regNo: string };

export const ui = $state<{ screen: Screen; toast: string | null }>({
  screen: { kind: 'queue' },
  toast: null,
});

export function go(screen: Screen): void {
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
