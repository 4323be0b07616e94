import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSession } from '../../api/session';
import { mayCall } from '../../api/may-call';
import { useLocale } from '../../i18n/locale';
import { fill } from '../../i18n/fill';
import { errorText } from '../../components/errors';
import { BidiParts, Ltr } from '../../components/BidiText';

const thisMonth = () => new Date().toISOString().slice(0, 7);

/** The samples drawn (period, seed, population, drawn, flagged) and, for approvers and admins, the draw of a period. */
export function SamplesPanel() {
  const { client, user } = useSession();
  const { t, lang, formatNumber, formatDateTime, formatDateParts } = useLocale();
  const queryClient = useQueryClient();
  const samples = useQuery({ queryKey: ['cpdAudit.samples'], queryFn: () => client.call('cpdAudit.samples', {}) });
  const mayDraw = mayCall(user?.roles, 'cpdAudit.draw');
  const [month, setMonth] = useState(thisMonth);
  const [seed, setSeed] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ color: string; text: string } | null>(null);

  async function draw() {
    setBusy(true);
    setMessage(null);
    try {
      const s = await client.call('cpdAudit.draw', { month: month.trim(), ...(seed.trim() ? { seed: seed.trim() } : {}) });
      setMessage({
        color: 'teal',
        text: fill(t('cpdDrawn'), { sampled: formatNumber(s.sampled), population: formatNumber(s.population), triggered: formatNumber(s.triggered) }),
      });
      setSeed('');
    } catch (e) {
      setMessage({ color: 'red', text: errorText(e, lang) });
    } finally {
      setBusy(false);
      await queryClient.invalidateQueries({ queryKey: ['cpdAudit.samples'] });
      await queryClient.invalidateQueries({ queryKey: ['cpdAudit.queue'] });
    }
  }

  return (
    <Paper withBorder p="sm" component="section" aria-label={t('cpdSamples')}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('cpdSamples')}
        </Title>
        {samples.isError && <Alert color="red">{errorText(samples.error, lang)}</Alert>}
        {samples.data?.length === 0 && <Text c="dimmed">{t('cpdNoSamples')}</Text>}
        {samples.data && samples.data.length > 0 && (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cpdPeriod')}</Table.Th>
                <Table.Th>{t('cpdSeed')}</Table.Th>
                <Table.Th>{t('cpdPopulation')}</Table.Th>
                <Table.Th>{t('cpdSampledCount')}</Table.Th>
                <Table.Th>{t('cpdTriggeredCount')}</Table.Th>
                <Table.Th>{t('cpdDrawnBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {samples.data.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    {t('dayRange')
                      .replace('{from}', formatDateParts(s.periodStart).gregorian)
                      .replace('{to}', formatDateParts(s.periodEnd).gregorian)}
                  </Table.Td>
                  <Table.Td>
                    <Ltr>
                      {/* The draw's seed: typed again, it draws the same sample (a value to copy, not wording). */}
                      <Text component="code" ff="monospace" size="sm">
                        {s.seed}
                      </Text>
                    </Ltr>
                  </Table.Td>
                  <Table.Td>{formatNumber(s.population)}</Table.Td>
                  <Table.Td>{`${formatNumber(s.sampled)} (${formatNumber(s.percent)}${t('unitPercent')})`}</Table.Td>
                  <Table.Td>{formatNumber(s.triggered)}</Table.Td>
                  <Table.Td>
                    <BidiParts parts={[s.drawnBy ?? '—', formatDateTime(s.drawnAt)]} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {mayDraw && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void draw();
            }}
          >
            <Group align="end">
              <TextInput
                label={t('cpdMonth')}
                value={month}
                onChange={(e) => setMonth(e.currentTarget.value)}
                placeholder="YYYY-MM"
                dir="ltr"
                w={140}
              />
              <TextInput
                label={t('cpdSeed')}
                description={t('cpdSeedHelp')}
                value={seed}
                onChange={(e) => setSeed(e.currentTarget.value)}
                dir="ltr"
                w={360}
              />
              <Button type="submit" loading={busy} disabled={!/^\d{4}-\d{2}$/.test(month.trim())}>
                {t('cpdDraw')}
              </Button>
            </Group>
          </form>
        )}
        {message && (
          <Alert color={message.color} role="status">
            {message.text}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
