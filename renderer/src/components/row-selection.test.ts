import { describe, expect, it } from 'vitest';
import { clickSelection, toggleAllShown } from './row-selection';

const rows = Array.from({ length: 10 }, (_, i) => ({ id: 100 + i, version: i, open: i !== 4 }));
const rowAt = (i: number) => (i === 7 ? undefined : rows[i]);
const open = (r: { open: boolean }) => r.open;

describe('queue row selection', () => {
  it('a click toggles one row; Shift-click sets the range from the last click, skipping rows that take no step or are not loaded', () => {
    let s = clickSelection(new Map(), { index: 2, row: rows[2]!, shift: false }, null, rowAt, open);
    expect([...s]).toEqual([[102, 2]]);
    s = clickSelection(s, { index: 8, row: rows[8]!, shift: true }, 2, rowAt, open);
    expect([...s.keys()].sort()).toEqual([102, 103, 105, 106, 108]);
    // Shift-click on a selected row clears the range back to the anchor.
    s = clickSelection(s, { index: 5, row: rows[5]!, shift: true }, 8, rowAt, open);
    expect([...s.keys()].sort()).toEqual([102, 103]);
    // Without an anchor Shift does nothing special.
    expect([...clickSelection(new Map(), { index: 3, row: rows[3]!, shift: true }, null, rowAt, open).keys()]).toEqual([103]);
  });

  it('select all shown takes every selectable loaded row, and a second time none', () => {
    const all = toggleAllShown(new Map([[101, 1]]), rows, open);
    expect(all.size).toBe(9);
    expect(all.has(104)).toBe(false);
    expect(toggleAllShown(all, rows, open).size).toBe(0);
  });
});
