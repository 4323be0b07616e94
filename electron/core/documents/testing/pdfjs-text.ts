/**
 * The lines pdf.js reads from a PDF (getTextContent), for tests: a second extractor beside
 * poppler. Items are joined in the order pdf.js gives them; a new line starts where pdf.js says
 * one ends or the baseline moves.
 */
export async function pdfjsLines(pdf: Uint8Array, pageNumber?: number): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: pdf.slice(), verbosity: 0, isEvalSupported: false }).promise;
  const out: string[] = [];
  const pages = pageNumber ? [pageNumber] : Array.from({ length: doc.numPages }, (_, i) => i + 1);
  for (const n of pages) {
    const content = await (await doc.getPage(n)).getTextContent();
    let line = '';
    let baseline: number | null = null;
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const y = item.transform[5] as number;
      if (baseline !== null && Math.abs(y - baseline) > 4 && line) {
        out.push(line);
        line = '';
      }
      line += item.str;
      baseline = y;
      if (item.hasEOL) {
        out.push(line);
        line = '';
        baseline = null;
      }
    }
    if (line) out.push(line);
  }
  await doc.destroy();
  return out.map((l) => l.replace(/[\u200b-\u200f\u2066-\u2069]/g, '').trim()).filter(Boolean);
}
