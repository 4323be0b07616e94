import { Badge, Paper, Tabs } from '@mantine/core';
import type { CaseDetail } from '../../../../shared/domain';
import { useLocale } from '../../i18n/locale';
import { ChecksPanel } from '../../components/ChecksPanel';
import { SignalsPanel } from '../../components/SignalsPanel';
import { FinancePanel } from '../../components/FinancePanel';
import { CpdAuditPanel } from '../../components/CpdAuditPanel';
import { ApplicantHistoryPanel } from '../../components/ApplicantHistoryPanel';
import { ApplicantTable } from './ApplicantTable';
import { CaseNotes } from './CaseNotes';
import { CaseHistory } from './CaseHistory';
import type { CasePageTab } from './useCaseKeys';

/** The services whose CPD hours are counted (and audited). */
const CPD_SERVICES: readonly string[] = ['RENEWAL', 'REREGISTRATION'];

/** The request's tabs: checks and signals, its data, notes, history, payments, CPD audit, the applicant's other requests. */
export function CaseTabs({
  c,
  tab,
  onTab,
  onOpenAttachment,
}: {
  c: CaseDetail;
  tab: CasePageTab;
  onTab(tab: CasePageTab): void;
  onOpenAttachment(id: number): void;
}) {
  const { t, formatNumber } = useLocale();
  const failed = c.checks.filter((x) => x.outcome === 'fail').length;
  return (
    <Tabs value={tab} onChange={(v) => v && onTab(v as CasePageTab)} keepMounted={false}>
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
          <ChecksPanel c={c} onOpenAttachment={onOpenAttachment} />
          {!c.withheld?.includes('application') && <SignalsPanel requestId={c.id} onOpenAttachment={onOpenAttachment} />}
        </Tabs.Panel>
        <Tabs.Panel value="data">
          <ApplicantTable c={c} />
        </Tabs.Panel>
        <Tabs.Panel value="notes">
          <CaseNotes c={c} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <CaseHistory c={c} />
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
  );
}
