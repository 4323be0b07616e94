import { useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { QUEUE_SORTS, SERVICE_LABELS, TERMS, type QueueId, type QueueRow, type QueueSort } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { navigate } from '../route';
import { StatusBadge } from '../components/StatusBadge';
import { SlaBadge } from '../components/SlaBadge';
import { ReferralMarkBadge } from '../components/ReferralMarkBadge';
import { errorText, isInputRefusal, type ShownError } from '../components/errors';
import { MESSAGES } from '../i18n/messages';
import { ExportMenu } from '../components/ExportMenu';
import { QueueFilters, type QueueFilterValues } from '../components/QueueFilters';
import { Ltr } from '../components/BidiText';
import { useKeptQueuePlace, useQueuePlaceOnOpen } from '../components/flow/use-queue-place';
import { isSupervisor, type QueueViewFilters, type SavedViewEntry } from '../../../shared/domain';
import { SaveViewButton } from '../components/SaveView';
import { BulkAssignBar } from '../components/BulkAssign';
import { clickSelection, toggleAllShown } from '../components/row-selection';
import { filtersOf } from '../components/queue-view';
import { VIEW_WORDS } from '../i18n/view-words';
import { fill } from '../i18n/fill';
import compactTable from '../components/compact-table.module.css';

/** Calendar days until a returned request's response window closes (Riyadh dates). */
const daysLeft = (due: string) => Math.round((Date.parse(`${due}T00:00:00+03:00`) - Date.now()) / 86_400_000) + 1;

/** Rows fetched per call as the user scrolls. */
const CHUNK = 100;

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
  const { client, user } = useSession();
  const { t, pick, lang, formatDateParts, formatNumber } = useLocale();
  const queryClient = useQueryClient();
  // Back from a case: the filters, order, row and scroll the user left (components/flow/use-queue-place.ts); a saved view opens as saved.
  const remembered = useQueuePlaceOnOpen<QueueFilterValues, QueueSort>(queue);
  const place = initial || savedView ? undefined : remembered;
  const [cursor, setCursor] = useState(place?.cursor ?? 0);
  const [claimError, setClaimError] = useState<ShownError>(null);
  const [filters, setFilters] = useState<QueueFilterValues>(() => place?.filters ?? filtersOf(initial));
  const [sort, setSort] = useState<QueueSort>(place?.sort ?? initial?.sort ?? 'due');
  /** Selected requests for a bulk claim: id → the version the user saw. */
  const [selected, setSelected] = useState<Map<number, number>>(new Map());
  /** The row last clicked: Shift-click selects from it. */
  const [anchor, setAnchor] = useState<number | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const opened = useRef({ queue, filters, sort, restored: place !== undefined });
  useEffect(() => {
    // Not when the page opens on a remembered place: only a change of queue, filters or order starts at the top.
    const o = opened.current;
    if (o.restored && o.queue === queue && o.filters === filters && o.sort === sort) return;
    setCursor(0);
    setSelected(new Map());
    setAnchor(null);
    scrollRef.current?.scrollTo({ top: 0 });
  }, [queue, filters, sort]);
  // The queue is read in chunks as the user scrolls; only the rows in view are rendered.
  const fetchChunk = (chunk: number) => client.call('queues.page', { queue, offset: chunk * CHUNK, limit: CHUNK, sort, ...filters });
  const q = useQuery({
    queryKey: ['queues.page', queue, filters, sort, 0],
    queryFn: () => fetchChunk(0),
    // While a filter or the order changes, the rows stay until the new ones arrive; another
    // queue's rows are never shown under this queue's name.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === queue ? keepPreviousData(previous) : undefined),
    refetchInterval: 10_000,
  });
  const total = q.data?.total ?? 0;
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => 58, overscan: 12 });
  const visible = virtualizer.getVirtualItems();
  const chunkIds = [...new Set(visible.map((v) => Math.floor(v.index / CHUNK)))].filter((c) => c > 0);
  const chunks = useQueries({
    queries: chunkIds.map((c) => ({ queryKey: ['queues.page', queue, filters, sort, c], queryFn: () => fetchChunk(c), staleTime: 10_000 })),
  });
  const rowAt = (i: number): QueueRow | undefined => {
    const c = Math.floor(i / CHUNK);
    const data = c === 0 ? q.data : chunks[chunkIds.indexOf(c)]?.data;
    return data?.rows[i - c * CHUNK];
  };
  const canDecide = user?.roles.some((r) => r === 'reviewer' || r === 'approver') ?? false;
  const { keep } = useKeptQueuePlace(queue, { filters, sort, cursor }, place, scrollRef, (i) => rowAt(i)?.id);
  const supervisor = isSupervisor(user?.roles ?? []);
  /** Rows a bulk step takes: a claim (new, resubmitted) for who decides; an assignment (in review too) for a supervisor. */
  const selectable = (r: QueueRow) =>
    ((canDecide || supervisor) && (r.status === 'submitted' || r.status === 'resubmitted')) || (supervisor && r.status === 'in_review');
  const shownRows = [...(q.data?.rows ?? []), ...chunks.flatMap((c) => c.data?.rows ?? [])];
  const shownSelectable = shownRows.filter(selectable);

  async function claimNext() {
    setClaimError(null);
    try {
      // In New or Resubmitted it takes from that queue only.
      const c = await client.call('cases.claimNext', queue === 'new' || queue === 'resubmitted' ? { queue } : {});
      await queryClient.invalidateQueries({ queryKey: ['queues.counts'] });
      if (c) navigate({ page: 'case', id: c.id });
      else setClaimError(MESSAGES.nothingToClaim);
    } catch (e) {
      setClaimError(e);
    }
  }

  async function claimSelected() {
    setClaimError(null);
    const items = [...selected].map(([id, version]) => ({ id, version }));
    try {
      const r = await client.call('cases.claimMany', { items });
      if (r.refused.length)
        setClaimError({
          ar: r.refused.map((x) => x.messageAr ?? x.message).join(' · '),
          en: r.refused.map((x) => x.message).join(' · '),
        });
      setSelected(new Map());
      await queryClient.invalidateQueries();
    } catch (e) {
      setClaimError(e);
    }
  }

  useEffect(() => {
    const move = (to: number) => {
      const next = Math.max(0, Math.min(to, total - 1));
      setCursor(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
    };
    const onKey = (e: KeyboardEvent) => {
      // Keys typed into a field are the field's; a row's checkbox just clicked leaves the keys to the queue.
      if ((e.target instanceof HTMLInputElement && e.target.type !== 'checkbox') || e.target instanceof HTMLTextAreaElement) return;
      if (e.key === 'j' || e.key === 'ArrowDown') move(cursor + 1);
      else if (e.key === 'k' || e.key === 'ArrowUp') move(cursor - 1);
      else if (e.key === 'Enter' && rowAt(cursor)) navigate({ page: 'case', id: rowAt(cursor)!.id });
      else if (e.key === 'n' && canDecide) void claimNext();
      // x selects the row under the cursor for a bulk step; Shift+X the range from the row selected last.
      else if ((e.key === 'x' || e.key === 'X') && rowAt(cursor) && selectable(rowAt(cursor)!)) {
        setSelected(clickSelection(selected, { index: cursor, row: rowAt(cursor)!, shift: e.shiftKey }, anchor, rowAt, selectable));
        setAnchor(cursor);
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
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
          {canDecide && selected.size > 0 && (
            <Button variant="light" onClick={() => void claimSelected()}>
              {`${t('claimSelected')} (${formatNumber(selected.size)})`}
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
      {supervisor && <BulkAssignBar selected={selected} onClear={() => setSelected(new Map())} />}
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
        <>
          <div
            ref={scrollRef}
            tabIndex={0}
            role="region"
            aria-label={pick(TERMS.queues[queue])}
            style={{ height: 'calc(100vh - 330px)', minHeight: 320, overflow: 'auto' }}
            data-testid="queue-scroll"
            className={compactTable.fits}
          >
            <Table striped highlightOnHover stickyHeader aria-label={pick(TERMS.queues[queue])} aria-rowcount={total + 1}>
              <Table.Thead>
                <Table.Tr>
                  {(canDecide || supervisor) && (
                    <Table.Th w={36}>
                      <Checkbox
                        aria-label={fill(pick(VIEW_WORDS.selectAllShown), { n: formatNumber(shownSelectable.length) })}
                        title={fill(pick(VIEW_WORDS.selectAllShown), { n: formatNumber(shownSelectable.length) })}
                        checked={shownSelectable.length > 0 && shownSelectable.every((r) => selected.has(r.id))}
                        indeterminate={selected.size > 0 && !shownSelectable.every((r) => selected.has(r.id))}
                        disabled={shownSelectable.length === 0}
                        onChange={() => setSelected(toggleAllShown(selected, shownRows, selectable))}
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
                      <tr key={`loading-${i}`} data-index={i} ref={virtualizer.measureElement} aria-hidden style={{ height: 58 }}>
                        <td colSpan={canDecide || supervisor ? 10 : 9} />
                      </tr>
                    );
                  }
                  return (
                    <Table.Tr
                      key={r.id}
                      data-index={i}
                      ref={virtualizer.measureElement}
                      aria-rowindex={i + 2}
                      onClick={() => {
                        setCursor(i);
                        keep(i);
                        navigate({ page: 'case', id: r.id });
                      }}
                      style={{ cursor: 'pointer', outline: i === cursor ? '2px solid var(--mantine-color-teal-6)' : undefined }}
                      aria-selected={i === cursor}
                    >
                      {(canDecide || supervisor) && (
                        <Table.Td onClick={(e) => e.stopPropagation()}>
                          {selectable(r) && (
                            <Checkbox
                              aria-label={`${t('select')} ${r.reference}`}
                              checked={selected.has(r.id)}
                              // The click (Space too) decides: with Shift it sets the range from the row clicked last.
                              onChange={() => undefined}
                              onClick={(e) => {
                                setSelected(clickSelection(selected, { index: i, row: r, shift: e.shiftKey }, anchor, rowAt, selectable));
                                setAnchor(i);
                              }}
                            />
                          )}
                        </Table.Td>
                      )}
                      <Table.Td dir="ltr" style={{ whiteSpace: 'nowrap' }}>
                        <a href={`#/case/${r.id}`}>{r.reference}</a>
                      </Table.Td>
                      <Table.Td>{pick(SERVICE_LABELS[r.service])}</Table.Td>
                      <Table.Td miw={200}>
                        <Text size="sm" lineClamp={1}>
                          <bdi dir="auto">{lang === 'ar' ? r.nameAr : r.nameEn}</bdi>
                        </Text>
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          <bdi dir="auto">{lang === 'ar' ? r.nameEn : r.nameAr}</bdi>
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Ltr>{r.idNumber}</Ltr>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm">{formatDateParts(r.submittedAt).gregorian}</Text>
                        <Text size="xs" c="dimmed">
                          {formatDateParts(r.submittedAt).hijri}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge
                          color={r.ageDays > 10 ? 'red' : r.ageDays > 5 ? 'yellow' : 'green'}
                          variant="light"
                          styles={{ label: { color: 'var(--mantine-color-dark-7)' } }}
                        >
                          {formatNumber(r.ageDays)}
                        </Badge>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <SlaBadge sla={r.sla} />
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {r.assignee ? (
                          <bdi dir="auto">{r.assignee.displayName}</bdi>
                        ) : (
                          <Text span c="dimmed" size="sm">
                            {t('unassigned')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <StatusBadge status={r.status} />
                        <ReferralMarkBadge mark={r.referral} />
                        {r.returnDueAt && (
                          <Text size="xs" c={daysLeft(r.returnDueAt) <= 5 ? 'red.9' : 'dimmed'}>
                            {`${t('daysLeft')}: ${formatNumber(Math.max(0, daysLeft(r.returnDueAt)))}`}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
                {visible.length > 0 && <tr aria-hidden style={{ height: virtualizer.getTotalSize() - visible[visible.length - 1]!.end }} />}
              </Table.Tbody>
            </Table>
          </div>
        </>
      )}
    </Stack>
  );
}
