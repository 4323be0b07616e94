import { useEffect, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Tabs,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  SERVICE_LABELS,
  TERMS,
  actionLabel,
  auditActionLabel,
  professionLabel,
  specialtyLabel,
  type Applicant,
  type CaseDetail,
  type NoteKind,
} from '../../../shared/domain';
import type { MessageKey } from '../i18n/messages';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { StatusBadge } from '../components/StatusBadge';
import { SlaBadge } from '../components/SlaBadge';
import { CaseDocuments } from '../components/CaseDocuments';
import { errorText, type ShownError } from '../components/errors';
import { DecisionBar } from '../components/DecisionBar';
import { ReferralPanel } from '../components/ReferralPanel';
import { ChecksPanel } from '../components/ChecksPanel';
import { SignalsPanel } from '../components/SignalsPanel';
import { AttachmentViewer } from '../components/AttachmentViewer';
import { FinancePanel } from '../components/FinancePanel';
import { CpdAuditPanel } from '../components/CpdAuditPanel';
import { ApplicantHistoryPanel } from '../components/ApplicantHistoryPanel';
import { routeHref, type CaseTab } from '../route';
import { lastQueue } from '../components/flow/queue-memory';
import { fill } from '../i18n/fill';

/** The services whose CPD hours are counted (and audited). */
const CPD_SERVICES: readonly string[] = ['RENEWAL', 'REREGISTRATION'];
import { BidiParts, BidiText, Labelled, Ltr } from '../components/BidiText';
import { countryName } from '../i18n/countries';
import { historyReasonText } from '../../../shared/domain';
import { countText } from '../i18n/counts';
import { CpdSection } from '../components/CpdSection';

const ID_TYPE_LABELS: Record<Applicant['idType'], MessageKey> = {
  national_id: 'idType_national_id',
  iqama: 'idType_iqama',
  passport: 'idType_passport',
};

function ApplicantTable({ c }: { c: CaseDetail }) {
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

function Notes({ c, canWrite }: { c: CaseDetail; canWrite: boolean }) {
  const { client } = useSession();
  const { t, pick, lang, formatDateTime } = useLocale();
  const queryClient = useQueryClient();
  // Internal by default: a note reaches the applicant only when its writer chooses so (#17).
  const [kind, setKind] = useState<NoteKind>('internal');
  const [text, setText] = useState('');
  const [error, setError] = useState<ShownError>(null);
  async function save() {
    setError(null);
    try {
      const updated = await client.call('cases.addNote', { id: c.id, kind, text });
      queryClient.setQueryData(['cases.get', c.id], updated);
      setText('');
    } catch (e) {
      setError(e);
    }
  }
  return (
    <Stack gap="xs">
      {c.notes.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('noNotes')}
        </Text>
      )}
      {c.notes.map((n) => (
        <Paper
          key={n.id}
          withBorder
          p="xs"
          bg={c.resubmission?.newNoteIds.includes(n.id) ? 'yellow.1' : n.kind === 'internal' ? 'gray.0' : undefined}
        >
          <Group justify="space-between" gap="xs">
            <Badge variant="light" color={n.kind === 'internal' ? 'gray' : 'orange'} styles={{ label: { color: 'var(--mantine-color-dark-7)' } }}>
              {n.kind === 'from_applicant' ? t('applicantNote') : pick(TERMS.note_kinds[n.kind])}
            </Badge>
            <Text size="xs" c="dimmed">
              <BidiParts parts={[n.author ?? t('applicantNote'), formatDateTime(n.at)]} />
            </Text>
          </Group>
          {/* Plain text only: notes are never rendered as HTML. */}
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <BidiText text={n.text} />
          </Text>
        </Paper>
      ))}
      {canWrite && (
        <Stack gap={4}>
          <SegmentedControl
            size="xs"
            value={kind}
            onChange={(v) => setKind(v as NoteKind)}
            aria-label={t('noteKind')}
            // To the applicant only where the desk allows it (its holder, in review: c.actions).
            data={[
              { value: 'internal', label: pick(TERMS.note_kinds.internal) },
              ...(c.actions.includes('note_to_applicant') ? [{ value: 'to_applicant', label: pick(TERMS.note_kinds.to_applicant) }] : []),
            ]}
          />
          <Textarea aria-label={t('noteText')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
          {error !== null && <Alert color="red">{errorText(error, lang)}</Alert>}
          <Button size="xs" disabled={!text.trim()} onClick={() => void save()} style={{ alignSelf: 'flex-start' }}>
            {pick(TERMS.actions.add_note)}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}

function History({ c }: { c: CaseDetail }) {
  const { t, pick, lang, formatDateTime } = useLocale();
  const transitions = new Set(c.history.map((h) => `request.${h.action}`));
  // Transitions and the other audit entries (notes, imports…) in one timeline, oldest first.
  const items = [
    ...c.history.map((h) => ({
      key: `h${h.id}`,
      at: h.at,
      title: pick(TERMS.statuses[h.toStatus]),
      parts: [h.actor ?? t('applicantNote'), pick(actionLabel(h.action))],
      reason: historyReasonText(h, lang),
    })),
    ...c.audit
      .filter((a) => !transitions.has(a.action))
      .map((a) => ({
        key: `a${a.seq}`,
        at: a.at,
        title: pick(auditActionLabel(a.action)),
        parts: [a.actor ?? t('applicantNote'), `#${a.seq}`],
        reason: null,
      })),
  ].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
  return (
    <Timeline bulletSize={14} lineWidth={2} active={items.length} aria-label={t('history')}>
      {items.map((h) => (
        <Timeline.Item key={h.key} title={h.title}>
          <Text size="xs" c="dimmed">
            <BidiParts parts={[formatDateTime(h.at), ...h.parts]} />
          </Text>
          {h.reason && (
            <Text size="xs">
              <BidiText text={h.reason} />
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/** One request: header with its actions, the applicant's data, notes, attachments, history. */
export function CasePage({ id, tab: openOn }: { id: number; tab?: CaseTab }) {
  const { client } = useSession();
  const { t, pick, lang, formatDate, formatNumber } = useLocale();
  const q = useQuery({ queryKey: ['cases.get', id], queryFn: () => client.call('cases.get', { id }) });
  const [tab, setTab] = useState<string>(openOn ?? 'checks');
  // A finance list links straight to the payments tab (#/case/N/payments).
  useEffect(() => {
    if (openOn) setTab(openOn);
  }, [id, openOn]);
  const [attachmentId, setAttachmentId] = useState<number | null>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.ctrlKey || e.metaKey || e.altKey) return;
      const list = q.data?.attachments ?? [];
      if ((e.key === 'a' || e.key === 'p') && list.length) {
        const i = Math.max(
          0,
          list.findIndex((x) => x.id === (attachmentId ?? list[0]!.id)),
        );
        setAttachmentId(list[(i + (e.key === 'a' ? 1 : -1) + list.length) % list.length]!.id);
      } else if (['1', '2', '3', '4', '5', '6', '7'].includes(e.key))
        setTab(['checks', 'data', 'notes', 'history', 'payments', 'cpd', 'applicant'][Number(e.key) - 1]!);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [q.data, attachmentId]);
  if (q.isPending) return <Loader role="status" aria-label={t('loading')} />;
  if (q.isError) return <Alert color="red">{errorText(q.error, lang)}</Alert>;
  const c = q.data;
  const failed = c.checks.filter((x) => x.outcome === 'fail').length;
  return (
    <Stack>
      {/* As wide as its words (a click beside it stays on the case); back to the queue the user came from, its row still selected. */}
      <Anchor
        href={routeHref({ page: 'queue', queue: lastQueue() })}
        size="sm"
        style={{ alignSelf: 'flex-start' }}
        title={fill(t('backTo'), { queue: pick(TERMS.queues[lastQueue()]) })}
        data-testid="back-to-queue"
      >
        {t('back')}
      </Anchor>
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Group gap="sm">
              <Title order={2} size="h3" dir="ltr">
                {c.reference}
              </Title>
              <StatusBadge status={c.status} />
              <SlaBadge sla={c.sla} size="md" />
              <CaseDocuments c={c} />
            </Group>
            <Text fw={700} dir="auto">
              {lang === 'ar' ? c.applicant.nameAr : c.applicant.nameEn}
            </Text>
            <Text size="sm">{pick(SERVICE_LABELS[c.service])}</Text>
            <Text size="sm" c="dimmed">
              <BidiParts
                parts={[
                  <Labelled key="s" label={t('submitted')} value={formatDate(c.submittedAt)} />,
                  <Labelled key="a" label={t('ageShort')} value={countText(lang, 'workingDays', c.ageDays)} />,
                  <Labelled key="u" label={t('assignee')} value={c.assignee?.displayName ?? t('unassigned')} />,
                  c.returnDueAt && <Labelled key="r" label={t('returnDue')} value={formatDate(c.returnDueAt)} />,
                ]}
              />
            </Text>
          </Stack>
          <DecisionBar c={c} />
        </Group>
      </Paper>
      <ReferralPanel c={c} />
      {c.resubmission && (
        <Alert color="yellow" p="xs">
          {t('resubmittedBanner')}
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Tabs value={tab} onChange={(v) => v && setTab(v)} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab
                value="checks"
                rightSection={
                  failed > 0 ? (
                    <Badge color="red" size="xs" variant="filled">
                      {formatNumber(failed)}
                    </Badge>
                  ) : null
                }
              >
                {t('checks')}
              </Tabs.Tab>
              <Tabs.Tab value="data">{t('data')}</Tabs.Tab>
              <Tabs.Tab
                value="notes"
                rightSection={
                  c.notes.length ? (
                    <Badge size="xs" variant="light">
                      {formatNumber(c.notes.length)}
                    </Badge>
                  ) : null
                }
              >
                {t('notes')}
              </Tabs.Tab>
              <Tabs.Tab value="history">{t('history')}</Tabs.Tab>
              <Tabs.Tab value="payments">{t('payments')}</Tabs.Tab>
              {CPD_SERVICES.includes(c.service) && <Tabs.Tab value="cpd">{t('cpdTab')}</Tabs.Tab>}
              <Tabs.Tab value="applicant">{t('applicantTab')}</Tabs.Tab>
            </Tabs.List>
            <Paper withBorder p="md" mt="xs">
              <Tabs.Panel value="checks">
                <ChecksPanel c={c} onOpenAttachment={(aid) => setAttachmentId(aid)} />
                {!c.withheld?.includes('application') && <SignalsPanel requestId={c.id} onOpenAttachment={(aid) => setAttachmentId(aid)} />}
              </Tabs.Panel>
              <Tabs.Panel value="data">
                <ApplicantTable c={c} />
              </Tabs.Panel>
              <Tabs.Panel value="notes">
                <Notes c={c} canWrite={c.actions.includes('note_internal')} />
              </Tabs.Panel>
              <Tabs.Panel value="history">
                <History c={c} />
              </Tabs.Panel>
              <Tabs.Panel value="payments">
                <FinancePanel requestId={c.id} attachments={c.attachments} />
              </Tabs.Panel>
              <Tabs.Panel value="cpd">
                <CpdAuditPanel requestId={c.id} caseVersion={c.version} />
              </Tabs.Panel>
              <Tabs.Panel value="applicant">
                <ApplicantHistoryPanel requestId={c.id} />
              </Tabs.Panel>
            </Paper>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <AttachmentViewer
            newIds={c.resubmission?.newAttachmentIds ?? []}
            attachments={c.attachments}
            selectedId={attachmentId ?? c.attachments[0]?.id ?? null}
            onSelect={setAttachmentId}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
