import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { demoEmployerLetter, demoLetterPlan } from './ocr-letters';
import { pdfText } from '../signals/letter-date/text-layer';
import { findDates } from '../signals/letter-date/find-dates';
import { pickIssueDate } from '../signals/letter-date/pick-date';

const printedIn = async (pdf: Uint8Array) => pickIssueDate(findDates((await pdfText(pdf)).pages.join('\n')), '2026-03-01')?.date;
const firstOf = (kind: string) => Array.from({ length: 200 }, (_, i) => i + 1).find((n) => demoLetterPlan(1, n, '2026-02-20').kind === kind)!;

describe('demo employer letters', () => {
  it('each request gets a file of its own, the same for the same seed', async () => {
    const a = await demoEmployerLetter(1, 7, '2026-02-20');
    expect((await demoEmployerLetter(1, 7, '2026-02-20')).sha256).toBe(a.sha256);
    expect((await demoEmployerLetter(1, 8, '2026-02-20')).sha256).not.toBe(a.sha256);
    expect((await demoEmployerLetter(2, 7, '2026-02-20')).sha256).not.toBe(a.sha256);
  });

  it('most print the declared date; a few print an older one; a few are scans', () => {
    const kinds = { clean: 0, older: 0, scan: 0 };
    for (let n = 1; n <= 1000; n++) kinds[demoLetterPlan(1, n, '2026-02-20').kind] += 1;
    expect(kinds.scan).toBeGreaterThanOrEqual(10);
    expect(kinds.older).toBeGreaterThanOrEqual(25);
    expect(kinds.clean).toBeGreaterThanOrEqual(900);
  });

  it('a clean letter prints the declared date, an older one an earlier date, a scan has no text layer', async () => {
    expect(await printedIn((await demoEmployerLetter(1, firstOf('clean'), '2026-02-20')).bytes)).toBe('2026-02-20');
    expect(await printedIn((await demoEmployerLetter(1, firstOf('older'), '2026-02-20')).bytes)).toMatch(/^20(25|26)-/);
    expect(await printedIn((await demoEmployerLetter(1, firstOf('older'), '2026-02-20')).bytes)).not.toBe('2026-02-20');
    const scan = await demoEmployerLetter(1, firstOf('scan'), '2026-02-20');
    expect((await PDFDocument.load(scan.bytes, { updateMetadata: false })).getProducer()).toBe('Demo scanner');
    expect((await pdfText(scan.bytes)).pages.join('').trim()).toBe('');
  });
});
