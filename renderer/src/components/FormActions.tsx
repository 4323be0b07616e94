import { Alert, Button, Group } from '@mantine/core';
import { useLocale } from '../i18n/locale';
import { errorText, type ShownError } from './errors';

/**
 * The foot of a form in a modal: why the last try was refused, if it was, then Cancel and the button
 * that submits (disabled until the form is complete).
 */
export function FormActions({
  error,
  onCancel,
  submitLabel,
  color,
  loading,
  disabled,
}: {
  error: ShownError;
  onCancel: () => void;
  submitLabel: string;
  color?: string;
  loading: boolean;
  disabled: boolean;
}) {
  const { t, lang } = useLocale();
  return (
    <>
      {error !== null && <Alert color="red">{errorText(error, lang)}</Alert>}
      <Group justify="end">
        <Button variant="default" onClick={onCancel}>
          {t('cancel')}
        </Button>
        <Button type="submit" color={color} loading={loading} disabled={disabled}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
