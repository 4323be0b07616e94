import type { ReactNode } from 'react';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useLocale } from '../i18n/locale';
import { PdfPages } from './PdfPages';

/** A PDF the desk made, shown page by page, with Save (and whatever actions the caller adds). */
export function PdfPreviewModal({
  file,
  title,
  onClose,
  zoom = 1,
  summary,
  actions,
  children,
}: {
  file: { url: string; fileName: string } | null;
  title: string;
  onClose(): void;
  zoom?: number;
  /** Shown at the start of the button row (what the file holds). */
  summary?: ReactNode;
  actions?: ReactNode;
  /** Shown between the buttons and the pages (an error, a note). */
  children?: ReactNode;
}) {
  const { t } = useLocale();
  return (
    <Modal opened={file !== null} onClose={onClose} title={title} size="xl">
      {file && (
        <Stack>
          <Group justify={summary ? 'space-between' : 'end'}>
            {summary}
            <Group>
              <Button component="a" href={file.url} download={file.fileName} variant="default">
                {t('savePdf')}
              </Button>
              {actions}
            </Group>
          </Group>
          {children}
          <div style={{ maxHeight: '72vh', overflow: 'auto', background: 'var(--mantine-color-gray-1)', padding: 12 }}>
            <PdfPages url={file.url} zoom={zoom} rotation={0} width={760} />
          </div>
        </Stack>
      )}
    </Modal>
  );
}
