import { Group, Text, Title } from '@mantine/core';
import { TERMS } from '../../../shared/domain';
import { useLocale } from '../i18n/locale';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * The signed-out screens' heading (sign-in, first run, choosing a new password): the desk's name
 * with the language switch beside it on one row in both languages; the title wraps, never the switch.
 */
export function SignInHeader() {
  const { t, pick } = useLocale();
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
      <div style={{ flex: 1, minWidth: 0 }}>
        <Title order={1} size="h3">
          {t('appName')}
        </Title>
        <Text size="sm" c="dimmed">
          {pick(TERMS.commission)}
        </Text>
      </div>
      <LanguageSwitch />
    </Group>
  );
}
