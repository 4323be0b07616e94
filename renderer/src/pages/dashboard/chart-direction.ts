/**
 * Recharts draws in SVG coordinates, left to right, whatever the page's direction; an Arabic chart
 * is mirrored by the axes themselves: the time or category axis runs from the right, the value axis
 * (or the category labels of a horizontal bar chart) stands on the right, and bars grow leftwards.
 * The legend and tooltip are HTML, laid out in the page's direction.
 */
export type Direction = 'rtl' | 'ltr';

const TICK = { fontSize: 12, fill: 'currentColor' };

/** Charts whose categories (days, age buckets) run along the horizontal axis. */
export function columnChartDirection(dir: Direction) {
  const rtl = dir === 'rtl';
  return {
    xAxisProps: { reversed: rtl },
    yAxisProps: rtl ? { orientation: 'right' as const, tick: { ...TICK, transform: 'translate(10, 0)' } } : {},
    legendProps: { wrapperStyle: { direction: dir } },
    tooltipProps: { wrapperStyle: { direction: dir } },
  };
}

/** Horizontal bars, one labelled row per category: labels on the reading side, bars growing away from them. */
export function rowChartDirection(dir: Direction, labelWidth: number) {
  const rtl = dir === 'rtl';
  return {
    xAxisProps: { reversed: rtl },
    yAxisProps: {
      width: labelWidth,
      interval: 0,
      tickFormatter: keepSlashOnItsLine,
      ...(rtl ? { orientation: 'right' as const, tick: { ...TICK, transform: 'translate(10, 0)' } } : {}),
    },
    tooltipProps: { wrapperStyle: { direction: dir } },
  };
}

/**
 * Recharts wraps a long tick label at spaces, so "تجديد بطاقة التسجيل / التصنيف" could put "/" at
 * the start of the next line; a no-break space before the slash keeps it at the end of the first.
 */
export function keepSlashOnItsLine(label: unknown): string {
  return String(label).replace(/ \/ /g, '\u00a0/ ');
}
