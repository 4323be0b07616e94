import { BarChart } from '@mantine/charts';
import { ChartCard } from '../../components/ChartCard';
import { useLocale } from '../../i18n/locale';
import { rowChartDirection } from './chart-direction';

/** Horizontal bars, one label each: every status or service is named (the chart skips labels when rows are too tight). */
const barsHeight = (rows: number) => 40 + rows * 30;

/** One count per label as horizontal bars (every label shown), with its CSV; labels on the reading side. */
export function CountBars(props: {
  title: string;
  fileName: string;
  header: string;
  rows: Array<{ name: string; count: number }>;
  labelWidth: number;
  color: string;
}) {
  const { t, dir } = useLocale();
  return (
    <ChartCard title={props.title} fileName={props.fileName} csv={[[props.header, t('count')], ...props.rows.map((r) => [r.name, r.count])]}>
      <BarChart
        h={barsHeight(props.rows.length)}
        orientation="vertical"
        data={props.rows}
        dataKey="name"
        series={[{ name: 'count', label: t('count'), color: props.color }]}
        {...rowChartDirection(dir, props.labelWidth)}
      />
    </ChartCard>
  );
}
