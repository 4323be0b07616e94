import { useEffect, useState, type ReactNode } from 'react';
import { Anchor, Badge, Group, Image, Loader, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { SERVICE_LABELS, TERMS, type CompareSide, type CompareView } from '../../../../shared/domain';
import { useSession } from '../../api/session';
import { useLocale } from '../../i18n/locale';
import { fill } from '../../i18n/fill';
import { routeHref } from '../../route';
import { PageHeading } from '../../components/PageHeading';
import { QueryStatus } from '../../components/QueryStatus';
import type { MessageKey } from '../../i18n/messages';
import { countryName } from '../../i18n/countries';

/**
 * Two requests of a possible duplicate side by side (#/compare/<a>/<b>): what the duplicate signals compare
 * between them first, then names, IDs, birth dates, photos and files row by row, a file both hold marked.
 */
export function ComparePage({ a, b }: { a: number; b: number }) {
  const { client } = useSession();
  const { t } = useLocale();
  const q = useQuery({ queryKey: ['signals.compare', a, b], queryFn: () => client.call('signals.compare', { a, b }) });
  return (
    <Stack>
      <PageHeading title={t('compareTitle')} help={t('compareHelp')} />
      <QueryStatus query={q} />
      {q.data && <Comparison v={q.data} />}
    </Stack>
  );
}

function Comparison({ v }: { v: CompareView }) {
  const { t, pick, lang, formatDate, formatNumber } = useLocale();
  const [left, right] = v.sides;
  const shared = new Set(v.sharedFiles);
  const kinds = TERMS.attachment_kinds as Record<string, { ar: string; en: string }>;
  const idTypeKey = (s: CompareSide) => `idType_${s.applicant.idType}` as MessageKey;
  const row = (label: string, cell: (s: CompareSide) => ReactNode, differs?: boolean) => (
    <Table.Tr>
      <Table.Th w={170}>{label}</Table.Th>
      {[left, right].map((s) => (
        <Table.Td key={s.requestId} bg={differs ? 'var(--mantine-color-yellow-0)' : undefined}>
          {cell(s)}
        </Table.Td>
      ))}
    </Table.Tr>
  );
  return (
    <Stack>
      <Group gap="xs" aria-label={t('sigEvidence')}>
        <Badge color={v.sameIdNumber ? 'red' : 'gray'} variant="light">
          {v.sameIdNumber ? t('compareSameId') : t('compareOtherId')}
        </Badge>
        <Badge color={v.namesAgree ? 'yellow' : 'gray'} variant="light">
          {v.namesAgree ? t('compareNamesAgree') : t('compareNamesDiffer')}
        </Badge>
        <Badge color="gray" variant="light">
          {v.birthDaysApart === 0 ? t('compareSameBirth') : fill(t('compareBirthApart'), { days: formatNumber(v.birthDaysApart) })}
        </Badge>
        <Badge color={v.sharedFiles.length > 0 ? 'red' : 'gray'} variant="light">
          {fill(t('compareSharedFiles'), { count: formatNumber(v.sharedFiles.length) })}
        </Badge>
        {v.photoDistanceBits !== null && (
          <Badge color={v.photoDistanceBits <= 12 ? 'red' : 'gray'} variant="light">
            {fill(t('comparePhotoDistance'), { bits: formatNumber(v.photoDistanceBits) })}
          </Badge>
        )}
      </Group>
      <Paper withBorder>
        <Table layout="fixed" verticalSpacing="xs">
          <Table.Thead>
            {row(t('reference'), (s) => (
              <Anchor href={routeHref({ page: 'case', id: s.requestId })} fw={700} dir="ltr">
                {s.reference}
              </Anchor>
            ))}
          </Table.Thead>
          <Table.Tbody>
            {row(t('service'), (s) => pick(SERVICE_LABELS[s.service]))}
            {row(t('status'), (s) => pick(TERMS.statuses[s.status]))}
            {row(t('submitted'), (s) => formatDate(s.submittedAt))}
            {row(
              t('nameAr'),
              (s) => (
                <span dir="rtl">{s.applicant.nameAr}</span>
              ),
              left.applicant.nameAr !== right.applicant.nameAr,
            )}
            {row(
              t('nameEn'),
              (s) => (
                <span dir="ltr">{s.applicant.nameEn}</span>
              ),
              left.applicant.nameEn !== right.applicant.nameEn,
            )}
            {row(
              t('idNumber'),
              (s) => (
                <span>
                  {t(idTypeKey(s))} · <span dir="ltr">{s.applicant.idNumber}</span>
                </span>
              ),
              !v.sameIdNumber,
            )}
            {row(t('birthDate'), (s) => formatDate(s.applicant.birthDate), v.birthDaysApart > 0)}
            {row(t('nationality'), (s) => countryName(lang, s.applicant.nationality), left.applicant.nationality !== right.applicant.nationality)}
            {row(pick(kinds.photo ?? { ar: 'الصورة', en: 'Photo' }), (s) => (
              <Photo side={s} />
            ))}
            {row(t('attachments'), (s) => (
              <Stack gap={2}>
                {s.attachments.map((f) => (
                  <Group key={f.id} gap={6} wrap="nowrap">
                    <Text size="sm">
                      {kinds[f.kind]?.[lang] ?? f.kind} · <span dir="ltr">{f.fileName}</span>
                    </Text>
                    {shared.has(f.sha256) && (
                      <Badge color="red" variant="light" size="xs" title={f.sha256}>
                        {t('compareShared')}
                      </Badge>
                    )}
                  </Group>
                ))}
              </Stack>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <SimpleGrid cols={2}>
        {[left, right].map((s) => (
          <Anchor key={s.requestId} href={routeHref({ page: 'case', id: s.requestId })}>
            {t('compareOpenCase')} {s.reference}
          </Anchor>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** The request's photo through a short-lived link of this session (attachments.open, recorded like any open). */
function Photo({ side }: { side: CompareSide }) {
  const { client } = useSession();
  const { t } = useLocale();
  const photo = side.attachments.find((f) => f.kind === 'photo');
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!photo) return;
    let live = true;
    void client.call('attachments.open', { id: photo.id }).then((r) => live && setUrl(r.url));
    return () => {
      live = false;
    };
  }, [client, photo]);
  if (!photo) return <Text c="dimmed">{t('compareNoPhoto')}</Text>;
  return url ? <Image src={url} alt={`${side.reference} ${photo.fileName}`} h={180} w="auto" fit="contain" /> : <Loader size="sm" />;
}
