/**
 * The text a PDF carries (its text layer), page by page, through pdf.js. A letter typed and saved as PDF
 * has one; a scan saved as PDF has none (or a few stray characters) and goes to OCR instead.
 */

/** Letters are one to three pages; an annex of forty is not read to the end for one date. */
export const MAX_PAGES = 3;

export interface PdfText {
  /** The text of each page read (lines joined with newlines), at most MAX_PAGES. */
  pages: string[];
  pageCount: number;
}

export async function pdfText(pdf: Uint8Array): Promise<PdfText> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of the buffer it is given and refuses a Node Buffer: a plain copy suits both.
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false, stopAtErrors: false }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= Math.min(doc.numPages, MAX_PAGES); n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      let text = '';
      let baseline: number | null = null;
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const y = item.transform[5] as number;
        // A new line where pdf.js ends one or the baseline moves (PDF writers do not always say).
        if (baseline !== null && Math.abs(y - baseline) > 4 && !text.endsWith('\n')) text += '\n';
        text += item.str + (item.hasEOL ? '\n' : '');
        baseline = item.hasEOL ? null : y;
      }
      pages.push(text);
      // Other work of the desk runs between pages.
      await new Promise((r) => setImmediate(r));
    }
    return { pages, pageCount: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

/** Letters and digits in a text: a page with fewer than a handful has no real text layer. */
export const meaningfulCharacters = (text: string): number => (text.match(/[\p{L}\p{N}]/gu) ?? []).length;
