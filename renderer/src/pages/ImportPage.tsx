import { useState } from 'react';
import { Alert, Badge, Group, List, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { BundleOutcomeView } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { errorText, type ShownError } from '../components/errors';
import { MESSAGES } from '../i18n/messages';
import { BidiText } from '../components/BidiText';
import { countText } from '../i18n/counts';
import { FileDropZone } from '../components/FileDropZone';

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Admins import request bundles (.zip) by drag and drop; each bundle is reported on its own. */
export function ImportPage() {
  const { client } = useSession();
  const { t, lang, formatNumber } = useLocale();
  const queryClient = useQueryClient();
  const [results, setResults] = useState<BundleOutcomeView[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<ShownError>(null);

  async function importFiles(files: File[]) {
    const zips = files.filter((f) => f.name.toLowerCase().endsWith('.zip'));
    if (zips.length === 0) return setError(MESSAGES.importOnlyZip);
    setError(null);
    setResults([]);
    setProgress({ done: 0, total: zips.length });
    for (const [i, file] of zips.entries()) {
      try {
        const outcome = await client.call('intake.upload', { name: file.name, data: await toBase64(file) });
        setResults((r) => [...r, outcome]);
      } catch (e) {
        setResults((r) => [
          ...r,
          { ok: false, bundle: file.name, problems: [{ where: 'bundle', message: errorText(e, 'en'), messageAr: errorText(e, 'ar') }] },
        ]);
      }
      setProgress({ done: i + 1, total: zips.length });
    }
    // Imported bundles change queues and, for resubmissions, cases already open elsewhere.
    await queryClient.invalidateQueries();
  }

  const imported = results.filter((r) => r.ok).length;

  return (
    <Stack maw={900}>
      <Title order={2} size="h3">
        {t('import')}
      </Title>
      <FileDropZone
        label={t('importDrop')}
        chooseLabel={t('importChoose')}
        accept=".zip,application/zip"
        multiple
        onFiles={(files) => void importFiles(files)}
      />
      {error !== null && <Alert color="red">{errorText(error, lang)}</Alert>}
      {progress && (
        <Stack gap={4}>
          <Progress value={(100 * progress.done) / progress.total} aria-label={t('import')} />
          <Text size="sm">{`${formatNumber(progress.done)} / ${formatNumber(progress.total)} · ${t('imported')}: ${formatNumber(imported)} · ${t('refused')}: ${formatNumber(progress.done - imported)}`}</Text>
        </Stack>
      )}
      {results.map((r, i) => (
        <Paper key={i} withBorder p="sm">
          <Group justify="space-between">
            <Text fw={600} dir="ltr">
              {r.bundle}
            </Text>
            <Badge color={r.ok ? 'green' : 'red'} variant="light" styles={{ label: { color: 'var(--mantine-color-dark-7)' } }}>
              {r.ok ? (r.resubmission ? t('resubmissionOf') : t('imported')) : t('refused')}
            </Badge>
          </Group>
          {r.ok ? (
            <Text size="sm">
              <a href={`#/case/${r.requestId}`} dir="ltr">
                {r.reference}
              </a>
              {` · ${countText(lang, 'attachments', r.attachments)}`}
            </Text>
          ) : (
            <List size="sm">
              {r.problems.map((p, j) => (
                <List.Item key={j}>
                  <Text span ff="monospace" size="xs" dir="ltr">
                    {p.where}
                  </Text>
                  {': '}
                  <BidiText text={lang === 'ar' ? p.messageAr : p.message} />
                </List.Item>
              ))}
            </List>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
