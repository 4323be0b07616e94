import { Stack, Tabs, Title } from '@mantine/core';
import { useLocale } from '../i18n/locale';
import { FINANCE_TABS, navigate, type FinanceTab } from '../route';
import type { MessageKey } from '../i18n/messages';
import { AwaitingPaymentTab } from './finance/AwaitingPaymentTab';
import { PaymentImportTab } from './finance/PaymentImportTab';
import { UnmatchedPaymentsTab } from './finance/UnmatchedPaymentsTab';
import { ManualPaymentsTab } from './finance/ManualPaymentsTab';
import { RefundsTab } from './finance/RefundsTab';
import { ReconciliationTab } from './finance/ReconciliationTab';

export const FINANCE_TAB_LABELS: Record<FinanceTab, MessageKey> = {
  awaiting: 'finAwaiting',
  import: 'finImport',
  unmatched: 'finUnmatched',
  manual: 'finManual',
  refunds: 'finRefunds',
  reconciliation: 'finReconciliation',
};

/** The finance officer's area: each list on its own tab and address (arrow keys move between tabs). */
export function FinancePage({ tab }: { tab: FinanceTab }) {
  const { t } = useLocale();
  return (
    <Stack>
      <Title order={2} size="h3">
        {`${t('finance')} · ${t(FINANCE_TAB_LABELS[tab])}`}
      </Title>
      <Tabs value={tab} onChange={(v) => v && navigate({ page: 'finance', tab: v as FinanceTab })} keepMounted={false}>
        <Tabs.List>
          {FINANCE_TABS.map((x) => (
            <Tabs.Tab key={x} value={x}>
              {t(FINANCE_TAB_LABELS[x])}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="awaiting" pt="md">
          <AwaitingPaymentTab />
        </Tabs.Panel>
        <Tabs.Panel value="import" pt="md">
          <PaymentImportTab />
        </Tabs.Panel>
        <Tabs.Panel value="unmatched" pt="md">
          <UnmatchedPaymentsTab />
        </Tabs.Panel>
        <Tabs.Panel value="manual" pt="md">
          <ManualPaymentsTab />
        </Tabs.Panel>
        <Tabs.Panel value="refunds" pt="md">
          <RefundsTab />
        </Tabs.Panel>
        <Tabs.Panel value="reconciliation" pt="md">
          <ReconciliationTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
