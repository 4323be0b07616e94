import { useRef, useState, type ReactNode } from 'react';
import { Alert, Badge, Group, List, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { TERMS, type PaymentImportResult } from '../../../../shared/domain';
import { useSession } from '../../api/session';
import { useLocale } from '../../i18n/locale';
import { errorText, type ShownError } from '../../components/errors';
import { countText } from '../../i18n/counts';
import { MESSAGES } from '../../i18n/messages';
import { BidiText } from '../../components/BidiText';
import { FileDropZone } from '../../components/FileDropZone';
import { useMoney } from '../../components/money';

/** A payment gateway's reconciliation file (.csv): dropped or picked, imported whole or refused whole. */
export function PaymentImportTab() {
  const { client } = useSession();
  const { t, lang, formatNumber, formatDateTime } = useLocale();
  const money = useMoney();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<PaymentImportResult | null>(null);
  const [refused, setRefused] = useState<{ file: string; error: ShownError } | null>(null);
  /** Clears the file input, so picking the same file again imports it again (and shows its duplicates). */
  const resetInput = useRef<() => void>(null);
  const [busy, setBusy] = useState(false);
  const imports = useQuery({ queryKey: ['payments.imports'], queryFn: () => client.call('payments.imports', { limit: 20 }) });

  async function importFile(file: File | null | undefined) {
    if (!file) return;
    setResult(null);
    setRefused(null);
    if (!file.name.toLowerCase().endsWith('.csv')) {
      resetInput.current?.();
      return setRefused({ file: file.name, error: MESSAGES.finOnlyCsv });
    }
    setBusy(true);
    try {
      setResult(await client.call('payments.import', { name: file.name, content: await file.text() }));
    } catch (e) {
      setRefused({ file: file.name, error: e });
    } finally {
      setBusy(false);
      resetInput.current?.();
      // Settled requests move on: queues, cases and every finance list change.
      await queryClient.invalidateQueries();
    }
  }
  const statusLabel = (s: string) => (TERMS.statuses as Record<string, { ar: string; en: string }>)[s]?.[lang] ?? s;

  return (
    <Stack maw={1000}>
      <FileDropZone
        label={t('finImportDrop')}
        help={t('finImportHelp')}
        chooseLabel={t('finImportChoose')}
        accept=".csv,text/csv"
        busy={busy}
        resetRef={resetInput}
        onFiles={(files) => void importFile(files[0])}
      />

      {refused && (
        <Alert color="red" title={t('finImportRefused')}>
          {/* The message names the file, the line and the column. */}
          <BidiText text={errorText(refused.error, lang)} />
        </Alert>
      )}

      {result && (
        <Paper withBorder p="sm" aria-label={t('finImportResult')}>
          <Stack gap="sm">
            <Group justify="space-between">
              <Text fw={700} dir="ltr">
                {result.fileName}
              </Text>
              <Text size="sm" c="dimmed">
                {countText(lang, 'lines', result.lines)}
              </Text>
            </Group>
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              <Count label={t('finMatched')} value={formatNumber(result.matched)} color="teal" />
              <Count label={t('finUnmatchedCount')} value={formatNumber(result.unmatched)} color={result.unmatched ? 'yellow' : 'gray'} />
              <Count label={t('finDuplicates')} value={formatNumber(result.duplicates)} color="gray" />
              <Count label={t('finSettled')} value={formatNumber(result.settled.length)} color="teal" />
            </SimpleGrid>
            {result.settled.length > 0 && (
              <Outcome title={t('finSettled')}>
                {result.settled.map((s) => (
                  <List.Item key={s.reference}>
                    <RefLink reference={s.reference} />
                    {/* The arrow points the way the line reads. */ `${lang === 'ar' ? ' ← ' : ' → '}${statusLabel(s.status)}`}
                  </List.Item>
                ))}
              </Outcome>
            )}
            {result.partial.length > 0 && (
              <Outcome title={t('finPartial')}>
                {result.partial.map((p) => (
                  <List.Item key={p.reference}>
                    <RefLink reference={p.reference} />
                    {` · ${t('finRemaining')}: ${money.halalas(p.remainingHalalas)}`}
                  </List.Item>
                ))}
              </Outcome>
            )}
            {result.refundCandidates.length > 0 && (
              <Outcome title={t('finRefundCandidates')}>
                {result.refundCandidates.map((r) => (
                  <List.Item key={`${r.reference}-${r.rule}`}>
                    <RefLink reference={r.reference} />
                    {` · ${r.rule === 'RF-DUPLICATE' ? t('origin_duplicate') : t('origin_overpayment')} · ${money.halalas(r.surplusHalalas)}`}
                  </List.Item>
                ))}
              </Outcome>
            )}
          </Stack>
        </Paper>
      )}

      <Title order={3} size="h5">
        {t('finLastImports')}
      </Title>
      {imports.isPending && <Loader role="status" size="sm" aria-label={t('loading')} />}
      {imports.isError && <Alert color="red">{errorText(imports.error, lang)}</Alert>}
      {imports.data?.length === 0 && <Text c="dimmed">{t('finNoImports')}</Text>}
      {imports.data && imports.data.length > 0 && (
        <Table striped aria-label={t('finLastImports')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('finFile')}</Table.Th>
              <Table.Th>{t('finImportedAt')}</Table.Th>
              <Table.Th>{t('finImportedBy')}</Table.Th>
              <Table.Th ta="end">{t('finLinesHeader')}</Table.Th>
              <Table.Th ta="end">{t('finMatched')}</Table.Th>
              <Table.Th ta="end">{t('finUnmatchedCount')}</Table.Th>
              <Table.Th ta="end">{t('finDuplicates')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {imports.data.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  <bdi dir="ltr">{i.fileName}</bdi>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(i.importedAt)}</Table.Td>
                <Table.Td>{i.importedBy ?? t('finByCommandLine')}</Table.Td>
                <Table.Td ta="end">{formatNumber(i.lines)}</Table.Td>
                <Table.Td ta="end">{formatNumber(i.matched)}</Table.Td>
                <Table.Td ta="end">{formatNumber(i.unmatched)}</Table.Td>
                <Table.Td ta="end">{formatNumber(i.duplicates)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function Count({ label, value, color }: { label: string; value: string; color: string }) {
  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Badge size="lg" variant="light" color={color}>
        {value}
      </Badge>
    </Paper>
  );
}

function Outcome({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      <List size="sm">{children}</List>
    </div>
  );
}

/** The import names requests by reference (the awaiting list and queue search find them). */
function RefLink({ reference }: { reference: string }) {
  return <bdi dir="ltr">{reference}</bdi>;
}
