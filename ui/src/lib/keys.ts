// Keyboard shortcuts, as pure functions of the key event, so that the
// screens agree on what "Ctrl+Enter" or "typing in a field" means and the
// rules are unit-tested without a DOM.

/** The parts of a KeyboardEvent the shortcuts look at. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** The parts of an element that decide whether keys are text input. */
export interface ElementLike {
  tagName: string;
  isContentEditable?: boolean;
  type?: string;
}

/**
 * A normalised name of the key with its modifiers: "F2", "Ctrl+Enter",
 * "Ctrl+F", "Escape", "ArrowDown", "1" (letters upper-case). Cmd counts as Ctrl so the shortcuts also work
 * on a Mac during development.
 */
export function shortcutOf(e: KeyLike): string {
  const mods: string[] = [];
  if (e.ctrlKey || e.metaKey) mods.push('Ctrl');
  if (e.altKey) mods.push('Alt');
  if (e.shiftKey && e.key.length > 1) mods.push('Shift');
  const key = e.key.length === 1 ? e.key.toUpperCase() : e.key;
  return [...mods, key].join('+');
}

const NON_TEXT_INPUTS = new Set(['button', 'submit', 'reset', 'checkbox', 'radio']);

/** True when keys typed now go into a field (so single-key shortcuts must not fire). */
export function isTypingTarget(el: ElementLike | null | undefined): boolean {
  if (!el) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NON_TEXT_INPUTS.has((el.type ?? 'text').toLowerCase());
  return false;
}

/** The 0-based index of a number-key shortcut "1".."9" without modifiers, or null. */
export function digitIndex(e: KeyLike): number | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  return /^[1-9]$/.test(e.key) ? Number(e.key) - 1 : null;
}

/** The next highlighted row for Arrow Up/Down in a list of `count` rows. */
export function stepIndex(current: number, delta: number, count: number): number {
  if (count <= 0) return -1;
  if (current < 0) return delta > 0 ? 0 : count - 1;
  return Math.min(count - 1, Math.max(0, current + delta));
}

/** True when the key event comes from inside a dialog: the screen below must ignore it. */
export function fromDialog(target: EventTarget | null): boolean {
  const el = target as { closest?: (selector: string) => unknown } | null;
  return typeof el?.closest === 'function' && el.closest('[role="dialog"]') !== null;
}
