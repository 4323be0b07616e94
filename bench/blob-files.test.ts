import { describe, expect, it } from 'vitest';
import { decode } from 'jpeg-js';
import { PDFDict, PDFDocument, PDFName, PDFStream } from 'pdf-lib';
import { sniffType } from '../electron/core/intake/file-type';
import { photoMaker, scannedLetterPdf } from './blob-files';

describe('the bench’s realistic attachments', () => {
  it('scanned letters are PDFs that open, of the size asked for, the same for a seed and different between seeds', async () => {
    const pdf = scannedLetterPdf(7, 1_500_000, 'Employer letter (Riyadh) \\ 7');
    expect(sniffType(pdf)).toBe('application/pdf');
    expect(pdf.length).toBeGreaterThan(1_500_000 - 1240);
    expect(pdf.length).toBeLessThan(1_502_000);
    const doc = await PDFDocument.load(pdf, { throwOnInvalidObject: true });
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe('Employer letter (Riyadh) \\ 7');
    const scan = doc.getPage(0).node.Resources()!.lookup(PDFName.of('XObject'), PDFDict).lookup(PDFName.of('Scan'), PDFStream);
    expect(scan.getContents().length).toBeGreaterThan(1_490_000);
    // The cross-reference table points at each object (readers that trust it, as pdf.js does, find them).
    const text = Buffer.from(pdf).toString('latin1');
    const xref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
    const rows = text.slice(xref).split('\n').slice(3, 10);
    rows.forEach((row, i) => expect(text.slice(Number(row.slice(0, 10)), Number(row.slice(0, 10)) + 10)).toMatch(new RegExp(`^${i + 1} 0 obj\n`)));
    expect(Buffer.from(scannedLetterPdf(7, 1_500_000, 'x')).equals(Buffer.from(scannedLetterPdf(7, 1_500_000, 'x')))).toBe(true);
    expect(Buffer.from(scannedLetterPdf(8, 1_500_000, 'x')).equals(Buffer.from(scannedLetterPdf(7, 1_500_000, 'x')))).toBe(false);
  });

  it('photos are JPEGs of ~150 KB that decode, each request’s its own', () => {
    const photo = photoMaker(2);
    const a = photo(1, 'applicant 1');
    const b = photo(3, 'applicant 3'); // the same base picture, another request
    expect(sniffType(a)).toBe('image/jpeg');
    expect(a.length).toBeGreaterThan(120_000);
    expect(a.length).toBeLessThan(200_000);
    expect(decode(a)).toMatchObject({ width: 480, height: 600 });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(Buffer.from(photo(1, 'applicant 1')).equals(Buffer.from(a))).toBe(true);
  });
});
