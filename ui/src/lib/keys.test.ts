// Unit tests of the keyboard-shortcut rules.
import { describe, expect, it } from 'vitest';
import { digitIndex, fromDialog, isTypingTarget, shortcutOf, stepIndex, type KeyLike } from './keys';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('shortcutOf', () => {
  it('names plain keys', () => {
    expect(shortcutOf(key('F2'))).toBe('F2');
    expect(shortcutOf(key('Escape'))).toBe('Escape');
    expect(shortcutOf(key('1'))).toBe('1');
  });
  it('puts modifiers first and treats Cmd as Ctrl', () => {
    expect(shortcutOf(key('Enter', { ctrlKey: true }))).toBe('Ctrl+Enter');
    expect(shortcutOf(key('Enter', { metaKey: true }))).toBe('Ctrl+Enter');
    expect(shortcutOf(key('F4', { altKey: true }))).toBe('Alt+F4');
  });
  it('upper-cases letters so Caps Lock does not matter', () => {
    expect(shortcutOf(key('f', { ctrlKey: true }))).toBe('Ctrl+F');
    expect(shortcutOf(key('F', { ctrlKey: true }))).toBe('Ctrl+F');
  });
  it('names Shift only for named keys (the character already shows it)', () => {
    expect(shortcutOf(key('Tab', { shiftKey: true }))).toBe('Shift+Tab');
    expect(shortcutOf(key('!', { shiftKey: true }))).toBe('!');
  });
});

describe('isTypingTarget', () => {
  it('is true for text fields, text areas, selects and editable content', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTypingTarget({ tagName: 'input', type: 'search' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTypingTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
  });
  it('is false for buttons, checkboxes, the page and nothing', () => {
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'submit' })).toBe(false);
    expect(isTypingTarget({ tagName: 'BODY' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('digitIndex', () => {
  it('maps 1..9 to 0..8', () => {
    expect(digitIndex(key('1'))).toBe(0);
    expect(digitIndex(key('9'))).toBe(8);
  });
  it('ignores 0, letters and modified digits', () => {
    expect(digitIndex(key('0'))).toBeNull();
    expect(digitIndex(key('a'))).toBeNull();
    expect(digitIndex(key('F1'))).toBeNull();
    expect(digitIndex(key('1', { ctrlKey: true }))).toBeNull();
    expect(digitIndex(key('2', { altKey: true }))).toBeNull();
  });
});

describe('stepIndex', () => {
  it('starts at the first row going down and the last going up', () => {
    expect(stepIndex(-1, 1, 5)).toBe(0);
    expect(stepIndex(-1, -1, 5)).toBe(4);
  });
  it('moves one row and stops at the ends', () => {
    expect(stepIndex(2, 1, 5)).toBe(3);
    expect(stepIndex(2, -1, 5)).toBe(1);
    expect(stepIndex(4, 1, 5)).toBe(4);
    expect(stepIndex(0, -1, 5)).toBe(0);
  });
  it('has no row in an empty list', () => {
    expect(stepIndex(0, 1, 0)).toBe(-1);
  });
});

describe('fromDialog', () => {
  it('is true inside a dialog', () => {
    const el = { closest: (s: string) => (s === '[role="dialog"]' ? {} : null) };
    expect(fromDialog(el as unknown as EventTarget)).toBe(true);
  });
  it('is false elsewhere and for targets that are not elements', () => {
    expect(fromDialog({ closest: () => null } as unknown as EventTarget)).toBe(false);
    expect(fromDialog({} as EventTarget)).toBe(false);
    expect(fromDialog(null)).toBe(false);
  });
});
