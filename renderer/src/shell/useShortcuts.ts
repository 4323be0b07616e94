import { useHotkeys, type HotkeyItem } from '@mantine/hooks';

/**
 * The keys a screen answers to, in Mantine's hotkey words: `'c'`, `'shift+a'`, `'mod+Enter'` (Ctrl, or ⌘
 * on a Mac), `'['`. Modifiers must match exactly: `'a'` is not Shift+A, and neither fires with Ctrl held
 * (Ctrl+C stays the browser's copy). A key whose action is off here (`false`, `null`, `undefined`) is
 * left to the browser, so `{ c: may('claim') && claim }` reads as "c claims, when claiming is allowed".
 */
export type Shortcuts = Record<string, ((e: KeyboardEvent) => void) | false | null | undefined>;

export interface ShortcutOptions {
  /** Keys that act while the user types in a field too (Ctrl+P, Ctrl+Enter); letter keys never should. */
  inFields?: boolean;
}

/**
 * A field the user types into: its keys are its own. A checkbox or radio holds no typed text, so a
 * row's checkbox just clicked leaves j/k/x to the queue. Read by tag name, not `instanceof`, so the
 * rule is the same in a test without a DOM.
 */
export function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof target !== 'object' || !('tagName' in target)) return false;
  const el = target as { tagName: string; type?: string; isContentEditable?: boolean };
  if (el.isContentEditable) return true;
  if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  return el.tagName === 'INPUT' && el.type !== 'checkbox' && el.type !== 'radio';
}

/**
 * The shortcuts as Mantine's hotkey items. Mantine would prevent the browser's default before asking
 * whether the key was typed into a field; here the field is asked first, so typing "c" in a note writes a "c".
 */
export function shortcutItems(shortcuts: Shortcuts, { inFields = false }: ShortcutOptions = {}): HotkeyItem[] {
  return Object.entries(shortcuts).flatMap(([hotkey, act]): HotkeyItem[] =>
    act
      ? [
          [
            hotkey,
            (e) => {
              if (e.defaultPrevented || (!inFields && isTyping(e.target))) return;
              e.preventDefault();
              act(e);
            },
            { preventDefault: false },
          ],
        ]
      : [],
  );
}

/**
 * The one way a screen listens to the keyboard (the "?" sheet lists the keys, ShortcutSheet.tsx): while the
 * component is mounted, each key of `shortcuts` that is on does its action. Handlers may change from render
 * to render (Mantine reads the latest ones), so they can close over the current state.
 */
export function useShortcuts(shortcuts: Shortcuts, options?: ShortcutOptions): void {
  // Fields are judged by isTyping above, not by Mantine's list of tags (which would also silence checkboxes).
  useHotkeys(shortcutItems(shortcuts, options), [], true);
}
