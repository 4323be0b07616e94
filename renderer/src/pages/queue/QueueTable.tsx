import { memo, useCallback, useRef, type RefObject } from 'react';
import { Checkbox, Table } from '@mantine/core';
import type { QueueRow } from '../../../../shared/domain';
import compactTable from '../../components/compact-table.module.css';
import { fill } from '../../i18n/fill';
import { useLocale } from '../../i18n/locale';
import { VIEW_WORDS } from '../../i18n/view-words';
import { QueueRowCells } from './QueueRowCells';
import type { QueueWindow } from './queue-rows';
import type { RowSelection } from './use-row-selection';

/**
 * A queue's table in its own scroll area: only the rows in view are in the page, spacer rows keep the
 * scroll bar true to the whole queue. The row under the cursor is outlined; a click opens its request.
 * With `selection` (who may claim or assign), a box on each selectable row and "select all shown".
 */
export function QueueTable({
  label,
  rows,
  scrollRef,
  cursor,
  selection,
  onOpen,
}: {
  label: string;
  rows: QueueWindow;
  scrollRef: RefObject<HTMLDivElement | null>;
  cursor: number;
  selection: RowSelection | null;
  onOpen(index: number, r: QueueRow): void;
}) {
  const { t, pick, formatNumber } = useLocale();
  const { total, visible, virtualizer, rowAt } = rows;
  const shownSelectable = selection ? rows.shown.filter(selection.selectable) : [];
  const allShownSelected = shownSelectable.length > 0 && shownSelectable.every((r) => selection?.selected.has(r.id));
  const selectAllLabel = fill(pick(VIEW_WORDS.selectAllShown), { n: formatNumber(shownSelectable.length) });
  // The same functions from render to render, so a row is drawn again only when its own props change.
  const latest = useRef({ onOpen, selection, learn: rows.learnRowHeight, learnt: rows.rowHeightLearnt });
  latest.current = { onOpen, selection, learn: rows.learnRowHeight, learnt: rows.rowHeightLearnt };
  const open = useCallback((i: number, r: QueueRow) => latest.current.onOpen(i, r), []);
  const select = useCallback((i: number, r: QueueRow, shift: boolean) => latest.current.selection?.click(i, r, shift), []);
  // Rows are not measured one by one: each measure forced the browser to lay the page out again (a second per
  // jump). One row's height, read once, stands for all; a taller row only pushes the rows below it in the table.
  const measure = useCallback((el: HTMLTableRowElement | null) => {
    if (el && !latest.current.learnt && el.dataset.index !== '0') latest.current.learn(el.getBoundingClientRect().height);
  }, []);
  return (
    <div
      ref={scrollRef}
      tabIndex={0}
      role="region"
      aria-label={label}
      style={{ height: 'calc(100vh - 330px)', minHeight: 320, overflow: 'auto' }}
      data-testid="queue-scroll"
      className={compactTable.fits}
    >
      <Table striped highlightOnHover stickyHeader aria-label={label} aria-rowcount={total + 1}>
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th w={36}>
                <Checkbox
                  aria-label={selectAllLabel}
                  title={selectAllLabel}
                  checked={allShownSelected}
                  indeterminate={selection.selected.size > 0 && !shownSelectable.every((r) => selection.selected.has(r.id))}
                  disabled={shownSelectable.length === 0}
                  onChange={() => selection.toggleAllShown(rows.shown)}
                />
              </Table.Th>
            )}
            <Table.Th>{t('reference')}</Table.Th>
            <Table.Th>{t('service')}</Table.Th>
            <Table.Th>{t('applicant')}</Table.Th>
            <Table.Th>{t('idNumber')}</Table.Th>
            <Table.Th>{t('submitted')}</Table.Th>
            <Table.Th>{t('age')}</Table.Th>
            <Table.Th>{t('slaDue')}</Table.Th>
            <Table.Th>{t('assignee')}</Table.Th>
            <Table.Th>{t('status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {visible.length > 0 && <tr aria-hidden style={{ height: visible[0]!.start }} />}
          {visible.map((v) => {
            const i = v.index;
            const r = rowAt(i);
            if (!r) {
              return (
                <tr key={`loading-${i}`} data-index={i} aria-hidden style={{ height: rows.rowHeight }}>
                  <td colSpan={selection ? 10 : 9} />
                </tr>
              );
            }
            return (
              <QueueTableRow
                key={r.id}
                index={i}
                r={r}
                atCursor={i === cursor}
                box={selection ? (selection.selectable(r) ? (selection.selected.has(r.id) ? 'checked' : 'unchecked') : 'none') : null}
                measure={measure}
                onOpen={open}
                onSelect={select}
              />
            );
          })}
          {visible.length > 0 && <tr aria-hidden style={{ height: virtualizer.getTotalSize() - visible[visible.length - 1]!.end }} />}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/**
 * One request's row: outlined under the cursor, a click opens it; `box` is its selection box (null: no box column,
 * 'none': an empty cell, the request cannot be picked).
 */
const QueueTableRow = memo(function QueueTableRow({
  index,
  r,
  atCursor,
  box,
  measure,
  onOpen,
  onSelect,
}: {
  index: number;
  r: QueueRow;
  atCursor: boolean;
  box: 'checked' | 'unchecked' | 'none' | null;
  measure(el: HTMLTableRowElement | null): void;
  onOpen(index: number, r: QueueRow): void;
  onSelect(index: number, r: QueueRow, shift: boolean): void;
}) {
  const { t } = useLocale();
  return (
    <Table.Tr
      data-index={index}
      ref={measure}
      aria-rowindex={index + 2}
      onClick={() => onOpen(index, r)}
      style={{ cursor: 'pointer', outline: atCursor ? '2px solid var(--mantine-color-teal-6)' : undefined }}
      aria-selected={atCursor}
    >
      {box !== null && (
        <Table.Td onClick={(e) => e.stopPropagation()}>
          {box !== 'none' && (
            <Checkbox
              aria-label={`${t('select')} ${r.reference}`}
              checked={box === 'checked'}
              // The click (Space too) decides: with Shift it sets the range from the row clicked last.
              onChange={() => undefined}
              onClick={(e) => onSelect(index, r, e.shiftKey)}
            />
          )}
        </Table.Td>
      )}
      <QueueRowCells r={r} />
    </Table.Tr>
  );
});
