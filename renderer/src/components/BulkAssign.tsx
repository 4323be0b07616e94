import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, ScrollArea, Select, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssignOutcome } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { VIEW_WORDS } from '../i18n/view-words';
import { fill } from '../i18n/fill';
import { errorText, type ShownError } from './errors';
import type { Selection } from './row-selection';

/**
 * A supervisor's bar over a queue, shown while rows are selected: choose a reviewer, assign them all in one call,
 * and read what became of each request (assigned, or skipped and why).
 */
export function BulkAssignBar({ selected, onClear }: { selected: Selection; onClear(): void }) {
  const { client } = useSession();
  const { pick, lang, formatNumber } = useLocale();
  const queryClient = useQueryClient();
  const [assignee, setAssignee] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError>(null);
  const [outcomes, setOutcomes] = useState<{ to: string; list: AssignOutcome[] } | null>(null);
  const assignable = useQuery({ queryKey: ['users.assignable'], queryFn: () => client.call('users.assignable', {}), staleTime: 60_000 });
  const w = (k: keyof typeof VIEW_WORDS, values?: Record<string, string>) => fill(pick(VIEW_WORDS[k]), values ?? {});

  const assign = async () => {
    if (!assignee) return setError(VIEW_WORDS.chooseReviewer);
    setError(null);
    setBusy(true);
    try {
      const items = [...selected].map(([id, version]) => ({ id, version }));
      const to = assignable.data?.find((u) => String(u.id) === assignee)?.displayName ?? '';
      setOutcomes({ to, list: await client.call('cases.assignMany', { assigneeId: Number(assignee), items }) });
      onClear();
      await queryClient.invalidateQueries();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {selected.size > 0 && (
        <Group gap="xs" align="flex-end" data-testid="bulk-assign">
          <Text size="sm" fw={600} aria-live="polite">
            {w('selectedCount', { n: formatNumber(selected.size) })}
          </Text>
          <Select
            label={w('assignTo')}
            placeholder={w('chooseReviewer')}
            data={(assignable.data ?? []).map((u) => ({ value: String(u.id), label: u.displayName }))}
            value={assignee}
            onChange={setAssignee}
            searchable
            w={200}
            size="xs"
          />
          <Button size="xs" onClick={() => void assign()} loading={busy} disabled={selected.size === 0}>
            {w('assign', { n: formatNumber(selected.size) })}
          </Button>
          <Button size="xs" variant="subtle" onClick={onClear}>
            {w('clearSelection')}
          </Button>
          <Text size="xs" c="dimmed">
            {w('shiftHint')}
          </Text>
          {error !== null && (
            <Text size="sm" c="red.9" role="alert">
              {errorText(error, lang)}
            </Text>
          )}
        </Group>
      )}
      {/* Outside the bar: the answer stays on screen once the selection it was about is cleared. */}
      <AssignOutcomes outcomes={outcomes} onClose={() => setOutcomes(null)} />
    </>
  );
}

/** Every request of the assignment with what became of it; the skipped first, since they need a look. */
function AssignOutcomes({ outcomes, onClose }: { outcomes: { to: string; list: AssignOutcome[] } | null; onClose(): void }) {
  const { pick, lang, formatNumber } = useLocale();
  const w = (k: keyof typeof VIEW_WORDS, values?: Record<string, string>) => fill(pick(VIEW_WORDS[k]), values ?? {});
  const list = outcomes?.list ?? [];
  const n = (o: AssignOutcome['outcome']) => formatNumber(list.filter((x) => x.outcome === o).length);
  const ordered = [...list].sort((a, b) => Number(b.outcome === 'skipped') - Number(a.outcome === 'skipped'));
  return (
    <Modal opened={outcomes !== null} onClose={onClose} title={w('assignResultTo', { name: outcomes?.to ?? '' })} size="lg">
      <Group gap="xs" mb="sm">
        <Badge color="teal" variant="light">
          {w('assignedN', { n: n('assigned') })}
        </Badge>
        {list.some((x) => x.outcome === 'unchanged') && (
          <Badge color="gray" variant="light">
            {w('unchangedN', { n: n('unchanged') })}
          </Badge>
        )}
        <Badge color={list.some((x) => x.outcome === 'skipped') ? 'yellow' : 'gray'} variant="light">
          {w('skippedN', { n: n('skipped') })}
        </Badge>
      </Group>
      {list.some((x) => x.outcome === 'skipped') && (
        <Alert color="yellow" mb="sm" role="status">
          {w('skippedHelp')}
        </Alert>
      )}
      <ScrollArea.Autosize mah={380}>
        <Table striped aria-label={w('assignResult')}>
          <Table.Tbody>
            {ordered.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td dir="ltr" style={{ whiteSpace: 'nowrap' }}>
                  {o.reference ? <a href={`#/case/${o.id}`}>{o.reference}</a> : `#${o.id}`}
                </Table.Td>
                <Table.Td>
                  {o.outcome === 'skipped' ? (
                    <Text size="sm" c="yellow.9" fw={600}>
                      {pick(VIEW_WORDS[`reason_${o.reason}`])}
                    </Text>
                  ) : (
                    <Text size="sm">{pick(VIEW_WORDS[`outcome_${o.outcome}`])}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {o.outcome === 'skipped' && (
                    <Text size="xs" c="dimmed">
                      {lang === 'ar' ? o.messageAr : o.message}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      <Group justify="flex-end" mt="md">
        <Button onClick={onClose} data-autofocus>
          {w('close')}
        </Button>
      </Group>
    </Modal>
  );
}
