import { Badge } from '@mantine/core';
import type { DeliveryState } from '../../../../shared/domain';
import { useLocale } from '../../i18n/locale';
import { STATE_COLOR, stateLabel } from './delivery-states';

/** A message's delivery state: its colour and its words (dark text on the light badge keeps AA contrast). */
export function DeliveryStateBadge({ state }: { state: DeliveryState }) {
  const { t } = useLocale();
  return (
    <Badge
      color={STATE_COLOR[state]}
      variant="light"
      data-state={state}
      styles={{ root: { maxWidth: 'none', flexShrink: 0 }, label: { color: 'var(--mantine-color-dark-7)', overflow: 'visible' } }}
    >
      {t(stateLabel(state))}
    </Badge>
  );
}
