import { useCallback, useState } from 'react';
import type { QueueRow } from '../../../../shared/domain';
import { clickSelection, toggleAllShown } from '../../components/row-selection';

/**
 * The requests picked in a queue for a bulk step (id → the version the user saw), and the row clicked
 * last, from which Shift-click (and Shift+X) selects a range.
 */
export function useRowSelection(rowAt: (i: number) => QueueRow | undefined, selectable: (r: QueueRow) => boolean) {
  const [selected, setSelected] = useState<Map<number, number>>(new Map());
  const [anchor, setAnchor] = useState<number | null>(null);
  /** Another queue, filter or order: nothing selected and no range to extend. */
  const reset = useCallback(() => {
    setSelected(new Map());
    setAnchor(null);
  }, []);
  return {
    selected,
    selectable,
    /** Row `index` clicked (or x pressed on it); with Shift, the range from the row clicked last. */
    click(index: number, row: QueueRow, shift: boolean) {
      setSelected(clickSelection(selected, { index, row, shift }, anchor, rowAt, selectable));
      setAnchor(index);
    },
    toggleAllShown(shown: readonly QueueRow[]) {
      setSelected(toggleAllShown(selected, shown, selectable));
    },
    clear() {
      setSelected(new Map());
    },
    reset,
  };
}

export type RowSelection = ReturnType<typeof useRowSelection>;
