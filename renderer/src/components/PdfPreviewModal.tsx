import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useLocale } from '../i18n/locale';
import type { MessageKey } from '../i18n/messages';
import { printPdfFile, releasePrintFrame, type PrintOutcome } from './print-pdf';
import { PdfPages, warmPdfViewer } from './PdfPagesLazy';
import { useShortcuts } from '../shell/useShortcuts';

/** What the preview says after Print, when the dialog did not simply open. */
const PRINT_NOTICE: Partial<Record<PrintOutcome, { key: MessageKey; color: string }>> = {
  'new-tab': { key: 'printOpenedInTab', color: 'blue' },
  blocked: { key: 'printBlocked', color: 'yellow' },
  failed: { key: 'printFailed', color: 'red' },
};

/**
 * A PDF the desk made, shown page by page, with Print (the system dialog on the PDF itself, at its own
 * page size; Ctrl+P too), Save, and whatever actions the caller adds.
 */
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
  const [printing, setPrinting] = useState(false);
  const [printed, setPrinted] = useState<PrintOutcome | null>(null);
  const url = file?.url ?? null;
  // Mounted (closed) on every page that can show a PDF: the viewer is made ready before the first one.
  useEffect(warmPdfViewer, []);
  const print = useCallback(async () => {
    if (!url) return;
    setPrinting(true);
    setPrinted(null);
    setPrinted(await printPdfFile(url).catch((): PrintOutcome => 'failed'));
    setPrinting(false);
  }, [url]);
  // A new file, or the preview closed: the last print frame goes with it.
  useEffect(() => {
    setPrinted(null);
    return releasePrintFrame;
  }, [url]);
  // Ctrl+P prints the PDF, not the page behind it. The desktop app's menu sends its own Print.
  useShortcuts({ 'mod+p': !!url && !window.deskShell && (() => void print()) }, { inFields: true });
  const notice = printed ? PRINT_NOTICE[printed] : undefined;
  return (
    <Modal opened={file !== null} onClose={onClose} title={title} size="xl">
      {file && (
        <Stack>
          <Group justify={summary ? 'space-between' : 'end'}>
            {summary}
            <Group>
              <Button onClick={() => void print()} loading={printing} variant="light" aria-keyshortcuts="Control+P">
                {t('printPdf')}
              </Button>
              <Button component="a" href={file.url} download={file.fileName} variant="default">
                {t('savePdf')}
              </Button>
              {actions}
            </Group>
          </Group>
          {notice && <Alert color={notice.color}>{t(notice.key)}</Alert>}
          {children}
          <div style={{ maxHeight: '72vh', overflow: 'auto', background: 'var(--mantine-color-gray-1)', padding: 12 }}>
            <PdfPages url={file.url} zoom={zoom} rotation={0} width={760} />
          </div>
        </Stack>
      )}
    </Modal>
  );
}
