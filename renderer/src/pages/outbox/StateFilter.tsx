import { SegmentedControl } from '@mantine/core';
import { DELIVERY_STATES, type DeliveryState } from '../../../../shared/domain';
import { useLocale } from '../../i18n/locale';
import { stateLabel } from './delivery-states';

const ALL = 'all';

/**
 * The outbox by delivery state, each with how many messages are in it: radio buttons under the
 * hood, so the arrow keys move between them.
 */
export function StateFilter({
  value,
  counts,
  onChange,
}: {
  value: DeliveryState | null;
  counts: Record<DeliveryState, number> | undefined;
  onChange: (state: DeliveryState | null) => void;
}) {
  const { t, formatNumber } = useLocale();
  const total = counts ? DELIVERY_STATES.reduce((sum, s) => sum + counts[s], 0) : undefined;
  const withCount = (label: string, n: number | undefined) => (n === undefined ? label : `${label} (${formatNumber(n)})`);
  return (
    <SegmentedControl
      aria-label={t('deliveryStates')}
      value={value ?? ALL}
      onChange={(v) => onChange(v === ALL ? null : (v as DeliveryState))}
      data={[
        { value: ALL, label: withCount(t('outboxAll'), total) },
        ...DELIVERY_STATES.map((s) => ({ value: s, label: withCount(t(stateLabel(s)), counts?.[s]) })),
      ]}
    />
  );
}
