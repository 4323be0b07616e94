import { useState } from 'react';
import { Alert, Group, Loader, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { BarChart, LineChart } from '@mantine/charts';
import { useQuery } from '@tanstack/react-query';
import { SERVICES, SERVICE_LABELS, TERMS, type Service, type Status } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { errorText } from '../components/errors';
import { ChartCard } from '../components/ChartCard';
import { useMoney } from '../components/money';
import { countText } from '../i18n/counts';
import { FailingMessages } from './dashboard/FailingMessages';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000 + 3 * 3_600_000).toISOString().slice(0, 10);

/** The supervisor's view: what came in, what was decided, what waits and for how long, who decided, returns, refunds. */
export function DashboardPage() {
  const { client, user } = useSession();
  const { t, pick, lang, formatNumber, formatDate } = useLocale();
  // The outbox's failing messages are the admin's to resend or cancel.
  const isAdmin = user?.roles.includes('admin') ?? false;
  const [from, setFrom] = useState(daysAgo(29));
  const [to, setTo] = useState(daysAgo(0));
  const [service, setService] = useState<Service | null>(null);
  const q = useQuery({
    queryKey: ['dashboard.figures', from, to, service],
    queryFn: () => client.call('dashboard.figures', { from, to, ...(service ? { service } : {}) }),
  });
  const f = q.data;
  const statusLabel = (s: string) => TERMS.statuses[s as Status]?.[lang] ?? s;
  const serviceLabel = (s: string) => SERVICE_LABELS[s as Service]?.[lang] ?? s;
  const money = useMoney();
  const bands = { within: t('bandWithin'), over: t('bandOver'), late: t('bandLate') };

  return (
    <Stack>
      <Title order={2} size="h3">
        {t('dashboard')}
      </Title>
      {isAdmin && <FailingMessages />}
      <Group align="end">
        <TextInput
          type="date"
          label={t('from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          description={from ? formatDate(from) : undefined}
        />
        <TextInput
          type="date"
          label={t('to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          description={to ? formatDate(to) : undefined}
        />
        <Select
          label={t('service')}
          placeholder={t('allServices')}
          clearable
          value={service}
          onChange={(v) => setService(v as Service | null)}
          data={SERVICES.map((s) => ({ value: s, label: pick(SERVICE_LABELS[s]) }))}
          w={320}
        />
      </Group>
      {q.isPending && <Loader aria-label={t('loading')} />}
      {q.isError && <Alert color="red">{errorText(q.error, lang)}</Alert>}
      {f && (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Stat label={t('intake')} value={formatNumber(f.perDay.reduce((a, d) => a + d.intake, 0))} />
            <Stat label={t('decisions')} value={formatNumber(f.perDay.reduce((a, d) => a + d.decisions, 0))} />
            <Stat label={t('returns')} value={formatNumber(f.returns.count)} />
            <Stat
              label={t('refundsPaid')}
              // "1 · 50 SAR" read as 1.50: the count says what it counts, the amount has its two decimals.
              value={`${countText(lang, 'refunds', f.refundsPaid.count)} · ${money.halalas(f.refundsPaid.totalHalalas)}`}
            />
          </SimpleGrid>
          <ChartCard
            title={t('intakeVsDecisions')}
            fileName={`intake-decisions-${f.from}-${f.to}.csv`}
            csv={[[t('day'), t('intake'), t('decisions')], ...f.perDay.map((d) => [d.day, d.intake, d.decisions])]}
          >
            <LineChart
              h={260}
              data={f.perDay}
              dataKey="day"
              withLegend
              curveType="monotone"
              series={[
                { name: 'intake', label: t('intake'), color: 'teal.7' },
                { name: 'decisions', label: t('decisions'), color: 'indigo.6' },
              ]}
            />
          </ChartCard>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <ChartCard
              title={`${t('ageing')} (${t('slaIs')} ${f.slaWorkingDays})`}
              fileName={`ageing-${f.today}.csv`}
              csv={[[t('ageWorkingDays'), t('band'), t('count')], ...f.ageing.map((a) => [a.bucket, bands[a.band], a.count])]}
            >
              <BarChart
                h={240}
                data={f.ageing.map((a) => ({
                  bucket: a.bucket,
                  within: a.band === 'within' ? a.count : 0,
                  over: a.band === 'over' ? a.count : 0,
                  late: a.band === 'late' ? a.count : 0,
                }))}
                dataKey="bucket"
                type="stacked"
                withLegend
                series={[
                  { name: 'within', label: bands.within, color: 'teal.7' },
                  { name: 'over', label: bands.over, color: 'yellow.7' },
                  { name: 'late', label: bands.late, color: 'red.8' },
                ]}
              />
            </ChartCard>
            <CountBars
              title={t('byStatus')}
              fileName={`by-status-${f.from}-${f.to}.csv`}
              header={t('status')}
              rows={f.byStatus.map((s) => ({ name: statusLabel(s.status), count: s.count }))}
              labelWidth={170}
              color="teal.7"
            />
            <CountBars
              title={t('byService')}
              fileName={`by-service-${f.from}-${f.to}.csv`}
              header={t('service')}
              rows={f.byService.map((s) => ({ name: serviceLabel(s.service), count: s.count }))}
              labelWidth={190}
              color="indigo.6"
            />
            <ChartCard
              title={t('reviewerThroughput')}
              fileName={`reviewers-${f.from}-${f.to}.csv`}
              csv={[
                [t('reviewer'), t('decisions'), pick(TERMS.actions.approve), pick(TERMS.actions.reject), t('medianDays')],
                ...f.reviewers.map((r) => [r.name, r.decisions, r.approved, r.rejected, r.medianDaysToDecision]),
              ]}
            >
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reviewer')}</Table.Th>
                    <Table.Th>{t('decisions')}</Table.Th>
                    <Table.Th>{pick(TERMS.actions.approve)}</Table.Th>
                    <Table.Th>{pick(TERMS.actions.reject)}</Table.Th>
                    <Table.Th>{t('medianDays')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {f.reviewers.map((r) => (
                    <Table.Tr key={r.name}>
                      <Table.Td>{r.name}</Table.Td>
                      <Table.Td>{formatNumber(r.decisions)}</Table.Td>
                      <Table.Td>{formatNumber(r.approved)}</Table.Td>
                      <Table.Td>{formatNumber(r.rejected)}</Table.Td>
                      <Table.Td>{r.medianDaysToDecision === null ? '—' : formatNumber(r.medianDaysToDecision)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ChartCard>
          </SimpleGrid>
          <ChartCard
            title={t('returnReasons')}
            fileName={`returns-${f.from}-${f.to}.csv`}
            csv={[[t('reason'), t('count')], ...f.returns.reasons.map((r) => [r.text, r.count])]}
          >
            {f.returns.reasons.length === 0 && <Text c="dimmed">{t('emptyQueue')}</Text>}
            {f.returns.reasons.map((r) => (
              <Group key={r.text} justify="space-between" wrap="nowrap" py={4}>
                <Text size="sm" dir="auto">
                  {r.text}
                </Text>
                <Text fw={700}>{formatNumber(r.count)}</Text>
              </Group>
            ))}
          </ChartCard>
        </>
      )}
    </Stack>
  );
}

/** Horizontal bars, one label each: every status or service is named (the chart skips labels when rows are too tight). */
const barsHeight = (rows: number) => 40 + rows * 30;

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={2} p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Stack>
  );
}

/** One count per label as horizontal bars (every label shown), with its CSV. */
function CountBars(props: {
  title: string;
  fileName: string;
  header: string;
  rows: Array<{ name: string; count: number }>;
  labelWidth: number;
  color: string;
}) {
  const { t } = useLocale();
  return (
    <ChartCard title={props.title} fileName={props.fileName} csv={[[props.header, t('count')], ...props.rows.map((r) => [r.name, r.count])]}>
      <BarChart
        h={barsHeight(props.rows.length)}
        orientation="vertical"
        yAxisProps={{ width: props.labelWidth, interval: 0 }}
        data={props.rows}
        dataKey="name"
        series={[{ name: 'count', label: t('count'), color: props.color }]}
      />
    </ChartCard>
  );
}
