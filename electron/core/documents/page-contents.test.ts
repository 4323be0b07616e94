import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDocument, PDFName, PDFRef, rgb } from 'pdf-lib';
import { Typesetter } from './text/typesetter';
import { mergePageContents } from './page-contents';
import { pdfText } from './testing/pdf-tools';

/** A page of shapes and text drawn over one another: pdf-lib's streams and the typesetter's, interleaved. */
async function layered(): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  const ts = await Typesetter.for(doc);
  const page = doc.addPage([300, 120]);
  page.drawRectangle({ x: 0, y: 0, width: 300, height: 120, color: rgb(0.9, 0.95, 0.9) });
  ts.draw(page, 'نورة عبدالله', { x: 280, y: 80, size: 16, align: 'right' });
  // Over the text: it must stay on top after the streams are joined.
  page.drawRectangle({ x: 200, y: 70, width: 40, height: 30, color: rgb(0.8, 0.1, 0.1) });
  ts.draw(page, 'Noura Abdullah', { x: 20, y: 30, size: 14 });
  page.drawLine({ start: { x: 10, y: 25 }, end: { x: 290, y: 25 }, thickness: 1 });
  ts.finish();
  return doc;
}

function png(pdf: Uint8Array): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'desk-render-'));
  try {
    writeFileSync(join(dir, 'page.pdf'), pdf);
    const r = spawnSync('pdftoppm', ['-png', '-r', '100', '-singlefile', join(dir, 'page.pdf'), join(dir, 'page')]);
    if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr.toString()}`);
    return readFileSync(join(dir, 'page.png'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("a page's content streams joined into one", () => {
  it('draws the same page, pixel for pixel, and reads the same', async () => {
    const apart = await (await layered()).save({ useObjectStreams: false });
    const doc = await layered();
    expect(doc.getPage(0).node.Contents()).toBeInstanceOf(PDFArray);
    expect((doc.getPage(0).node.Contents() as PDFArray).size()).toBeGreaterThan(3);
    mergePageContents(doc);
    expect(doc.getPage(0).node.get(PDFName.of('Contents'))).toBeInstanceOf(PDFRef);
    const joined = await doc.save({ useObjectStreams: false });
    expect(png(joined).equals(png(apart))).toBe(true);
    expect(pdfText(joined)).toBe(pdfText(apart));
  });
});
