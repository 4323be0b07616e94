import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/** The pages drawn in a scroll viewport, in order (PdfPages marks each canvas with `data-page`). */
const pagesIn = (viewport: HTMLElement) => [...viewport.querySelectorAll<HTMLElement>('[data-page]')];

/**
 * Which page of the document in `viewport` is being read (the one across the upper third of the
 * view, the last at the very bottom), following the scroll; and a jump to a page. `documentKey`
 * changes when another document is shown: back to its first page.
 */
export function useCurrentPage(viewport: RefObject<HTMLDivElement | null>, documentKey: unknown) {
  const [current, setCurrent] = useState(1);
  // The element the last document was shown in: a new one starts at its top already. Setting its scroll made the
  // browser lay the whole case page out in the middle of drawing it (~10 ms of each case opened).
  const shownIn = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    setCurrent(1);
    const el = viewport.current;
    if (!el) return;
    if (shownIn.current === el) el.scrollTop = 0;
    shownIn.current = el;
    let frame = 0;
    const follow = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const pages = pagesIn(el);
        if (pages.length === 0) return;
        if (el.scrollTop + el.clientHeight >= el.scrollHeight - 2) return setCurrent(pages.length);
        const line = el.getBoundingClientRect().top + el.clientHeight / 3;
        let seen = 1;
        for (const p of pages) if (p.getBoundingClientRect().top <= line) seen = Number(p.dataset.page);
        setCurrent(seen);
      });
    };
    el.addEventListener('scroll', follow, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      el.removeEventListener('scroll', follow);
    };
  }, [viewport, documentKey]);

  const jumpTo = useCallback(
    (n: number) => {
      const el = viewport.current;
      const page = el?.querySelector<HTMLElement>(`[data-page="${n}"]`);
      if (!el || !page) return;
      el.scrollTo({ top: page.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop - 4 });
      setCurrent(n);
    },
    [viewport],
  );
  return { current, jumpTo };
}

/** A page number as typed, in Latin or Arabic-Indic digits; null when it is not one. */
export function typedPage(text: string): number | null {
  const latin = text.trim().replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
  return /^\d{1,5}$/.test(latin) ? Number(latin) : null;
}
