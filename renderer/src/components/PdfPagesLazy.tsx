import { Suspense, type ComponentProps } from 'react';
import { Center, Loader } from '@mantine/core';
import type { PdfPages as PdfPagesNow } from './PdfPages';
import type { PdfThumbnails as PdfThumbnailsNow } from './PdfThumbnails';
import { useLocale } from '../i18n/locale';
import { pdfWorkerPort } from './pdf-worker-port';
import { lazyNow } from './lazy-now';
import { whenIdle } from './when-idle';

// pdf.js is a megabyte of its own: it is fetched the first time a PDF is shown, not with the page around it.
const Loaded = lazyNow(() => import('./PdfPages').then((m) => m.PdfPages));
const LoadedThumbnails = lazyNow(() => import('./PdfThumbnails').then((m) => m.PdfThumbnails));

let warmed = false;
/**
 * pdf.js loaded and its worker started while the user looks at a page that may show a PDF (a case, the print
 * centre), when the browser is idle: the first preview then waits for its file only, not for a megabyte of
 * script to arrive, compile and start a worker (more than a second on this machine).
 */
export function warmPdfViewer(): void {
  if (warmed) return;
  warmed = true;
  // The worker at once (its own thread fetches and compiles it); pdf.js itself, on this thread, when idle.
  pdfWorkerPort();
  // A part that fails to arrive now is fetched again when first shown (lazy-now.tsx).
  const load = () =>
    void Promise.all([Loaded.preload(), LoadedThumbnails.preload(), import('./pdf-document').then((m) => m.warmPdfWorker())]).catch(() => undefined);
  whenIdle(load, 1_000);
}

function Loading() {
  const { t } = useLocale();
  return (
    <Center p="md">
      <Loader role="status" size="sm" aria-label={t('loading')} />
    </Center>
  );
}

/** The pages of a PDF (PdfPages), loading pdf.js on first use. */
export function PdfPages(props: ComponentProps<typeof PdfPagesNow>) {
  return (
    <Suspense fallback={<Loading />}>
      <Loaded {...props} />
    </Suspense>
  );
}

/** The thumbnails of a PDF's pages (PdfThumbnails), from the same lazily loaded pdf.js. */
export function PdfThumbnails(props: ComponentProps<typeof PdfThumbnailsNow>) {
  return (
    <Suspense fallback={<Loading />}>
      <LoadedThumbnails {...props} />
    </Suspense>
  );
}
