import { Alert, Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { SERVICE_LABELS, type EscalationGroup, type Service, type Status } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { countText } from '../i18n/counts';
import { fill } from '../i18n/fill';
import { errorText } from '../components/errors';
import { SlaBadge } from '../components/SlaBadge';
import { StatusBadge } from '../components/StatusBadge';
import { Ltr } from '../components/BidiText';

/** The supervisor's list (issue #17): what is overdue or due today, by who holds it, most overdue first. */
export function EscalationsPage() {
  const { client } = useSession();
  const { t, lang, formatDate, formatNumber } = useLocale();
  const q = useQuery({ queryKey: ['escalations.list'], queryFn: () => client.call('escalations.list', {}), refetchInterval: 60_000 });
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3">
          {t('escalations')}
        </Title>
        {q.data && (
          <Group gap="xs" data-testid="escalation-totals">
            <Badge color="red" size="lg" variant="filled" data-testid="escalations-overdue">
              {`${t('escalationsOverdue')}: ${formatNumber(q.data.overdue)}`}
            </Badge>
            <Badge color="orange" size="lg" variant="light" data-testid="escalations-due-today">
              {`${t('escalationsDueToday')}: ${formatNumber(q.data.dueToday)}`}
            </Badge>
            <Text size="sm" c="dimmed">
              {formatDate(q.data.today)}
            </Text>
          </Group>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('escalationsHelp')}
      </Text>
      {q.isPending && <Loader role="status" aria-label={t('loading')} />}
      {q.isError && (
        <Alert color="red" title={errorText(q.error, lang)}>
          <Button size="xs" onClick={() => void q.refetch()}>
            {t('retry')}
          </Button>
        </Alert>
      )}
      {q.data && q.data.groups.length === 0 && <Text c="dimmed">{t('escalationsNone')}</Text>}
      {q.data?.groups.map((g) => (
        <AssigneeGroup key={g.assignee?.id ?? 'unclaimed'} group={g} />
      ))}
    </Stack>
  );
}

function AssigneeGroup({ group }: { group: EscalationGroup }) {
  const { t, pick, lang, formatNumber } = useLocale();
  const name = group.assignee ? group.assignee.displayName : t('escalationsUnclaimed');
  const total = group.overdue + group.dueToday;
  return (
    <Paper withBorder p="sm" component="section" aria-label={name} data-testid="escalation-group">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {group.assignee ? (
            <bdi dir="auto">{name}</bdi>
          ) : (
            <Text span c="dimmed" fw={600}>
              {name}
            </Text>
          )}
        </Title>
        <Group gap="xs">
          <Badge
            color="red"
            variant={group.overdue > 0 ? 'filled' : 'light'}
            aria-label={`${t('escalationsOverdue')}: ${countText(lang, 'requests', group.overdue)}`}
          >
            {`${t('escalationsOverdue')}: ${formatNumber(group.overdue)}`}
          </Badge>
          <Badge color="orange" variant="light" aria-label={`${t('escalationsDueToday')}: ${countText(lang, 'requests', group.dueToday)}`}>
            {`${t('escalationsDueToday')}: ${formatNumber(group.dueToday)}`}
          </Badge>
        </Group>
      </Group>
      <Table striped highlightOnHover aria-label={name}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reference')}</Table.Th>
            <Table.Th>{t('service')}</Table.Th>
            <Table.Th>{t('applicant')}</Table.Th>
            <Table.Th>{t('status')}</Table.Th>
            <Table.Th>{t('slaDue')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {group.rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Ltr>
                  <a href={`#/case/${r.id}`}>{r.reference}</a>
                </Ltr>
              </Table.Td>
              <Table.Td>{pick(SERVICE_LABELS[r.service as Service])}</Table.Td>
              <Table.Td>
                <bdi dir="auto">{lang === 'ar' ? r.nameAr : r.nameEn}</bdi>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={r.status as Status} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <SlaBadge sla={{ state: 'running', dueOn: r.dueOn, daysLeft: r.daysLeft }} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {group.rows.length < total && (
        <Text size="xs" c="dimmed" mt="xs">
          {fill(t('escalationsShown'), { shown: formatNumber(group.rows.length), total: formatNumber(total) })}
        </Text>
      )}
    </Paper>
  );
}
