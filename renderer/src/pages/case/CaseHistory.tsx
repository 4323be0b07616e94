import { Text, Timeline } from '@mantine/core';
import { TERMS, actionLabel, auditActionLabel, historyReasonText, type CaseDetail } from '../../../../shared/domain';
import { useLocale } from '../../i18n/locale';
import { BidiParts, BidiText } from '../../components/BidiText';

/** The request's transitions and its other audit entries (notes, imports…) in one timeline. */
export function CaseHistory({ c }: { c: CaseDetail }) {
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
