import type { ReactNode } from 'react';
import type { ReferralView } from '../../../../shared/domain';
import { useSession } from '../../api/session';
import { useLocale } from '../../i18n/locale';

/**
 * A message with names in its {places}, each name isolated (<bdi>) so an Arabic name in an English
 * sentence, or the reverse, keeps the sentence's order.
 */
export function withNames(template: string, names: Record<string, ReactNode>): ReactNode {
  return template.split(/\{(\w+)\}/).map((part, i) => (i % 2 === 1 ? <bdi key={i}>{names[part] ?? part}</bdi> : part));
}

/** "From X to Y" and "waiting for Y": the addressee by name, any approver, or the reader. */
export function useWording() {
  const { user } = useSession();
  const { t } = useLocale();
  const toReader = (r: ReferralView) => r.addressee?.id === user?.id;
  return {
    askedBy: (r: ReferralView) =>
      withNames(t('refAskedBy'), {
        asker: r.askedBy.displayName,
        whom:
          r.addressee === null ? t('refToAnyApprover') : toReader(r) ? t('refToYou') : withNames(t('refToName'), { name: r.addressee.displayName }),
      }),
    waitingFor: (r: ReferralView) =>
      toReader(r)
        ? t('refWaitingForYou')
        : withNames(t('refWaitingFor'), { whom: r.addressee === null ? t('refAnyApproverLower') : r.addressee.displayName }),
  };
}
