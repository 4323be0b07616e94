import { Badge, Tooltip } from '@mantine/core';
import type { SlaStanding } from '../../../shared/domain';
import { useLocale } from '../i18n/locale';
import { countText } from '../i18n/counts';
import { fill } from '../i18n/fill';

/** Where a request stands against its due day, as text and colour (never colour alone). */
export function slaText(sla: SlaStanding, lang: 'ar' | 'en', t: (k: 'slaPaused' | 'slaDueToday' | 'slaOverdue' | 'slaDueIn') => string): string {
  if (sla.state === 'paused') return t('slaPaused');
  if (sla.daysLeft === 0) return t('slaDueToday');
  return sla.daysLeft < 0
    ? fill(t('slaOverdue'), { n: countText(lang, 'workingDays', -sla.daysLeft) })
    : fill(t('slaDueIn'), { n: countText(lang, 'workingDays', sla.daysLeft) });
}

const colorOf = (sla: SlaStanding) =>
  sla.state === 'paused' ? 'gray' : sla.daysLeft < 0 ? 'red' : sla.daysLeft === 0 ? 'orange' : sla.daysLeft <= 2 ? 'yellow' : 'green';

/**
 * The SLA standing of a request (queue rows, the case header); nothing once it is decided. The due day shows on
 * hover: in a tooltip, or with `plainTitle` as the badge's own title (a queue draws dozens of rows at every jump
 * of its scroll bar, and a tooltip each was a large part of drawing them).
 */
export function SlaBadge({
  sla,
  size = 'sm',
  plainTitle = false,
}: {
  sla: SlaStanding | null | undefined;
  size?: 'sm' | 'md';
  plainTitle?: boolean;
}) {
  const { t, lang, formatDate } = useLocale();
  if (!sla) return null;
  const overdue = sla.state === 'running' && sla.daysLeft < 0;
  const dueOn = sla.state === 'running' ? fill(t('slaDueOn'), { date: formatDate(sla.dueOn) }) : undefined;
  const badge = (
    <Badge
      color={colorOf(sla)}
      variant={overdue ? 'filled' : 'light'}
      size={size}
      data-testid="sla-badge"
      title={plainTitle ? dueOn : undefined}
      data-sla={sla.state === 'paused' ? 'paused' : overdue ? 'overdue' : sla.daysLeft === 0 ? 'today' : 'due'}
      styles={{
        root: { maxWidth: 'none', flexShrink: 0 },
        label: { overflow: 'visible', ...(overdue ? {} : { color: 'var(--mantine-color-dark-7)' }) },
      }}
    >
      {slaText(sla, lang, t)}
    </Badge>
  );
  return dueOn !== undefined && !plainTitle ? (
    <Tooltip label={dueOn} withArrow>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}
