import * as pdfjs from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { pdfWorkerPort } from './pdf-worker-port';

/**
 * One worker for every document: started once (pdf-worker-port.ts, as soon as a page that may show a PDF is
 * drawn), not a new one per file, whose script took a second to load and compile before the first page drew.
 * A document given a worker leaves it running when it is closed.
 */
let worker: pdfjs.PDFWorker | null = null;
export function warmPdfWorker(): pdfjs.PDFWorker {
  worker ??= pdfjs.PDFWorker.create({ port: pdfWorkerPort() });
  return worker;
}

/** Documents kept open: the pages, their thumbnails and a zoom or rotation share one download and parse. */
const KEPT = 4;
const open = new Map<string, Promise<PDFDocumentProxy>>();

/**
 * The PDF at `url`, loaded once for every view of it (pages, thumbnails, the two sides of a
 * comparison). The oldest of more than KEPT is closed: attachment links are short-lived anyway.
 */
export function openPdf(url: string): Promise<PDFDocumentProxy> {
  const known = open.get(url);
  if (known) {
    // Most recently used last.
    open.delete(url);
    open.set(url, known);
    return known;
  }
  const doc = pdfjs.getDocument({
    url,
    worker: warmPdfWorker(),
    isEvalSupported: false,
    standardFontDataUrl: '/pdfjs/standard_fonts/',
    useSystemFonts: false,
  }).promise;
  open.set(url, doc);
  // A failed load is not kept: the next look tries again.
  doc.catch(() => open.get(url) === doc && open.delete(url));
  while (open.size > KEPT) {
    const [oldest, evicted] = open.entries().next().value as [string, Promise<PDFDocumentProxy>];
    open.delete(oldest);
    void evicted.then(
      (d) => d.destroy(),
      () => undefined,
    );
  }
  return doc;
}
