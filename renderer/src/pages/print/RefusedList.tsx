import { Alert, Stack, Text } from '@mantine/core';
import { useLocale } from '../../i18n/locale';

export type RefusedCard = { id: number; message: string; messageAr?: string };

/** The cards the desk did not confirm, each with its reason in the user's language. */
export function RefusedList({ refused }: { refused: RefusedCard[] }) {
  const { t, lang } = useLocale();
  return (
    <Alert color="red" title={t('notConfirmed')}>
      <Stack gap={4}>
        {refused.map((r) => (
          <Text key={r.id} size="sm">
            {lang === 'ar' && r.messageAr ? r.messageAr : r.message}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
