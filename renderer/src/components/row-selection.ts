/** Rows picked in a queue for a bulk step: request id → the version the user saw (sent back so a changed request is caught). */
export type Selection = ReadonlyMap<number, number>;

export interface SelectableRow {
  id: number;
  version: number;
}

/**
 * A click on a row's box: toggles that row; with Shift, sets every selectable row between the last
 * clicked one (`anchor`) and this one to this row's new state, the way a file list does. Rows of the
 * range not loaded yet (`rowAt` undefined) are left as they were.
 */
export function clickSelection<R extends SelectableRow>(
  selected: Selection,
  click: { index: number; row: R; shift: boolean },
  anchor: number | null,
  rowAt: (i: number) => R | undefined,
  selectable: (r: R) => boolean,
): Map<number, number> {
  const next = new Map(selected);
  const on = !selected.has(click.row.id);
  const [from, to] = click.shift && anchor !== null ? [Math.min(anchor, click.index), Math.max(anchor, click.index)] : [click.index, click.index];
  for (let i = from; i <= to; i++) {
    const r = i === click.index ? click.row : rowAt(i);
    if (!r || !selectable(r)) continue;
    if (on) next.set(r.id, r.version);
    else next.delete(r.id);
  }
  return next;
}

/** "Select all shown": every selectable row loaded; when all of them are selected already, none. */
export function toggleAllShown<R extends SelectableRow>(
  selected: Selection,
  shown: readonly R[],
  selectable: (r: R) => boolean,
): Map<number, number> {
  const pickable = shown.filter(selectable);
  if (pickable.length > 0 && pickable.every((r) => selected.has(r.id))) return new Map();
  return new Map([...selected, ...pickable.map((r): [number, number] => [r.id, r.version])]);
}
