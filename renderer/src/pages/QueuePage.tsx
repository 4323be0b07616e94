import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { QUEUE_SORTS, TERMS, isSupervisor, type QueueId, type QueueRow, type QueueSort } from '../../../shared/domain';
import type { QueueViewFilters, SavedViewEntry } from '../../../shared/domain';
import { useSession } from '../api/session';
import { mayCall } from '../api/may-call';
import { useLocale } from '../i18n/locale';
import { navigate } from '../route';
import { errorText, isInputRefusal } from '../components/errors';
import { ExportMenu } from '../components/ExportMenu';
import { QueueFilters, type QueueFilterValues } from '../components/QueueFilters';
import { useKeptQueuePlace, useQueuePlaceOnOpen } from '../components/flow/use-queue-place';
import { SaveViewButton } from '../components/SaveView';
import { BulkAssignBar } from '../components/BulkAssign';
import { filtersOf } from '../components/queue-view';
import { useShortcuts } from '../shell/useShortcuts';
import { ScrolledQueueTable } from './queue/ScrolledQueueTable';
import { useQueueFirstRows, type QueueWindow } from './queue/queue-rows';
import { useClaims } from './queue/use-claims';
import { useRowSelection } from './queue/use-row-selection';

/** A queue: its requests oldest first, keyboard j/k and Enter, claim next. */
export function QueuePage({
  queue,
  initial,
  savedView,
}: {
  queue: QueueId;
  /** Filters, search and order to open with (a saved view, a reviewer's list). */
  initial?: Partial<QueueViewFilters>;
  savedView?: SavedViewEntry;
}) {
  const { user } = useSession();
  const { t, pick, lang, formatNumber } = useLocale();
  // Back from a case: the filters, order, row and scroll the user left (components/flow/use-queue-place.ts); a saved view opens as saved.
  const remembered = useQueuePlaceOnOpen<QueueFilterValues, QueueSort>(queue);
  const place = initial || savedView ? undefined : remembered;
  const [cursor, setCursor] = useState(place?.cursor ?? 0);
  const [filters, setFilters] = useState<QueueFilterValues>(() => place?.filters ?? filtersOf(initial));
  const [sort, setSort] = useState<QueueSort>(place?.sort ?? initial?.sort ?? 'due');
  const scrollRef = useRef<HTMLDivElement>(null);
  const { first: q } = useQueueFirstRows(queue, filters, sort);
  // The rows in view are read and drawn by the table as the user scrolls (ScrolledQueueTable): a scroll draws the
  // table again, not this page with its filters and menus. Keys and the selection read the rows through `shown`.
  const shown = useRef<QueueWindow | null>(null);
  const rowAt = useCallback((i: number) => shown.current?.rowAt(i), []);
  const total = q.data?.total ?? 0;
  const canDecide = mayCall(user?.roles, 'cases.claimNext');
  const supervisor = isSupervisor(user?.roles ?? []);
  /** Rows a bulk step takes: a claim (new, resubmitted) for who decides; an assignment (in review too) for a supervisor. */
  const selectable = (r: QueueRow) =>
    ((canDecide || supervisor) && (r.status === 'submitted' || r.status === 'resubmitted')) || (supervisor && r.status === 'in_review');
  const selection = useRowSelection(rowAt, selectable);
  const { claimError, claimNext, claimSelected } = useClaims(queue, selection);
  const { keep, drawn } = useKeptQueuePlace(queue, { filters, sort, cursor }, place, scrollRef, (i) => rowAt(i)?.id);

  const { reset } = selection;
  const opened = useRef({ queue, filters, sort, restored: place !== undefined });
  useEffect(() => {
    // Not when the page opens on a remembered place: only a change of queue, filters or order starts at the top.
    const o = opened.current;
    if (o.restored && o.queue === queue && o.filters === filters && o.sort === sort) return;
    setCursor(0);
    reset();
    scrollRef.current?.scrollTo({ top: 0 });
  }, [queue, filters, sort, reset]);

  const move = (to: number) => {
    const next = Math.max(0, Math.min(to, total - 1));
    setCursor(next);
    shown.current?.virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  // The row under the cursor is read when a key acts on it: its chunk may have arrived since the page was drawn.
  const open = () => {
    const current = rowAt(cursor);
    if (current) navigate({ page: 'case', id: current.id });
  };
  // x selects the row under the cursor for a bulk step; Shift+X the range from the row selected last.
  const select =
    (canDecide || supervisor) &&
    total > 0 &&
    ((e: KeyboardEvent) => {
      const current = rowAt(cursor);
      if (current && selectable(current)) selection.click(cursor, current, e.shiftKey);
    });
  useShortcuts({
    j: () => move(cursor + 1),
    ArrowDown: () => move(cursor + 1),
    k: () => move(cursor - 1),
    ArrowUp: () => move(cursor - 1),
    Enter: total > 0 && open,
    n: canDecide && (() => void claimNext()),
    x: select,
    'shift+x': select,
  });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">
          {savedView ? <bdi dir="auto">{savedView.name}</bdi> : pick(TERMS.queues[queue])}{' '}
          {q.data && (
            <Badge variant="light" size="lg">
              {q.data.moreThanTotal ? `${formatNumber(q.data.total)}+` : formatNumber(q.data.total)}
            </Badge>
          )}
        </Title>
        <Group gap="xs">
          {canDecide && selection.selected.size > 0 && (
            <Button variant="light" onClick={() => void claimSelected()}>
              {`${t('claimSelected')} (${formatNumber(selection.selected.size)})`}
            </Button>
          )}
          <SaveViewButton view={{ queue, sort, ...filters }} current={savedView} />
          <ExportMenu view={{ queue, sort, ...filters }} />
          {canDecide && <Button onClick={() => void claimNext()}>{pick(TERMS.actions.claim_next)} (n)</Button>}
        </Group>
      </Group>
      <Group align="flex-end" gap="xs">
        <QueueFilters value={filters} onChange={setFilters} />
        <Select
          label={t('sortBy')}
          value={sort}
          onChange={(v) => v && setSort(v as QueueSort)}
          allowDeselect={false}
          w={170}
          data={QUEUE_SORTS.map((x) => ({ value: x, label: t(`sort_${x}`) }))}
        />
      </Group>
      <Text size="xs" c="dimmed">
        {t('shortcutsHint')}
      </Text>
      {supervisor && <BulkAssignBar selected={selection.selected} onClear={selection.clear} />}
      {claimError !== null && (
        <Alert color="yellow" role="status">
          {errorText(claimError, lang)}
        </Alert>
      )}
      {q.isPending && <Loader role="status" aria-label={t('loading')} />}
      {q.isError &&
        // A refused search or filter says what to change; asking again the same would be refused again.
        (isInputRefusal(q.error) ? (
          <Alert color="yellow" role="alert">
            {errorText(q.error, lang)}
          </Alert>
        ) : (
          <Alert color="red" title={errorText(q.error, lang)}>
            <Button size="xs" onClick={() => void q.refetch()}>
              {t('retry')}
            </Button>
          </Alert>
        ))}
      {q.data && q.data.total === 0 && <Text c="dimmed">{t('emptyQueue')}</Text>}
      {q.data?.moreThanTotal && (
        <Text size="sm" c="dimmed" role="status">
          {t('searchCapped')}
        </Text>
      )}
      {q.data && q.data.total > 0 && (
        <ScrolledQueueTable
          label={pick(TERMS.queues[queue])}
          queue={queue}
          filters={filters}
          sort={sort}
          first={q.data}
          shown={shown}
          onDrawn={drawn}
          scrollRef={scrollRef}
          cursor={cursor}
          selection={canDecide || supervisor ? selection : null}
          onOpen={(i, r) => {
            setCursor(i);
            keep(i);
            navigate({ page: 'case', id: r.id });
          }}
        />
      )}
    </Stack>
  );
}
