import { Badge, Group, Paper, Text } from '@mantine/core';
import type { ReferralView } from '../../../../shared/domain';
import { useLocale } from '../../i18n/locale';
import { BidiParts, BidiText } from '../BidiText';
import { useWording, withNames } from './referral-wording';

/** An earlier question on the request, read only: asked, its state, and its answer if one came. */
export function EarlierQuestion({ r }: { r: ReferralView }) {
  const { t, formatDateTime } = useLocale();
  const words = useWording();
  return (
    <Paper withBorder p="xs" data-referral-state={r.state}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="xs" c="dimmed">
          <BidiParts parts={[words.askedBy(r), formatDateTime(r.askedAt)]} />
        </Text>
        <Badge variant="light" color={r.state === 'answered' ? 'teal' : 'gray'} styles={{ label: { color: 'var(--mantine-color-dark-7)' } }}>
          {t(`refState_${r.state}`)}
        </Badge>
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        <BidiText text={r.question} />
      </Text>
      {r.answer !== null && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} mt={4}>
          <Text span size="xs" c="dimmed">
            {withNames(t('refAnsweredBy'), { who: r.answeredBy?.displayName ?? '' })}
            {': '}
          </Text>
          <BidiText text={r.answer} />
        </Text>
      )}
    </Paper>
  );
}
