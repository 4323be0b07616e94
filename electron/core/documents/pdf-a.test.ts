import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFString, StandardFonts } from 'pdf-lib';
import { cardsPdf } from './card-pdf';
import { letterPdf } from './letters/letter-pdf';
import { caseReportPdf } from './case-report-pdf';
import { facts } from './testing/case-report-facts';
import { loadCardSigner } from './card-signing';
import { describeDocument } from './metadata';
import { savePdfA } from './pdf-a';
import { Typesetter } from './text/typesetter';
import { checkPdfA, describeProblems } from './testing/pdfa-check';
import { PHARMACIST, testCard, testLetter } from './testing/document-facts';
import { EXPORT_COLUMNS, type ExportSource } from '../reports/export-columns';
import { openSink } from '../reports/export-sinks';
import type { CardFacts } from './card-facts';

const signer = loadCardSigner(null);
const NOW = new Date('2026-11-30T09:15:42.123Z');

function photo(): NonNullable<CardFacts['photo']> {
  const width = 60;
  const height = 80;
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([120 + (i % 60), 150, 190 - ((i / 60) % 80), 255], i * 4);
  const bytes = new Uint8Array(jpeg.encode({ data, width, height }, 80).data);
  return { bytes, mime: 'image/jpeg', sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** A PNG with an alpha channel (pdf-lib draws it with a soft mask: transparency, allowed in PDF/A-2). */
function pngPhoto(): NonNullable<CardFacts['photo']> {
  const width = 40;
  const height = 50;
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rows.set([90 + x, 140, 200 - y, x < 4 ? 0 : 255], y * (width * 4 + 1) + 1 + x * 4);
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const bytes = new Uint8Array(
    Buffer.concat([
      Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(rows)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
  return { bytes, mime: 'image/png', sha256: createHash('sha256').update(bytes).digest('hex') };
}

function card(preview: boolean): CardFacts {
  return testCard(signer, {
    nameAr: 'نورة "لولوة" (الجوهرة) عبدُ اللهِ آل الشيخ',
    nameEn: 'Noura "Lulwa" (Aljawhara) Al-Sheikh',
    idNumber: '1012345678',
    number: 'C-2026-000042',
    ...PHARMACIST,
    photo: photo(),
    preview,
  });
}

async function exportPdf(lang: 'ar' | 'en'): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-pdfa-'));
  try {
    const file = join(dir, 'export.pdf');
    const sink = await openSink('pdf', {
      file,
      columns: [...EXPORT_COLUMNS],
      lang,
      title: 'طلبات جديدة — New requests',
      footer: 'admin · 2026-11-30',
      total: 2,
    });
    const source: ExportSource = {
      reference: 'REQ-2026-000123',
      service: 'REGISTRATION',
      status: 'submitted',
      submitted_at: '2026-11-21T21:30:00Z',
      return_due_at: null,
      name_ar: 'لمى عبدالإله آل الشيخ',
      name_en: 'Lama Abdulelah Al Alsheikh',
      id_number: '1098765432',
      nationality: 'SA',
      profession: 'Physician',
      specialty: 'Internal Medicine',
      category: 'consultant',
      email: 'l@example.com',
      mobile: '+966512345678',
      assignee_name: null,
    };
    for (const reference of ['REQ-2026-000123', 'REQ-2026-000124'])
      await sink.row(EXPORT_COLUMNS.map((c) => c.value({ ...source, reference }, lang, '2026-11-30')));
    await sink.finish();
    return new Uint8Array(readFileSync(file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const LETTER = testLetter(signer, {
  nameAr: 'عبدُ اللهِ بنُ سلامٍ الدوسري',
  nameEn: 'Abdullah Salam Aldosari',
  idNumber: '1012345678',
  gender: 'male',
  service: 'GOOD_STANDING',
});

const DOCUMENTS: Array<[string, () => Promise<Uint8Array>]> = [
  ['a CR80 card with a photo', () => cardsPdf([card(false)], 'cr80', { now: NOW })],
  ['an A4 sheet of previewed cards (a translucent band)', () => cardsPdf([card(true), card(true)], 'a4', { now: NOW })],
  ['a CR80 card with a PNG photo with transparency', () => cardsPdf([{ ...card(false), photo: pngPhoto() }], 'cr80', { now: NOW })],
  ['a letter', () => letterPdf(LETTER, { now: NOW })],
  ['an Arabic case report', () => caseReportPdf(facts('ar'))],
  ['an English case report', () => caseReportPdf(facts('en'))],
  ['an Arabic report export', () => exportPdf('ar')],
  ['an English report export', () => exportPdf('en')],
];

describe('every PDF the desk makes is PDF/A-2b', () => {
  it.each(DOCUMENTS)('%s passes every check', async (_, make) => {
    const pdf = await make();
    const problems = await checkPdfA(pdf);
    expect(problems, describeProblems(problems)).toEqual([]);
  });

  it('says PDF/A-2b in XMP that repeats the Info dictionary, with sRGB as the output intent and the file digest as its identifier', async () => {
    const pdf = await letterPdf(LETTER, { now: NOW });
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(raw).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(raw).toContain('<xmp:CreateDate>2026-11-30T09:15:42Z</xmp:CreateDate>');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-11-30T09:15:42.000Z');
    const intent = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray).lookup(0, PDFDict);
    expect(intent.get(PDFName.of('S'))?.toString()).toBe('/GTS_PDFA1');
    expect(intent.lookup(PDFName.of('OutputConditionIdentifier'), PDFString).decodeText()).toBe('sRGB IEC61966-2.1');
    // The same document made twice is the same file, identifier included; another document differs.
    const again = await letterPdf(LETTER, { now: NOW });
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
    const id = /\/ID \[ <([0-9A-F]{32})> <([0-9A-F]{32})> \]/.exec(raw);
    expect(id?.[1]).toBe(id?.[2]);
    const other = Buffer.from(await letterPdf({ ...LETTER, reference: 'REQ-2026-000124' }, { now: NOW })).toString('latin1');
    expect(/\/ID \[ <([0-9A-F]{32})>/.exec(other)?.[1]).not.toBe(id?.[1]);
  });

  it('refuses to save a document that was never described (no title, no dates for the XMP)', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.addPage();
    await expect(savePdfA(doc)).rejects.toThrow(/title and its dates/);
  });
});

describe('the PDF/A checker', () => {
  it('finds what a plain pdf-lib file lacks: XMP, output intent, identifier', async () => {
    const doc = await PDFDocument.create();
    describeDocument(doc, { title: 'بطاقة', subject: 'test', now: NOW });
    const ts = await Typesetter.for(doc);
    ts.draw(doc.addPage([300, 200]), 'نورة Noura', { x: 20, y: 100, size: 12 });
    ts.finish();
    const rules = (await checkPdfA(await doc.save())).map((p) => p.rule);
    expect(rules).toEqual(expect.arrayContaining(['6.1.3-1', '6.2.2-1', '6.6.2.1-1']));
  });

  it('finds a font left out, JavaScript, and an Info dictionary the XMP contradicts', async () => {
    const doc = await PDFDocument.create();
    describeDocument(doc, { title: 'Report', subject: 'test', now: NOW });
    const page = doc.addPage([300, 200]);
    page.drawText('Helvetica is not embedded', { x: 20, y: 100, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }));
    const pdf = await savePdfA(doc);
    // The title changed after the XMP was written: the two now disagree.
    const loaded = await PDFDocument.load(pdf, { updateMetadata: false });
    loaded.setTitle('Another title');
    const rules = (await checkPdfA(await savePdfA(loaded))).map((p) => p.rule);
    expect(rules).toEqual(expect.arrayContaining(['6.2.11.4.1-1', '6.5.1-1', '6.6.3-1']));
  });

  it('finds glyph widths that disagree with the embedded font program', async () => {
    const loaded = await PDFDocument.load(await letterPdf(LETTER, { now: NOW }), { updateMetadata: false });
    const cidFont = loaded.context
      .enumerateIndirectObjects()
      .map(([, o]) => o)
      .find((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of('Subtype'))?.toString() === '/CIDFontType2')!;
    const widths = cidFont.lookup(PDFName.of('W'), PDFArray).lookup(1, PDFArray);
    widths.set(0, PDFNumber.of(widths.lookup(0, PDFNumber).asNumber() + 40));
    const rules = (await checkPdfA(await savePdfA(loaded))).map((p) => p.rule);
    expect(rules).toContain('6.2.11.5-1');
  });
});
