import { describe, expect, it } from 'vitest';
import { columnChartDirection, keepSlashOnItsLine, rowChartDirection } from './chart-direction';

describe('chart direction', () => {
  it('mirrors an Arabic chart: axis reversed, labels on the right, legend and tooltip right to left', () => {
    const ar = columnChartDirection('rtl');
    expect(ar.xAxisProps.reversed).toBe(true);
    expect(ar.yAxisProps).toMatchObject({ orientation: 'right' });
    expect(ar.legendProps.wrapperStyle.direction).toBe('rtl');
    expect(rowChartDirection('rtl', 190).yAxisProps).toMatchObject({ orientation: 'right', width: 190, interval: 0 });
  });
  it('leaves an English chart as Recharts draws it', () => {
    expect(columnChartDirection('ltr').xAxisProps.reversed).toBe(false);
    expect(columnChartDirection('ltr').yAxisProps).toEqual({});
    expect(rowChartDirection('ltr', 170).yAxisProps).not.toHaveProperty('orientation');
  });
  it('never lets a wrapped label start with a slash', () => {
    const label = keepSlashOnItsLine('تجديد بطاقة التسجيل / التصنيف');
    // Recharts breaks lines at ASCII white space only: the slash stays glued to the word before it.
    expect(label.split(/[ \t\n]+/)).toEqual(['تجديد', 'بطاقة', 'التسجيل\u00a0/', 'التصنيف']);
    expect(keepSlashOnItsLine('Card renewal')).toBe('Card renewal');
  });
});
