import { useState } from 'react';
import { Badge, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { SERVICE_LABELS } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { navigate } from '../route';
import { PageHeading } from '../components/PageHeading';
import { QueryStatus } from '../components/QueryStatus';
import { BidiText, Ltr } from '../components/BidiText';
import { useShortcuts } from '../shell/useShortcuts';

/**
 * "Questions for me" (referrals, issue #17): the requests colleagues asked this user about, or asked any
 * approver about when the user is one; oldest first. Keys: j/k or arrows to move, Enter to open the case,
 * where the answer box is.
 */
export function QuestionsPage() {
  const { client } = useSession();
  const { t, pick, lang, formatDateTime } = useLocale();
  const q = useQuery({ queryKey: ['referrals.forMe'], queryFn: () => client.call('referrals.forMe', {}) });
  const rows = q.data ?? [];
  const [cursor, setCursor] = useState(0);
  const any = rows.length > 0;
  const down = any && (() => setCursor((i) => Math.min(rows.length - 1, i + 1)));
  const up = any && (() => setCursor((i) => Math.max(0, i - 1)));
  useShortcuts({
    j: down,
    ArrowDown: down,
    k: up,
    ArrowUp: up,
    Enter: any && (() => navigate({ page: 'case', id: rows[Math.min(cursor, rows.length - 1)]!.requestId })),
  });

  return (
    <Stack>
      <PageHeading title={t('refQuestionsForMe')} help={t('refQuestionsHelp')} />
      <QueryStatus query={q} />
      {q.isSuccess && rows.length === 0 && <Text c="dimmed">{t('refNoQuestions')}</Text>}
      {rows.length > 0 && (
        <Table highlightOnHover aria-label={t('refQuestionsForMe')} aria-rowcount={rows.length + 1}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reference')}</Table.Th>
              <Table.Th>{t('applicant')}</Table.Th>
              <Table.Th>{t('refQuestion')}</Table.Th>
              <Table.Th>{t('refAsker')}</Table.Th>
              <Table.Th>{t('refAskedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr
                key={r.referralId}
                onClick={() => navigate({ page: 'case', id: r.requestId })}
                aria-selected={i === cursor}
                style={{ cursor: 'pointer', outline: i === cursor ? '2px solid var(--mantine-color-teal-6)' : undefined }}
              >
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Ltr>
                    <a href={`#/case/${r.requestId}`}>{r.reference}</a>
                  </Ltr>
                  <Text size="xs" c="dimmed">
                    {pick(SERVICE_LABELS[r.service])}
                  </Text>
                </Table.Td>
                <Table.Td miw={160}>
                  <bdi dir="auto">{lang === 'ar' ? r.nameAr : r.nameEn}</bdi>
                </Table.Td>
                <Table.Td maw={420}>
                  <Text size="sm" lineClamp={2} dir="auto">
                    <BidiText text={r.question} />
                  </Text>
                  {r.toAnyApprover && (
                    <Badge size="xs" variant="light" styles={{ label: { color: 'var(--mantine-color-dark-7)' } }}>
                      {t('refAnyApprover')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <bdi dir="auto">{r.askedBy.displayName}</bdi>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.askedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
