import { useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { SERVICE_LABELS, TERMS, ruleTitle, type Outcome, type PolicyVersionView, type Service } from '../../../../shared/domain';
import { useSession } from '../../api/session';
import { mayCall } from '../../api/may-call';
import { useLocale } from '../../i18n/locale';
import { fill } from '../../i18n/fill';
import { errorText } from '../../components/errors';
import { useMoney } from '../../components/money';
import { Ltr } from '../../components/BidiText';
import { routeHref } from '../../route';

/**
 * A proposed version before it takes effect: every waiting request whose checks or fee it would change,
 * and its activation by a second admin (the proposer cannot; the server refuses it too) or its withdrawal.
 */
export function PolicyProposal({ proposal }: { proposal: PolicyVersionView }) {
  const { client, user } = useSession();
  const { t, pick, lang, formatNumber, formatDateTime } = useLocale();
  const money = useMoney();
  const queryClient = useQueryClient();
  const isAdmin = mayCall(user?.roles, 'policy.whatIf');
  const whatIf = useQuery({
    queryKey: ['policy.whatIf', proposal.version],
    queryFn: () => client.call('policy.whatIf', { version: proposal.version }),
    enabled: isAdmin,
  });
  const [busy, setBusy] = useState<'activate' | 'withdraw' | null>(null);
  const [message, setMessage] = useState<{ color: string; text: string } | null>(null);
  const mine = proposal.createdBy !== null && proposal.createdBy === user?.displayName;
  const outcome = (o: string) => pick((TERMS.outcomes as Record<string, { ar: string; en: string }>)[o as Outcome] ?? { ar: o, en: o });

  async function act(what: 'activate' | 'withdraw') {
    setBusy(what);
    setMessage(null);
    try {
      await client.call(what === 'activate' ? 'policy.activate' : 'policy.withdraw', { version: proposal.version });
      setMessage({ color: 'teal', text: fill(t(what === 'activate' ? 'pwActivated' : 'pwWithdrawn'), { version: String(proposal.version) }) });
    } catch (e) {
      setMessage({ color: 'red', text: errorText(e, lang) });
    } finally {
      setBusy(null);
      await queryClient.invalidateQueries({ queryKey: ['policy.current'] });
      await queryClient.invalidateQueries({ queryKey: ['policy.history'] });
    }
  }

  return (
    <Paper withBorder p="sm" component="section" aria-label={t('pwProposal')} bg="var(--mantine-color-yellow-0)">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {`${t('pwProposal')} · ${t('polVersion')} ${proposal.version}`}
        </Title>
        <Text size="sm">{fill(t('pwProposedBy'), { by: proposal.createdBy ?? '—', at: formatDateTime(proposal.createdAt) })}</Text>
        <Text size="sm" dir="auto">
          {proposal.note}
        </Text>
        <Text size="sm" c="dimmed">
          {t('pwSecondAdmin')}
        </Text>
        {isAdmin && (
          <>
            <Title order={4} size="h6">
              {t('pwWhatIf')}
            </Title>
            {whatIf.isPending && <Loader role="status" size="sm" aria-label={t('loading')} />}
            {whatIf.isError && <Alert color="red">{errorText(whatIf.error, lang)}</Alert>}
            {whatIf.data && (
              <Text size="sm">
                {fill(t('pwWhatIfSummary'), {
                  waiting: formatNumber(whatIf.data.waiting),
                  inForce: String(whatIf.data.inForce),
                  version: String(whatIf.data.version),
                  changed: formatNumber(whatIf.data.rows.length),
                })}
              </Text>
            )}
            {whatIf.data?.rows.length === 0 && <Text size="sm">{t('pwNoChange')}</Text>}
            {whatIf.data && whatIf.data.rows.length > 0 && (
              <Table.ScrollContainer minWidth={600} mah={360}>
                <Table striped aria-label={t('pwWhatIf')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('pwReference')}</Table.Th>
                      <Table.Th>{t('service')}</Table.Th>
                      <Table.Th>{t('pwChecks')}</Table.Th>
                      <Table.Th>{t('pwFee')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {whatIf.data.rows.map((r) => (
                      <Table.Tr key={r.requestId}>
                        <Table.Td>
                          <a href={routeHref({ page: 'case', id: r.requestId })}>
                            <Ltr>{r.reference}</Ltr>
                          </a>
                        </Table.Td>
                        <Table.Td>{pick(SERVICE_LABELS[r.service as Service] ?? { ar: r.service, en: r.service })}</Table.Td>
                        <Table.Td>
                          {r.checks.map((c) => (
                            <Text key={c.rule} size="sm">
                              {`${pick(ruleTitle(c.rule))}: `}
                              <Badge size="xs" variant="light" color="gray">
                                {outcome(c.from)}
                              </Badge>
                              {lang === 'ar' ? ' ← ' : ' → '}
                              <Badge size="xs" variant="light" color={c.to === 'fail' ? 'red' : c.to === 'pass' ? 'teal' : 'yellow'}>
                                {outcome(c.to)}
                              </Badge>
                            </Text>
                          ))}
                        </Table.Td>
                        <Table.Td>
                          {r.fee ? `${money.halalas(r.fee.from)} ${lang === 'ar' ? '←' : '→'} ${money.halalas(r.fee.to)}` : t('pwFeeSame')}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {mine && <Alert color="yellow">{t('pwYouProposed')}</Alert>}
            <Group>
              <Button onClick={() => void act('activate')} loading={busy === 'activate'} disabled={mine || busy !== null}>
                {fill(t('pwActivate'), { version: String(proposal.version) })}
              </Button>
              <Button variant="default" color="red" onClick={() => void act('withdraw')} loading={busy === 'withdraw'} disabled={busy !== null}>
                {t('pwWithdraw')}
              </Button>
            </Group>
          </>
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
