import { describe, expect, it, vi } from 'vitest';
import { getHotkeyHandler } from '@mantine/hooks';
import { isTyping, shortcutItems, type ShortcutOptions, type Shortcuts } from './useShortcuts';

/** A key press as the browser reports it, on `target` (the page itself unless said). */
function press(key: string, mods: { ctrl?: boolean; shift?: boolean; alt?: boolean; meta?: boolean } = {}, target: object = { tagName: 'BODY' }) {
  const code = /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : key;
  return {
    key,
    code,
    ctrlKey: !!mods.ctrl,
    shiftKey: !!mods.shift,
    altKey: !!mods.alt,
    metaKey: !!mods.meta,
    target,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

/** Mantine's own matcher (the one useHotkeys runs) over the items the hook hands it. */
const dispatch = (shortcuts: Shortcuts, e: ReturnType<typeof press>, options?: ShortcutOptions) => {
  getHotkeyHandler(shortcutItems(shortcuts, options))(e as unknown as KeyboardEvent);
  return e;
};

const textarea = { tagName: 'TEXTAREA' };
const textInput = { tagName: 'INPUT', type: 'text' };

describe('useShortcuts', () => {
  it('a letter acts on the page and takes the key from the browser', () => {
    const claim = vi.fn();
    const e = dispatch({ c: claim }, press('c'));
    expect(claim).toHaveBeenCalledOnce();
    expect(e.defaultPrevented).toBe(true);
  });

  it('a letter typed into a field stays the field’s, and is not prevented', () => {
    const claim = vi.fn();
    for (const target of [textarea, textInput, { tagName: 'SELECT' }, { tagName: 'DIV', isContentEditable: true }]) {
      const e = dispatch({ c: claim }, press('c', {}, target));
      expect(e.defaultPrevented).toBe(false);
    }
    expect(claim).not.toHaveBeenCalled();
  });

  it('a checkbox just clicked leaves the keys to the page (the queue’s row selection)', () => {
    const down = vi.fn();
    dispatch({ j: down }, press('j', {}, { tagName: 'INPUT', type: 'checkbox' }));
    expect(down).toHaveBeenCalledOnce();
  });

  it('modifiers match exactly: Ctrl+C is the browser’s copy, Shift+A is not a', () => {
    const claim = vi.fn();
    const next = vi.fn();
    const approve = vi.fn();
    const keys = { c: claim, a: next, 'shift+a': approve };
    expect(dispatch(keys, press('c', { ctrl: true })).defaultPrevented).toBe(false);
    dispatch(keys, press('A', { shift: true }));
    expect(claim).not.toHaveBeenCalled();
    expect(next).not.toHaveBeenCalled();
    expect(approve).toHaveBeenCalledOnce();
    dispatch(keys, press('a'));
    expect(next).toHaveBeenCalledOnce();
  });

  it('a key whose action is off is left alone', () => {
    const e = dispatch({ c: false, x: undefined }, press('c'));
    expect(e.defaultPrevented).toBe(false);
  });

  it('inFields keys act while typing: Ctrl+Enter sends from the message box, Ctrl+P prints', () => {
    const send = vi.fn();
    const e = dispatch({ 'mod+Enter': send }, press('Enter', { ctrl: true }, textarea), { inFields: true });
    expect(send).toHaveBeenCalledOnce();
    expect(e.defaultPrevented).toBe(true);
    // ⌘ on a Mac counts as Ctrl.
    dispatch({ 'mod+Enter': send }, press('Enter', { meta: true }, textarea), { inFields: true });
    expect(send).toHaveBeenCalledTimes(2);
    // Plain Enter is the field's.
    dispatch({ 'mod+Enter': send }, press('Enter', {}, textarea), { inFields: true });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('a key another handler already took is not acted on twice', () => {
    const claim = vi.fn();
    const e = press('c');
    e.preventDefault();
    dispatch({ c: claim }, e);
    expect(claim).not.toHaveBeenCalled();
  });

  it('the punctuation keys of the sheet: / [ ] and ? with or without Shift', () => {
    const hit = vi.fn();
    const keys = { '/': hit, '[': hit, ']': hit, '?': hit, 'shift+?': hit };
    for (const e of [press('/'), press('['), press(']'), press('?'), press('?', { shift: true })]) dispatch(keys, e);
    expect(hit).toHaveBeenCalledTimes(5);
  });
});

describe('isTyping', () => {
  it('knows fields from the rest', () => {
    expect(isTyping(null)).toBe(false);
    expect(isTyping({ tagName: 'BUTTON' } as unknown as EventTarget)).toBe(false);
    expect(isTyping({ tagName: 'INPUT', type: 'radio' } as unknown as EventTarget)).toBe(false);
    expect(isTyping({ tagName: 'INPUT', type: 'search' } as unknown as EventTarget)).toBe(true);
  });
});
