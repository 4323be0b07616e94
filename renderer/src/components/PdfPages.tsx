import { useEffect, useRef, useState } from 'react';
import { Alert, Loader } from '@mantine/core';
import { openPdf } from './pdf-document';

/** Pages drawn at once: more would hold a long attachment's pages in memory together for no gain on two cores. */
const AHEAD = 2;

/**
 * Renders every page of a PDF into canvases at the given zoom and rotation. Each canvas carries its
 * page number (`data-page`), which the viewer reads to say which page is in view and to jump to one.
 */
export function PdfPages({
  url,
  zoom,
  rotation,
  width,
  onPageCount,
  pageLabel = (n) => `page ${n}`,
}: {
  url: string;
  zoom: number;
  rotation: number;
  width: number;
  onPageCount?(pages: number): void;
  pageLabel?(n: number): string;
}) {
  const holder = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pages, setPages] = useState(0);
  useEffect(() => {
    let cancelled = false;
    void openPdf(url).then(
      async (doc) => {
        if (cancelled) return;
        setPages(doc.numPages);
        onPageCount?.(doc.numPages);
        const el = holder.current!;
        el.replaceChildren();
        // Two pages in hand at once: the worker reads the next page while this one is painted (a card's back
        // waited for its front's painting before its reading began).
        const drawing: Array<Promise<void>> = [];
        for (let n = 1; n <= doc.numPages && !cancelled; n++) {
          if (drawing.length >= AHEAD) await drawing[drawing.length - AHEAD];
          const page = await doc.getPage(n);
          if (cancelled) {
            void Promise.allSettled(drawing);
            return;
          }
          const base = page.getViewport({ scale: 1, rotation });
          // Zoom 1 fits the width of the pane.
          const viewport = page.getViewport({ scale: (zoom * (width - 24)) / base.width, rotation });
          const canvas = document.createElement('canvas');
          const ratio = window.devicePixelRatio || 1;
          canvas.width = Math.floor(viewport.width * ratio);
          canvas.height = Math.floor(viewport.height * ratio);
          canvas.style.width = `${Math.floor(viewport.width)}px`;
          canvas.style.display = 'block';
          canvas.style.margin = '0 auto 12px';
          canvas.style.boxShadow = '0 1px 4px rgba(0,0,0,.25)';
          canvas.setAttribute('aria-label', pageLabel(n));
          canvas.dataset.page = String(n);
          el.appendChild(canvas);
          drawing.push(
            page.render({ canvas, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined }).promise.then(() => {
              // Drawn, not just placed: what a test or the bench waits for.
              canvas.dataset.drawn = '';
            }),
          );
        }
        await Promise.all(drawing);
      },
      (e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [url, zoom, rotation, width]); // eslint-disable-line react-hooks/exhaustive-deps -- callbacks are read when the pages are drawn
  return (
    <>
      {error && <Alert color="red">{error}</Alert>}
      {pages === 0 && !error && <Loader size="sm" />}
      {/* A canvas takes its text direction from the page: in the Arabic UI pdf.js would anchor every glyph at its right edge. */}
      <div ref={holder} data-pages={pages} dir="ltr" />
    </>
  );
}
