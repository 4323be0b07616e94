import { Alert, Loader, Text } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../../api/session';
import { useLocale } from '../../i18n/locale';
import { ChartCard } from '../../components/ChartCard';
import { errorText } from '../../components/errors';
import { columnChartDirection } from './chart-direction';
import { dayTick } from './day-tick';

/** Requests raising an integrity signal, per week of submission (the last twelve weeks): warnings and strong signals stacked. */
export function SignalsPerWeek() {
  const { client } = useSession();
  const { t, lang, dir } = useLocale();
  const q = useQuery({ queryKey: ['signals.perWeek'], queryFn: () => client.call('signals.perWeek', {}) });
  const mirrored = columnChartDirection(dir);
  const rows = q.data ?? [];
  return (
    <ChartCard
      title={t('sigPerWeek')}
      fileName="signals-per-week.csv"
      csv={[[t('sigWeek'), t('sigRequests'), t('sigWarned'), t('sigFailed')], ...rows.map((w) => [w.week, w.requests, w.warned, w.failed])]}
    >
      <Text size="xs" c="dimmed" mb="xs">
        {t('sigPerWeekHelp')}
      </Text>
      {q.isPending && <Loader role="status" size="sm" aria-label={t('loading')} />}
      {q.isError && <Alert color="red">{errorText(q.error, lang)}</Alert>}
      {q.data && (
        <BarChart
          h={220}
          data={rows}
          dataKey="week"
          type="stacked"
          withLegend
          {...mirrored}
          xAxisProps={{ ...mirrored.xAxisProps, tickFormatter: dayTick(lang) }}
          series={[
            { name: 'warned', label: t('sigWarned'), color: 'yellow.6' },
            { name: 'failed', label: t('sigFailed'), color: 'red.7' },
          ]}
        />
      )}
    </ChartCard>
  );
}
