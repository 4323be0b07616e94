import { useEffect, useRef, useState } from 'react';
import { ActionIcon, Alert, Button, Group, Paper, ScrollArea, Select, Stack, Text, Tooltip } from '@mantine/core';
import { TERMS, type AttachmentView } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { fill } from '../i18n/fill';
import { fileKindText } from '../i18n/file-kinds';
import { errorText, type ShownError } from './errors';
import { PdfPages, PdfThumbnails } from './PdfPagesLazy';
import { BidiParts, Ltr } from './BidiText';
import { PageBar } from './viewer/PageBar';
import { AttachmentCompare } from './viewer/AttachmentCompare';
import { earlierVersionOf } from './viewer/attachment-versions';
import { useCurrentPage } from './viewer/use-current-page';
import { useShortcuts } from '../shell/useShortcuts';

/**
 * The attachments of a request beside its data: PDFs and images, zoom, rotate, previous and next;
 * "page n of N" following the scroll, a jump to a page (`g`, `[` and `]`), thumbnails, and a resubmitted
 * attachment beside the version it replaced.
 */
export function AttachmentViewer({
  attachments,
  selectedId,
  onSelect,
  newIds = [],
}: {
  attachments: AttachmentView[];
  selectedId: number | null;
  onSelect(id: number): void;
  /** Attachments that came with the latest resubmission. */
  newIds?: number[];
}) {
  const { client } = useSession();
  const { t, lang, formatDateTime, formatNumber } = useLocale();
  const [file, setFile] = useState<{ id: number; url: string; mime: string } | null>(null);
  const [error, setError] = useState<ShownError>(null);
  const [zoom, setZoom] = useState(1);
  const [rotation, setRotation] = useState(0);
  const [pageCount, setPageCount] = useState(1);
  const [thumbnails, setThumbnails] = useState(true);
  const [comparing, setComparing] = useState(false);
  const pane = useRef<HTMLDivElement>(null);
  const viewport = useRef<HTMLDivElement>(null);
  const goTo = useRef<HTMLInputElement>(null);
  const [width, setWidth] = useState(560);
  const kinds = TERMS.attachment_kinds as Record<string, { ar: string; en: string }>;
  const index = attachments.findIndex((a) => a.id === selectedId);
  const current = index >= 0 ? attachments[index]! : null;
  const shown = file && file.id === current?.id ? file : null;
  const isPdf = shown?.mime === 'application/pdf';
  const earlier = current ? earlierVersionOf(attachments, current) : null;
  const { current: page, jumpTo } = useCurrentPage(viewport, `${shown?.url ?? ''}|${zoom}|${rotation}`);
  const withThumbnails = isPdf && thumbnails && pageCount > 1;

  useEffect(() => {
    if (!pane.current) return;
    const ro = new ResizeObserver(([entry]) => entry && setWidth(Math.max(240, Math.round(entry.contentRect.width))));
    ro.observe(pane.current);
    return () => ro.disconnect();
  }, []);
  useEffect(() => {
    if (!current) return;
    setError(null);
    setRotation(0);
    setPageCount(1);
    client.call('attachments.open', { id: current.id }).then(
      (r) => setFile({ id: current.id, url: r.url, mime: r.mime }),
      (e: unknown) => setError(e),
    );
  }, [current?.id]); // eslint-disable-line react-hooks/exhaustive-deps -- reopen only when the attachment changes
  const turn = (by: 1 | -1) => jumpTo(Math.min(Math.max(page + by, 1), pageCount));
  useShortcuts(isPdf ? { g: () => goTo.current?.focus(), ']': () => turn(1), '[': () => turn(-1) } : {});

  const go = (step: number) => attachments.length && onSelect(attachments[(index + step + attachments.length) % attachments.length]!.id);
  if (attachments.length === 0) return <Text c="dimmed">{t('noAttachments')}</Text>;
  const label = (a: AttachmentView) =>
    `${newIds.includes(a.id) ? `★ ${t('changed')} · ` : ''}${kinds[a.kind]?.[lang] ?? a.kind} · ${fill(t('attachmentVersion'), { n: String(a.version) })}`;
  const pageLabel = (n: number) => fill(t('viewerPage'), { n: formatNumber(n) });
  // The pages' own width: what the pane leaves beside the thumbnails.
  const pagesWidth = withThumbnails ? width - 104 : width;

  return (
    <Stack gap="xs" ref={pane} aria-label={t('attachments')}>
      <Group gap={4} wrap="nowrap">
        <Tooltip label={`${t('previous')} (p)`}>
          <ActionIcon variant="default" onClick={() => go(-1)} aria-label={t('previous')}>
            {lang === 'ar' ? '›' : '‹'}
          </ActionIcon>
        </Tooltip>
        <Select
          aria-label={t('attachments')}
          value={current ? String(current.id) : null}
          onChange={(v) => v && onSelect(Number(v))}
          data={attachments.map((a) => ({ value: String(a.id), label: label(a) }))}
          allowDeselect={false}
          style={{ flex: 1 }}
        />
        <Tooltip label={`${t('next')} (a)`}>
          <ActionIcon variant="default" onClick={() => go(1)} aria-label={t('next')}>
            {lang === 'ar' ? '‹' : '›'}
          </ActionIcon>
        </Tooltip>
        <ActionIcon variant="default" onClick={() => setZoom((z) => Math.max(0.25, z - 0.25))} aria-label={t('zoomOut')}>
          −
        </ActionIcon>
        <ActionIcon variant="default" onClick={() => setZoom(1)} aria-label={t('fitWidth')}>
          ↔
        </ActionIcon>
        <ActionIcon variant="default" onClick={() => setZoom((z) => Math.min(4, z + 0.25))} aria-label={t('zoomIn')}>
          +
        </ActionIcon>
        <ActionIcon variant="default" onClick={() => setRotation((r) => (r + 90) % 360)} aria-label={t('rotate')}>
          ↻
        </ActionIcon>
      </Group>
      {current && (
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <Text size="xs" c="dimmed" style={{ minWidth: 0 }} lineClamp={2}>
            {/* Each fact isolated: a Latin file name beside "7 ك.ب" would otherwise pull the size out of place. */}
            <BidiParts
              parts={[
                current.fileName,
                fileKindText(current.mime, lang),
                fill(t('sizeKilobytes'), { n: formatNumber(Math.ceil(current.size / 1024)) }),
                `${t('uploaded')} ${formatDateTime(current.uploadedAt)}`,
                current.issuedAt && (
                  <>
                    {`${t('issued')} `}
                    <Ltr>{current.issuedAt}</Ltr>
                  </>
                ),
              ]}
            />
          </Text>
          <Group gap="xs" wrap="nowrap">
            {earlier && (
              <Button size="compact-xs" variant="light" onClick={() => setComparing(true)}>
                {t('viewerCompare')}
              </Button>
            )}
            {isPdf && <PageBar ref={goTo} current={page} total={pageCount} onJump={jumpTo} thumbnails={thumbnails} onThumbnails={setThumbnails} />}
          </Group>
        </Group>
      )}
      {error !== null && <Alert color="red">{errorText(error, lang)}</Alert>}
      <Paper withBorder bg="gray.1" p="xs">
        <Group gap="xs" align="stretch" wrap="nowrap">
          {withThumbnails && shown && (
            <ScrollArea
              h="70vh"
              w={96}
              style={{ flex: 'none' }}
              overscrollBehavior="contain"
              viewportProps={{ role: 'navigation', 'aria-label': t('viewerThumbnails') }}
            >
              <PdfThumbnails url={shown.url} rotation={rotation} current={page} onJump={jumpTo} pageLabel={pageLabel} />
            </ScrollArea>
          )}
          {/* Contained: reading past a document's last page does not scroll the case page and its decision bar away. */}
          <ScrollArea
            h="70vh"
            style={{ flex: 1, minWidth: 0 }}
            overscrollBehavior="contain"
            viewportRef={viewport}
            viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': current ? label(current) : t('attachments') }}
          >
            {shown && isPdf && (
              <PdfPages url={shown.url} zoom={zoom} rotation={rotation} width={pagesWidth} onPageCount={setPageCount} pageLabel={pageLabel} />
            )}
            {shown?.mime.startsWith('image/') && (
              <img
                src={shown.url}
                alt={current ? label(current) : ''}
                style={{
                  display: 'block',
                  margin: '0 auto',
                  width: `${Math.round(zoom * (width - 24))}px`,
                  transform: `rotate(${rotation}deg)`,
                  transition: 'transform .15s',
                }}
              />
            )}
          </ScrollArea>
        </Group>
      </Paper>
      <AttachmentCompare earlier={comparing ? earlier : null} later={comparing ? current : null} onClose={() => setComparing(false)} />
    </Stack>
  );
}
