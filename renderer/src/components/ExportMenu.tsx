import { useEffect, useState } from 'react';
import { Alert, Button, Group, Menu, Modal, Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ArgsOf } from '../../../shared/contract';
import type { ExportJobView } from '../../../shared/domain';
import { TERMS } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { errorText, type ShownError } from './errors';

type View = Omit<ArgsOf<'exports.start'>, 'format' | 'lang'>;

/**
 * How soon the export's progress is asked again: often at first (most exports are done within a second, and a
 * 400 ms step kept the file from the person for up to 400 ms more), then every 400 ms for the long ones.
 */
export const exportPollMs = (query: { state: { dataUpdateCount: number } }): number => (query.state.dataUpdateCount < 10 ? 100 : 400);

/** Exports what the queue shows (its filters, search and order) to Excel, CSV or PDF, with progress and cancel. */
export function ExportMenu({ view }: { view: View }) {
  const { client } = useSession();
  const { t, pick, lang, formatNumber } = useLocale();
  const [job, setJob] = useState<ExportJobView | null>(null);
  const [error, setError] = useState<ShownError>(null);
  const status = useQuery({
    queryKey: ['exports.status', job?.id],
    queryFn: () => client.call('exports.status', { jobId: job!.id }),
    enabled: !!job && job.state === 'running',
    refetchInterval: exportPollMs,
  });
  useEffect(() => {
    if (status.data) setJob(status.data);
  }, [status.data]);
  const start = async (format: 'xlsx' | 'csv' | 'pdf') => {
    setError(null);
    try {
      setJob(await client.call('exports.start', { ...view, format, lang }));
    } catch (e) {
      setError(e);
    }
  };
  const cancel = async () => job && setJob(await client.call('exports.cancel', { jobId: job.id }));
  const percent = job?.total ? Math.round((job.done / job.total) * 100) : job?.state === 'done' ? 100 : 0;
  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default">{pick(TERMS.actions.export)}</Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => void start('xlsx')}>{t('exportXlsx')}</Menu.Item>
          <Menu.Item onClick={() => void start('csv')}>{t('exportCsv')}</Menu.Item>
          <Menu.Item onClick={() => void start('pdf')}>{t('exportPdf')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {error !== null && <Alert color="red">{errorText(error, lang)}</Alert>}
      <Modal opened={job !== null} onClose={() => (job?.state === 'running' ? void cancel() : setJob(null))} title={pick(TERMS.actions.export)}>
        {job && (
          <Stack>
            <Text size="sm" dir="ltr">
              {job.fileName}
            </Text>
            <Progress value={percent} animated={job.state === 'running'} aria-label={t('exportProgress')} />
            <Text size="sm" role="status">
              {job.state === 'running' && `${formatNumber(job.done)} / ${job.total === null ? '…' : formatNumber(job.total)}`}
              {job.state === 'done' && `${t('exportDone')}: ${formatNumber(job.done)}`}
              {job.state === 'cancelled' && t('exportCancelled')}
              {job.state === 'failed' && `${t('exportFailed')}: ${job.error ?? ''}`}
            </Text>
            <Group justify="end">
              {job.state === 'running' && (
                <Button variant="default" onClick={() => void cancel()}>
                  {t('cancel')}
                </Button>
              )}
              {job.state === 'done' && job.url && (
                <Button component="a" href={job.url} download={job.fileName} data-autofocus>
                  {t('saveFile')}
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
