import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFName } from 'pdf-lib';
import { fixturesFolder, scannedLetterPdf, SCAN_FIXTURES } from '../../demo/ocr-letters';
import { pickIssueDate } from './pick-date';
import { readDocument } from './read-document';
import { scanImages } from './scan-images';
import { stopOcr } from './ocr';

afterAll(() => stopOcr());

/** An image-only PDF whose one page draws `stream` (an image XObject) over the whole page. */
async function imagePdf(make: (doc: PDFDocument) => ReturnType<PDFDocument['context']['register']>): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([200, 100]);
  page.node.setXObject(PDFName.of('Im1'), make(doc));
  return doc.save();
}

describe('OCR of scans (tesseract.js, the bundled Arabic and English models)', () => {
  it('reads the English scan inside an image-only PDF', async () => {
    const [en] = SCAN_FIXTURES;
    const reading = await readDocument(await scannedLetterPdf(en, 'HR-TEST'), 'application/pdf');
    expect(reading).toMatchObject({ source: 'ocr', languages: 'ara+eng', pages: 1, problem: null });
    expect(pickIssueDate(reading.dates, '2026-03-01')).toMatchObject({ date: en.printed, written: '2 November 2025', page: 1, labelled: true });
  });

  it('reads the Arabic scan given as an image: its Hijri date beside "التاريخ"', async () => {
    const ar = SCAN_FIXTURES[1];
    const reading = await readDocument(readFileSync(join(fixturesFolder(), ar.file)), 'image/jpeg');
    expect(reading.source).toBe('ocr');
    const found = pickIssueDate(reading.dates, '2026-03-01');
    expect(found).toMatchObject({ date: ar.printed, calendar: 'hijri', written: '1447/04/28', labelled: true });
    expect(found!.line).toContain('التاريخ');
    // The Gregorian date beside it reads the same day; the joining date is found but not taken.
    expect(reading.dates.map((d) => d.date)).toEqual([ar.printed, ar.printed, '2016-09-01']);
  });
});

describe('scanImages', () => {
  it('wraps deflated grey pixels as a PNG OCR can open', async () => {
    const pixels = Uint8Array.from({ length: 6 * 3 }, (_, i) => i * 10);
    const pdf = await imagePdf((doc) =>
      doc.context.register(
        doc.context.flateStream(pixels, { Type: 'XObject', Subtype: 'Image', Width: 6, Height: 3, ColorSpace: 'DeviceGray', BitsPerComponent: 8 }),
      ),
    );
    const { images, unreadable } = await scanImages(pdf);
    expect(unreadable).toEqual([]);
    expect(images).toHaveLength(1);
    const png = Buffer.from(images[0]!.bytes);
    expect(images[0]!.mime).toBe('image/png');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([6, 3, 8, 0]);
    const idatLength = png.readUInt32BE(33);
    const rows = inflateSync(png.subarray(41, 41 + idatLength));
    // Each row: filter byte 0, then its six pixels.
    expect([...rows]).toEqual([0, ...pixels.slice(0, 6), 0, ...pixels.slice(6, 12), 0, ...pixels.slice(12)]);
  });

  it('names an encoding it cannot hand to OCR, and the reading says why no date was read', async () => {
    const pdf = await imagePdf((doc) =>
      doc.context.register(
        doc.context.stream(new Uint8Array(16), { Type: 'XObject', Subtype: 'Image', Width: 4, Height: 4, Filter: 'JPXDecode', BitsPerComponent: 8 }),
      ),
    );
    expect(await scanImages(pdf)).toEqual({ images: [], unreadable: ['JPXDecode'] });
    const reading = await readDocument(pdf, 'application/pdf');
    expect(reading).toMatchObject({ source: 'none', dates: [] });
    expect(reading.problem).toMatch(/JPXDecode/);
  });

  it('a file that is neither PDF nor JPEG/PNG is not read', async () => {
    const reading = await readDocument(new Uint8Array(8), 'image/tiff');
    expect(reading).toMatchObject({ source: 'none', dates: [] });
    expect(reading.problem).toMatch(/image\/tiff/);
  });
});
