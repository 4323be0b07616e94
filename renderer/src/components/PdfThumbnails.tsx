import { useEffect, useRef, useState } from 'react';
import { Loader, UnstyledButton } from '@mantine/core';
import { openPdf } from './pdf-document';

/** Thumbnail width in CSS pixels: enough to tell a letter from a table, narrow enough to sit beside the pages. */
const THUMB_WIDTH = 72;

/** One small picture per page of a PDF; a click (or Enter) jumps the pages beside it there. */
export function PdfThumbnails({
  url,
  rotation,
  current,
  onJump,
  pageLabel,
}: {
  url: string;
  rotation: number;
  current: number;
  onJump(page: number): void;
  pageLabel(n: number): string;
}) {
  const [pages, setPages] = useState(0);
  const canvases = useRef(new Map<number, HTMLCanvasElement>());
  useEffect(() => {
    let cancelled = false;
    setPages(0);
    void openPdf(url).then(
      (doc) => !cancelled && setPages(doc.numPages),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [url]);
  // Drawn once React has placed a canvas per page, one page at a time, so the main pages are not held up.
  useEffect(() => {
    if (pages === 0) return;
    let cancelled = false;
    void openPdf(url)
      .then(async (doc) => {
        for (let n = 1; n <= doc.numPages && !cancelled; n++) {
          const page = await doc.getPage(n);
          const canvas = canvases.current.get(n);
          if (!canvas || cancelled) continue;
          const base = page.getViewport({ scale: 1, rotation });
          const viewport = page.getViewport({ scale: THUMB_WIDTH / base.width, rotation });
          const ratio = window.devicePixelRatio || 1;
          canvas.width = Math.floor(viewport.width * ratio);
          canvas.height = Math.floor(viewport.height * ratio);
          canvas.style.width = `${Math.floor(viewport.width)}px`;
          await page.render({ canvas, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined }).promise;
        }
      })
      // A thumbnail that cannot be drawn (the document closed, a rotation started over) stays blank: the page itself shows.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [url, rotation, pages]);
  if (pages === 0) return <Loader size="xs" />;
  return (
    <>
      {Array.from({ length: pages }, (_, i) => i + 1).map((n) => (
        <UnstyledButton
          key={n}
          onClick={() => onJump(n)}
          aria-label={pageLabel(n)}
          aria-current={n === current ? 'page' : undefined}
          data-thumb={n}
          style={{
            display: 'block',
            margin: '0 auto 8px',
            padding: 2,
            borderRadius: 4,
            outline: n === current ? '2px solid var(--mantine-color-blue-filled)' : '1px solid var(--mantine-color-gray-4)',
            background: 'white',
          }}
        >
          <canvas
            ref={(c) => {
              if (c) canvases.current.set(n, c);
              else canvases.current.delete(n);
            }}
            style={{ display: 'block', width: THUMB_WIDTH, minHeight: 40 }}
          />
          <span style={{ display: 'block', textAlign: 'center', fontSize: 11 }}>{n}</span>
        </UnstyledButton>
      ))}
    </>
  );
}
