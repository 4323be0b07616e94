import { Modal, Stack, TextInput } from '@mantine/core';
import { FormActions } from '../../components/FormActions';
import type { ShownError } from '../../components/errors';
import { useLocale } from '../../i18n/locale';

/** A reprint (a card that has its number already) asks why first; the reason goes with the preview to the confirmation. */
export function ReprintReasonModal({
  opened,
  reason,
  onReason,
  onClose,
  onSubmit,
  error,
  loading,
}: {
  opened: boolean;
  reason: string;
  onReason(reason: string): void;
  onClose(): void;
  onSubmit(): void;
  error: ShownError;
  loading: boolean;
}) {
  const { t } = useLocale();
  return (
    <Modal opened={opened} onClose={onClose} title={t('reprintSelected')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Stack>
          <TextInput
            label={t('reprintReason')}
            value={reason}
            onChange={(e) => onReason(e.currentTarget.value)}
            required
            minLength={3}
            data-autofocus
          />
          <FormActions error={error} onCancel={onClose} submitLabel={t('reprintSelected')} loading={loading} disabled={reason.trim().length < 3} />
        </Stack>
      </form>
    </Modal>
  );
}
