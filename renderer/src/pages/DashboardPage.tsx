import { useState } from 'react';
import { Alert, Group, Loader, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { BarChart, LineChart } from '@mantine/charts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { SERVICES, SERVICE_LABELS, TERMS, type Service, type Status } from '../../../shared/domain';
import { useSession } from '../api/session';
import { mayCall } from '../api/may-call';
import { useLocale } from '../i18n/locale';
import { errorText } from '../components/errors';
import { ChartCard } from '../components/ChartCard';
import { DayInput } from '../components/DayInput';
import { fill } from '../i18n/fill';
import { FailingMessages } from './dashboard/FailingMessages';
import { CountBars } from './dashboard/CountBars';
import { columnChartDirection } from './dashboard/chart-direction';
import { refundsSummary } from './dashboard/refunds-summary';
import { dayTick } from './dashboard/day-tick';
import { SignalsPerWeek } from './dashboard/SignalsPerWeek';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000 + 3 * 3_600_000).toISOString().slice(0, 10);

/** The supervisor's view: what came in, what was decided, what waits and for how long, who decided, returns, refunds. */
export function DashboardPage() {
  const { client, user } = useSession();
  const { t, pick, lang, dir, formatNumber, formatDate } = useLocale();
  // The outbox's failing messages are the admin's to resend or cancel.
  const isAdmin = mayCall(user?.roles, 'outbox.resend');
  const [from, setFrom] = useState(daysAgo(29));
  const [to, setTo] = useState(daysAgo(0));
  // The range the figures are for: the boxes as typed while they are in order, else the last range that was.
  // A start after the end is said beside the boxes and never sent, so the charts never go blank (#17).
  const [range, setRange] = useState({ from, to });
  const reversed = from > to;
  const choose = (next: { from: string; to: string }) => {
    setFrom(next.from);
    setTo(next.to);
    if (next.from <= next.to) setRange(next);
  };
  const [service, setService] = useState<Service | null>(null);
  const q = useQuery({
    queryKey: ['dashboard.figures', range.from, range.to, service],
    queryFn: () => client.call('dashboard.figures', { from: range.from, to: range.to, ...(service ? { service } : {}) }),
    placeholderData: keepPreviousData,
  });
  const f = q.data;
  const statusLabel = (s: string) => TERMS.statuses[s as Status]?.[lang] ?? s;
  const serviceLabel = (s: string) => SERVICE_LABELS[s as Service]?.[lang] ?? s;
  const mirrored = columnChartDirection(dir);
  const bands = { within: t('bandWithin'), over: t('bandOver'), late: t('bandLate') };

  return (
    <Stack>
      <Title order={2} size="h3">
        {t('dashboard')}
      </Title>
      {isAdmin && <FailingMessages />}
      <Group align="end">
        {/* Cleared, a box keeps its last day: the figures always cover a range. */}
        <DayInput
          label={t('from')}
          value={from}
          onChange={(d) => d && choose({ from: d, to })}
          description={formatDate(from)}
          error={reversed ? fill(t('rangeReversed'), { from: formatDate(range.from), to: formatDate(range.to) }) : undefined}
          w={reversed ? 260 : undefined}
        />
        <DayInput
          label={t('to')}
          value={to}
          onChange={(d) => d && choose({ from, to: d })}
          description={formatDate(to)}
          error={reversed || undefined}
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
      {q.isPending && <Loader role="status" aria-label={t('loading')} />}
      {q.isError && <Alert color="red">{errorText(q.error, lang)}</Alert>}
      {f && (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Stat label={t('intake')} value={formatNumber(f.perDay.reduce((a, d) => a + d.intake, 0))} />
            <Stat label={t('decisions')} value={formatNumber(f.perDay.reduce((a, d) => a + d.decisions, 0))} />
            <Stat label={t('returns')} value={formatNumber(f.returns.count)} />
            <Stat
              label={t('refundsPaid')}
              // A sentence, not "0 · 0 ريال": the count in its plural form and the amount in SAR.
              value={refundsSummary(lang, f.refundsPaid.count, f.refundsPaid.totalHalalas)}
              small
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
              {...mirrored}
              xAxisProps={{ ...mirrored.xAxisProps, tickFormatter: dayTick(lang) }}
              tooltipProps={{ ...mirrored.tooltipProps, labelFormatter: (day) => dayTick(lang)(String(day)) }}
              curveType="monotone"
              series={[
                { name: 'intake', label: t('intake'), color: 'teal.7' },
                { name: 'decisions', label: t('decisions'), color: 'indigo.6' },
              ]}
            />
          </ChartCard>
          {mayCall(user?.roles, 'signals.perWeek') && <SignalsPerWeek />}
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
                {...mirrored}
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
                      <Table.Td dir="auto">{r.name}</Table.Td>
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

function Stat({ label, value, small }: { label: string; value: string; small?: boolean }) {
  return (
    <Stack gap={2} p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size={small ? 'md' : 'xl'}>
        {value}
      </Text>
    </Stack>
  );
}
