import { useEffect, useRef, useState } from 'react';
import { Alert, Modal, Paper, ScrollArea, SimpleGrid, Stack, Text } from '@mantine/core';
import type { AttachmentView } from '../../../../shared/domain';
import { useSession } from '../../api/session';
import { useLocale } from '../../i18n/locale';
import { fill } from '../../i18n/fill';
import { errorText, type ShownError } from '../errors';
import { PdfPages } from '../PdfPagesLazy';
import { BidiParts } from '../BidiText';

/**
 * The version an applicant replaced beside the one they resubmitted, each scrolling with the other
 * (same place in both, in proportion), so a reviewer sees what changed without switching back and forth.
 */
export function AttachmentCompare({ earlier, later, onClose }: { earlier: AttachmentView | null; later: AttachmentView | null; onClose(): void }) {
  const { t } = useLocale();
  const left = useRef<HTMLDivElement>(null);
  const right = useRef<HTMLDivElement>(null);
  const opened = earlier !== null && later !== null;
  useEffect(() => {
    if (!opened) return;
    const a = left.current;
    const b = right.current;
    if (!a || !b) return;
    // The side being scrolled leads; the other follows without echoing back.
    let leading: HTMLElement | null = null;
    const follow = (from: HTMLElement, to: HTMLElement) => () => {
      if (leading && leading !== from) return;
      leading = from;
      const share = from.scrollTop / Math.max(1, from.scrollHeight - from.clientHeight);
      to.scrollTop = share * Math.max(0, to.scrollHeight - to.clientHeight);
      requestAnimationFrame(() => (leading = null));
    };
    const fa = follow(a, b);
    const fb = follow(b, a);
    a.addEventListener('scroll', fa, { passive: true });
    b.addEventListener('scroll', fb, { passive: true });
    return () => {
      a.removeEventListener('scroll', fa);
      b.removeEventListener('scroll', fb);
    };
  }, [opened, earlier?.id, later?.id]);
  return (
    <Modal opened={opened} onClose={onClose} title={t('viewerCompareTitle')} fullScreen closeButtonProps={{ 'aria-label': t('viewerCompareClose') }}>
      {opened && (
        <SimpleGrid cols={2} spacing="sm">
          <Side attachment={earlier} title={fill(t('viewerEarlier'), { n: String(earlier.version) })} viewport={left} />
          <Side attachment={later} title={fill(t('viewerLater'), { n: String(later.version) })} viewport={right} />
        </SimpleGrid>
      )}
    </Modal>
  );
}

function Side({ attachment, title, viewport }: { attachment: AttachmentView; title: string; viewport: React.RefObject<HTMLDivElement | null> }) {
  const { client } = useSession();
  const { t, lang, formatDateTime } = useLocale();
  const [file, setFile] = useState<{ url: string; mime: string } | null>(null);
  const [error, setError] = useState<ShownError>(null);
  const [width, setWidth] = useState(560);
  const pane = useRef<HTMLDivElement>(null);
  useEffect(() => {
    setFile(null);
    setError(null);
    client.call('attachments.open', { id: attachment.id }).then(
      (r) => setFile({ url: r.url, mime: r.mime }),
      (e: unknown) => setError(e),
    );
  }, [attachment.id]); // eslint-disable-line react-hooks/exhaustive-deps -- reopen only when the attachment changes
  useEffect(() => {
    if (!pane.current) return;
    const ro = new ResizeObserver(([entry]) => entry && setWidth(Math.max(240, Math.round(entry.contentRect.width))));
    ro.observe(pane.current);
    return () => ro.disconnect();
  }, []);
  return (
    <Stack gap={4} ref={pane} role="group" aria-label={title}>
      <Text fw={600} size="sm">
        {title}
      </Text>
      <Text size="xs" c="dimmed">
        <BidiParts parts={[attachment.fileName, `${t('uploaded')} ${formatDateTime(attachment.uploadedAt)}`]} />
      </Text>
      {error !== null && <Alert color="red">{errorText(error, lang)}</Alert>}
      <Paper withBorder bg="gray.1" p="xs">
        <ScrollArea
          h="calc(100vh - 150px)"
          overscrollBehavior="contain"
          viewportRef={viewport}
          viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': title }}
        >
          {file?.mime === 'application/pdf' && <PdfPages url={file.url} zoom={1} rotation={0} width={width} />}
          {file?.mime.startsWith('image/') && (
            <img src={file.url} alt={title} style={{ display: 'block', margin: '0 auto', width: `${Math.round(width - 24)}px` }} />
          )}
        </ScrollArea>
      </Paper>
    </Stack>
  );
}
