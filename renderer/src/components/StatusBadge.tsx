import { Badge } from '@mantine/core';
import { TERMS, type Status } from '../../../shared/domain';
import { useLocale } from '../i18n/locale';

const COLOR: Record<Status, string> = {
  submitted: 'blue',
  in_review: 'indigo',
  returned: 'orange',
  resubmitted: 'cyan',
  awaiting_second_signature: 'grape',
  approved: 'teal',
  awaiting_payment: 'yellow',
  ready_to_print: 'lime',
  printed: 'green',
  delivered: 'green',
  document_issued: 'green',
  answered: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};

export function StatusBadge({ status }: { status: Status }) {
  const { pick } = useLocale();
  // Dark text on a light badge keeps AA contrast in both languages.
  return (
    <Badge
      color={COLOR[status]}
      variant="light"
      styles={{ root: { maxWidth: 'none', flexShrink: 0 }, label: { color: 'var(--mantine-color-dark-7)', overflow: 'visible' } }}
    >
      {pick(TERMS.statuses[status])}
    </Badge>
  );
}
