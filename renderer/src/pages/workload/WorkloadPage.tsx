import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../../api/session';
import { useLocale } from '../../i18n/locale';
import { VIEW_WORDS } from '../../i18n/view-words';
import { fill } from '../../i18n/fill';
import { routeHref } from '../../route';
import { PageHeading } from '../../components/PageHeading';
import { QueryStatus } from '../../components/QueryStatus';
import { QueuePage } from '../QueuePage';

/** A supervisor's view of each reviewer's load, and (with `reviewer`) that reviewer's requests. */
export function WorkloadPage({ reviewer }: { reviewer?: number }) {
  const { client } = useSession();
  const { pick, formatNumber, formatDateParts } = useLocale();
  const load = useQuery({ queryKey: ['workload.reviewers'], queryFn: () => client.call('workload.reviewers', {}), refetchInterval: 15_000 });
  const w = (k: keyof typeof VIEW_WORDS, values?: Record<string, string>) => fill(pick(VIEW_WORDS[k]), values ?? {});
  if (reviewer !== undefined) {
    const who = load.data?.find((r) => r.user.id === reviewer);
    return (
      <Stack gap="xs">
        <Anchor href={routeHref({ page: 'workload' })} size="sm" w="fit-content">
          {w('workload')}
        </Anchor>
        {who && (
          <Text size="sm" c="dimmed">
            {w('assignedTo', { name: who.user.displayName })}
          </Text>
        )}
        <QueuePage key={reviewer} queue="all" initial={{ queue: 'all', sort: 'age', assigneeId: reviewer }} />
      </Stack>
    );
  }
  return (
    <Stack>
      <PageHeading title={w('workload')} help={w('workloadHelp')} />
      <QueryStatus query={load} />
      {load.data && (
        <Table striped highlightOnHover aria-label={w('workload')} maw={1000}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{w('reviewer')}</Table.Th>
              <Table.Th>{w('inReview')}</Table.Th>
              <Table.Th>{w('resubmittedToThem')}</Table.Th>
              <Table.Th>{w('withApplicant')}</Table.Th>
              <Table.Th>{w('overdue')}</Table.Th>
              <Table.Th>{w('oldest')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {load.data.map((r) => (
              <Table.Tr key={r.user.id}>
                <Table.Td>
                  <bdi dir="auto">{r.user.displayName}</bdi>
                  <Text size="xs" c="dimmed" dir="ltr" ta="start">
                    {r.user.username}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={r.inReview > 20 ? 'red' : r.inReview > 10 ? 'yellow' : 'teal'}>
                    {formatNumber(r.inReview)}
                  </Badge>
                </Table.Td>
                <Table.Td>{formatNumber(r.resubmitted)}</Table.Td>
                <Table.Td>{formatNumber(r.withApplicant)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={r.overdue > 0 ? 'red' : 'gray'}>
                    {formatNumber(r.overdue)}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {r.oldestSubmittedAt ? <Text size="sm">{formatDateParts(r.oldestSubmittedAt).gregorian}</Text> : '—'}
                </Table.Td>
                <Table.Td>
                  <Anchor href={routeHref({ page: 'workload', reviewer: r.user.id })} aria-label={`${w('openList')}: ${r.user.displayName}`}>
                    {w('openList')}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
