import type { ReactNode } from 'react';
import { Button, Group, Paper, Title } from '@mantine/core';
import { BOM, csvLine, type CellValue } from '../../../shared/csv';
import { useLocale } from '../i18n/locale';

/** A dashboard panel with its figures downloadable as CSV (what the chart shows, as numbers). */
export function ChartCard({ title, csv, fileName, children }: { title: string; csv: CellValue[][]; fileName: string; children: ReactNode }) {
  const { t } = useLocale();
  const download = () => {
    const blob = new Blob([BOM + csv.map(csvLine).join('')], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          {title}
        </Title>
        <Button size="compact-xs" variant="subtle" onClick={download} aria-label={`${t('downloadCsv')}: ${title}`}>
          CSV
        </Button>
      </Group>
      {children}
    </Paper>
  );
}
