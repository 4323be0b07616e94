import { useMemo, useState } from 'react';
import { Alert, Anchor, Button, Group, Loader, Select, Table, Text, TextInput } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { ACTION_LABELS, AUDIT_ACTION_LABELS, auditActionLabel, type AuditTrailEntry } from '../../../../shared/domain';
import { useSession } from '../../api/session';
import { useLocale } from '../../i18n/locale';
import { fill } from '../../i18n/fill';
import { errorText } from '../../components/errors';
import { DayInput } from '../../components/DayInput';
import { Ltr } from '../../components/BidiText';
import { routeHref } from '../../route';
import { auditEntityLabel } from './entity-labels';

/** Entries per page: a screen or two of rows; "older" brings the next page below them. */
const PAGE = 50;

interface TrailFilter {
  actorId?: number;
  reference?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** Every action the desk writes, as the filter offers it: the labelled audit actions, then each step of a request. */
const ACTIONS = [...Object.keys(AUDIT_ACTION_LABELS), ...Object.keys(ACTION_LABELS).map((step) => `request.${step}`)];

/**
 * The audit log browsed newest first and filtered (user, request reference, action, days); each
 * page continues below the entry number the previous one ended at (audit.browse), so a log of
 * millions reads as fast at its end as at its start.
 */
export function AuditTrail() {
  const { client } = useSession();
  const queryClient = useQueryClient();
  const { t, lang, pick, formatNumber, formatDateTime } = useLocale();
  const [filter, setFilter] = useState<TrailFilter>({});
  // The reference is applied on Enter or on leaving the box: a half-typed one is not a request yet.
  const [typedReference, setTypedReference] = useState('');
  const users = useQuery({ queryKey: ['users.list'], queryFn: () => client.call('users.list', {}) });
  const trail = useInfiniteQuery({
    queryKey: ['audit.browse', filter],
    queryFn: ({ pageParam }) => client.call('audit.browse', { ...filter, limit: PAGE, ...(pageParam ? { before: pageParam } : {}) }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.before,
  });
  const entries = useMemo(() => trail.data?.pages.flatMap((p) => p.entries) ?? [], [trail.data]);
  const lastPage = trail.data?.pages[trail.data.pages.length - 1];
  const actionOptions = useMemo(
    () => ACTIONS.map((a) => ({ value: a, label: pick(auditActionLabel(a)) })).sort((x, y) => x.label.localeCompare(y.label, lang)),
    [pick, lang],
  );
  const set = (patch: Partial<TrailFilter>) =>
    setFilter((f) => {
      const next: TrailFilter = { ...f, ...patch };
      for (const k of Object.keys(next) as Array<keyof TrailFilter>) if (next[k] === undefined || next[k] === '') delete next[k];
      return next;
    });
  const applyReference = () => set({ reference: typedReference.trim() || undefined });
  const filtered = Object.keys(filter).length > 0;

  return (
    <>
      <Group gap="xs" align="end" wrap="wrap" role="search" aria-label={t('auditFilters')}>
        <Select
          label={t('auditByUser')}
          placeholder={t('auditAnyUser')}
          data={(users.data ?? []).map((u) => ({ value: String(u.id), label: u.username }))}
          value={filter.actorId ? String(filter.actorId) : null}
          onChange={(v) => set({ actorId: v ? Number(v) : undefined })}
          searchable
          clearable
          w={170}
        />
        <TextInput
          label={t('reference')}
          placeholder="REQ-2026-000123"
          value={typedReference}
          onChange={(e) => setTypedReference(e.currentTarget.value)}
          onKeyDown={getHotkeyHandler([['Enter', applyReference]])}
          onBlur={applyReference}
          maxLength={40}
          dir="ltr"
          w={170}
        />
        <Select
          label={t('auditByAction')}
          placeholder={t('auditAnyAction')}
          data={actionOptions}
          value={filter.action ?? null}
          onChange={(v) => set({ action: v ?? undefined })}
          searchable
          clearable
          w={230}
        />
        <DayInput label={t('from')} value={filter.from} onChange={(d) => set({ from: d })} clearable w={150} />
        <DayInput label={t('to')} value={filter.to} onChange={(d) => set({ to: d })} clearable w={150} />
        {filtered && (
          <Button
            variant="subtle"
            onClick={() => {
              setTypedReference('');
              setFilter({});
            }}
          >
            {t('auditClearFilters')}
          </Button>
        )}
      </Group>
      {trail.isError && <Alert color="red">{errorText(trail.error, lang)}</Alert>}
      {trail.isPending && <Loader role="status" aria-label={t('loading')} size="sm" />}
      {trail.isSuccess && entries.length === 0 && !lastPage?.before && <Text c="dimmed">{t('auditNone')}</Text>}
      {entries.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover verticalSpacing={4} aria-label={t('auditTrail')} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('auditSeq')}</Table.Th>
                <Table.Th>{t('auditWhen')}</Table.Th>
                <Table.Th>{t('auditWho')}</Table.Th>
                <Table.Th>{t('auditByAction')}</Table.Th>
                <Table.Th>{t('auditOn')}</Table.Th>
                <Table.Th>{t('auditDetails')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <TrailRow
                  key={e.seq}
                  e={e}
                  when={formatDateTime(e.at)}
                  seq={formatNumber(e.seq)}
                  action={pick(auditActionLabel(e.action))}
                  entity={pick(auditEntityLabel(e.entity))}
                  desk={t('auditTheDesk')}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {lastPage && lastPage.entries.length < PAGE && lastPage.before !== null && lastPage.readDownTo !== null && (
        <Text size="sm" c="dimmed" role="status">
          {fill(t('auditReadDownTo'), { seq: formatNumber(lastPage.readDownTo) })}
        </Text>
      )}
      <Group>
        {trail.hasNextPage && (
          <Button variant="light" onClick={() => void trail.fetchNextPage()} loading={trail.isFetchingNextPage}>
            {t('auditOlder')}
          </Button>
        )}
        {(trail.data?.pages.length ?? 0) > 1 && (
          <Button variant="subtle" onClick={() => void queryClient.resetQueries({ queryKey: ['audit.browse', filter] })}>
            {t('auditNewest')}
          </Button>
        )}
      </Group>
    </>
  );
}

function TrailRow(props: { e: AuditTrailEntry; when: string; seq: string; action: string; entity: string; desk: string }) {
  const { e, when, seq, action, entity, desk } = props;
  return (
    <Table.Tr>
      <Table.Td>
        <Ltr>{seq}</Ltr>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{when}</Table.Td>
      <Table.Td>{e.actorName ? <Ltr>{e.actorName}</Ltr> : desk}</Table.Td>
      <Table.Td style={{ minWidth: 150 }}>{action}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {e.reference ? (
          <Anchor href={routeHref({ page: 'caseRef', reference: e.reference })} size="sm">
            <Ltr>{e.reference}</Ltr>
          </Anchor>
        ) : (
          <>
            {entity}
            {e.entityId !== null && (
              <>
                {' '}
                <Ltr>{e.entityId}</Ltr>
              </>
            )}
          </>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="xs" c="dimmed" dir="ltr" lineClamp={2} style={{ wordBreak: 'break-all', fontFamily: 'monospace' }}>
          {/* The entry's data exactly as the chain hashed it: a record to read as code, not wording to translate. */}
          {e.data === '{}' ? '' : <code>{e.data}</code>}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
