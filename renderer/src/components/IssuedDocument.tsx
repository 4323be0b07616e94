import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { CaseDetail } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { errorText } from './errors';
import { PdfPages } from './PdfPages';
import { routeHref } from '../route';

/** On a request whose letter or certificate was issued: open it, read it, save it. On a card request: the way to the print centre. */
export function IssuedDocument({ c }: { c: CaseDetail }) {
  const { client, user } = useSession();
  const { t, lang } = useLocale();
  const [open, setOpen] = useState(false);
  const doc = useMutation({ mutationFn: () => client.call('documents.issued', { requestId: c.id }), onSuccess: () => setOpen(true) });
  const canPrint = user?.roles.some((r) => r === 'card_clerk' || r === 'admin') ?? false;
  if (['ready_to_print', 'printed', 'delivered'].includes(c.status) && canPrint)
    return (
      <Button component="a" href={routeHref({ page: 'print' })} variant="light" size="compact-sm">
        {t('printCentre')}
      </Button>
    );
  if (c.status !== 'document_issued') return null;
  return (
    <>
      <Button variant="light" size="compact-sm" loading={doc.isPending} onClick={() => doc.mutate()}>
        {t('issuedDocument')}
      </Button>
      {doc.isError && <Alert color="red">{errorText(doc.error, lang)}</Alert>}
      <Modal opened={open && !!doc.data} onClose={() => setOpen(false)} title={t('issuedDocument')} size="xl">
        {doc.data && (
          <Stack>
            <Group justify="end">
              <Button component="a" href={doc.data.url} download={doc.data.fileName} variant="default">
                {t('savePdf')}
              </Button>
            </Group>
            <div style={{ maxHeight: '72vh', overflow: 'auto', background: 'var(--mantine-color-gray-1)', padding: 12 }}>
              <PdfPages url={doc.data.url} zoom={1} rotation={0} width={760} />
            </div>
          </Stack>
        )}
      </Modal>
    </>
  );
}
