import { Badge } from '@mantine/core';
import type { ReferralMark } from '../../../shared/domain';
import { useLocale } from '../i18n/locale';

/** A queue row's question mark (referrals): "question open" while it waits, "answered" once the colleague has answered. */
export function ReferralMarkBadge({ mark }: { mark: ReferralMark | undefined }) {
  const { t } = useLocale();
  if (!mark) return null;
  // On its own line under the status, so a narrow status column keeps its width.
  return (
    <div>
      <Badge
        mt={4}
        size="sm"
        variant={mark === 'answered' ? 'filled' : 'light'}
        color={mark === 'answered' ? 'teal.9' : 'blue'}
        data-referral-mark={mark}
        styles={{ root: { maxWidth: 'none', flexShrink: 0 }, label: mark === 'answered' ? {} : { color: 'var(--mantine-color-dark-7)' } }}
      >
        {t(`refMark_${mark}`)}
      </Badge>
    </div>
  );
}
