import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { TERMS, professionLabel, specialtyLabel, type Applicant, type CaseDetail } from '../../../../shared/domain';
import type { MessageKey } from '../../i18n/messages';
import { useLocale } from '../../i18n/locale';
import { countryName } from '../../i18n/countries';
import { BidiParts, Labelled, Ltr } from '../../components/BidiText';
import { CpdSection } from '../../components/CpdSection';

const ID_TYPE_LABELS: Record<Applicant['idType'], MessageKey> = {
  national_id: 'idType_national_id',
  iqama: 'idType_iqama',
  passport: 'idType_passport',
};

/** The applicant's data as sent (beside the register's record, for a change of data), the CPD section, the questionnaire and experiences. */
export function ApplicantTable({ c }: { c: CaseDetail }) {
  const { t, pick, lang, formatDate, formatDateParts } = useLocale();
  const day = (iso: string) => formatDateParts(iso).gregorian;
  const categories = TERMS.categories as Record<string, { ar: string; en: string }>;
  const employerTypes = TERMS.employer_types as Record<string, { ar: string; en: string }>;
  const changed = new Set(c.resubmission?.changedFields ?? []);
  const show = (a: Applicant, field: keyof Applicant): React.ReactNode => {
    switch (field) {
      case 'nameAr':
        return (
          <span dir="rtl" lang="ar">
            {a.nameAr}
          </span>
        );
      case 'nameEn':
        return (
          <span dir="ltr" lang="en">
            {a.nameEn}
          </span>
        );
      case 'idNumber':
        // The number and its expiry read left to right; the kind of ID is a word of the page's language.
        return (
          <>
            <Ltr>{a.idNumber}</Ltr>
            {` (${t(ID_TYPE_LABELS[a.idType] ?? 'idType_national_id')})`}
            {a.idExpiry && (
              <>
                {' · '}
                <Labelled label={t('expires')} value={formatDate(a.idExpiry)} />
              </>
            )}
          </>
        );
      case 'birthDate':
        return formatDate(a.birthDate);
      case 'email':
      case 'mobile':
        // Withheld from this user's roles by the desk itself (electron/core/auth/visibility.ts).
        if (c.withheld?.includes('contact'))
          return (
            <Text span c="dimmed" size="sm">
              {t('withheldForRole')}
            </Text>
          );
        return <Ltr>{a[field]}</Ltr>;
      case 'registrationNumber':
        return <Ltr>{a.registrationNumber ?? '—'}</Ltr>;
      case 'nationality':
        return countryName(lang, a.nationality);
      case 'profession':
        return `${pick(professionLabel(a.profession))} — ${pick(specialtyLabel(a.specialty))}`;
      case 'category':
        return categories[a.category]?.[lang] ?? a.category;
      case 'card':
        return a.card ? <BidiParts parts={[a.card.number, `${formatDate(a.card.issuedAt)} – ${formatDate(a.card.expiresAt)}`]} /> : '—';
      default:
        return String(a[field] ?? '—');
    }
  };
  const fields: Array<[MessageKey, keyof Applicant]> = [
    ['nameAr', 'nameAr'],
    ['nameEn', 'nameEn'],
    ['idNumber', 'idNumber'],
    ['nationality', 'nationality'],
    ['birthDate', 'birthDate'],
    ['email', 'email'],
    ['mobile', 'mobile'],
    ['registrationNumber', 'registrationNumber'],
    ['profession', 'profession'],
    ['category', 'category'],
    ['card', 'card'],
  ];
  const record = c.record;
  return (
    <Stack>
      <Table withRowBorders={false} aria-label={t('applicantData')}>
        {record && (
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>{t('currentRecord')}</Table.Th>
              <Table.Th>{t('requestedValue')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
        )}
        <Table.Tbody>
          {fields.map(([label, field]) => {
            const differs = record ? JSON.stringify(record[field]) !== JSON.stringify(c.applicant[field]) : changed.has(field);
            return (
              <Table.Tr key={field} bg={differs ? 'yellow.1' : undefined} data-changed={differs || undefined}>
                <Table.Th w={170}>
                  {t(label)}
                  {differs && !record && (
                    <Badge ms={6} size="xs" color="yellow" variant="filled" styles={{ label: { color: 'var(--mantine-color-dark-7)' } }}>
                      {t('changed')}
                    </Badge>
                  )}
                </Table.Th>
                {record && <Table.Td>{show(record, field)}</Table.Td>}
                <Table.Td>{show(c.applicant, field)}</Table.Td>
              </Table.Tr>
            );
          })}
          <Table.Tr>
            <Table.Th>{t('employer')}</Table.Th>
            {record && <Table.Td />}
            <Table.Td>
              <BidiParts parts={[(c.employer.type && employerTypes[c.employer.type]?.[lang]) || '—', c.employer.facility ?? '—']} />
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <CpdSection cpd={c.cpd} />
      <Title order={4} size="h6">
        {t('questionnaire')}
      </Title>
      <Table aria-label={t('questionnaire')}>
        <Table.Tbody>
          {c.questionnaire.map((q) => {
            const text = TERMS.questionnaire.find((x) => x.id === q.id);
            return (
              <Table.Tr key={q.id} bg={q.answer !== false ? 'yellow.1' : undefined}>
                <Table.Td>{text ? text[lang] : q.id}</Table.Td>
                <Table.Td w={90} fw={700}>
                  {q.answer === null ? t('unanswered') : q.answer ? t('yes') : t('no')}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Title order={4} size="h6">
        {t('experiences')}
      </Title>
      <Table aria-label={t('experiences')}>
        <Table.Tbody>
          {c.experiences.map((e, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                <BidiParts parts={[pick(specialtyLabel(e.position)), e.employer, countryName(lang, e.country)]} />
              </Table.Td>
              <Table.Td>
                {t('dayRange')
                  .replace('{from}', day(e.from))
                  .replace('{to}', e.to ? day(e.to) : t('experienceOngoing'))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
