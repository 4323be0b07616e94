/**
 * The demo's employer letters, each dated in its own text so the employer-letter-date signal has something
 * to read: most say the date the request declares (clean), a few say an older one (a stale letter declared
 * fresh), and a few are scans (image-only PDFs of the fixtures in resources/demo, read by OCR) whose printed date
 * differs from the declared one. Each letter is its own file: the same letter on two applicants' requests
 * would be a reused document. The choice uses its own generator, so the rest of the demo stays as it was.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledFolder } from '../desk/bundled-resources';
import { PDFDocument, rgb } from 'pdf-lib';
import { Typesetter } from '../documents/text/typesetter';
import { hijriDay, longDate } from '../time/hijri';
import { addDays } from '../time/day-arithmetic';
import { SeededRandom } from './random';
import { FACILITIES } from './names';
import type { DemoFile } from './demo-file';

/** The scans in resources/demo (made once with pdftoppm from letters like these, see its README) and the date each one prints. */
export const SCAN_FIXTURES = [
  { file: 'employer-letter-scan-en.jpg', printed: '2025-11-02', language: 'en' },
  { file: 'employer-letter-scan-ar.jpg', printed: '2025-10-20', language: 'ar' },
] as const;

export const fixturesFolder = (): string => bundledFolder('demo', SCAN_FIXTURES[0].file);

export interface LetterText {
  facility: string;
  reference: string;
  /** The date the letter prints (YYYY-MM-DD). */
  printed: string;
  /** The day the practitioner joined: a second, older date in the text that is not the letter's. */
  joined: string;
  language: 'ar' | 'en' | 'both';
}

const TEAL = rgb(0.05, 0.45, 0.4);

/** An A4 employer letter with a text layer, in Arabic, English or both, its date under a "Date / التاريخ" label. */
export async function employerLetterPdf(l: LetterText): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle('Employer introduction letter');
  doc.setCreator('Mumaris Review Desk demo data');
  // Fixed dates: the same seed must give the same bytes (and the same SHA-256).
  doc.setCreationDate(new Date(`${l.printed}T07:00:00Z`));
  doc.setModificationDate(new Date(`${l.printed}T07:00:00Z`));
  const ts = await Typesetter.for(doc);
  const page = doc.addPage([595.28, 841.89]);
  page.drawRectangle({ x: 40, y: 770, width: 515, height: 40, color: TEAL });
  ts.draw(page, l.facility, { x: 52, y: 784, size: 16, bold: true, color: rgb(1, 1, 1) });
  let y = 730;
  const line = (text: string, rtl: boolean, size = 12, bold = false) => {
    ts.draw(page, text, { x: rtl ? 543 : 52, y, size, bold, align: rtl ? 'right' : 'left', direction: rtl ? 'rtl' : 'ltr' });
    y -= size * 1.9;
  };
  if (l.language !== 'en') {
    const d = longDate(l.printed, 'ar');
    line('خطاب تعريف', true, 18, true);
    line(`الرقم: ${l.reference}`, true);
    line(`التاريخ: ${hijriDay(l.printed)} هـ الموافق ${d.gregorian}`, true);
    line('إلى الهيئة السعودية للتخصصات الصحية،', true);
    line(`نفيدكم بأن الممارس المذكور في الطلب يعمل لدينا منذ ${l.joined.replaceAll('-', '/')} م`, true);
    line('ولا يزال على رأس العمل، وقد أعطي هذا الخطاب بناء على طلبه.', true);
    line('بيانات تجريبية: ليست وثيقة حقيقية.', true, 10);
    y -= 20;
  }
  if (l.language !== 'ar') {
    line('Employer introduction letter', false, 18, true);
    line(`Ref: ${l.reference}`, false);
    line(`Date: ${longDate(l.printed, 'en').gregorian}`, false);
    line('To the Saudi Commission for Health Specialties,', false);
    line(`We confirm that the practitioner named in the application has worked with us since ${l.joined}`, false);
    line('and continues to practise. This letter is issued at the practitioner’s request.', false);
    line('Demo data: this is not a real document.', false, 10);
  }
  page.drawCircle({ x: 440, y: 150, size: 36, borderColor: rgb(0.1, 0.3, 0.7), borderWidth: 2 });
  ts.finish();
  return doc.save({ useObjectStreams: false });
}

/** A scan fixture as the image-only PDF a scanner makes; `reference` makes each request's file its own. */
export async function scannedLetterPdf(fixture: (typeof SCAN_FIXTURES)[number], reference: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Scan ${reference}`);
  doc.setProducer('Demo scanner');
  doc.setCreationDate(new Date(`${fixture.printed}T07:00:00Z`));
  doc.setModificationDate(new Date(`${fixture.printed}T07:00:00Z`));
  const jpg = await doc.embedJpg(readFileSync(join(fixturesFolder(), fixture.file)));
  // The fixtures are cut to the letter's head: laid on an A4 page at 150 dpi, as scanned.
  const scale = 72 / 150;
  const page = doc.addPage([595.28, 841.89]);
  page.drawImage(jpg, { x: 0, y: 841.89 - jpg.height * scale, width: jpg.width * scale, height: jpg.height * scale });
  return doc.save({ useObjectStreams: false });
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export type DemoLetterPlan =
  { kind: 'scan'; reference: string; fixture: (typeof SCAN_FIXTURES)[number] } | { kind: 'clean' | 'older'; reference: string; text: LetterText };

/**
 * What request n's employer letter, declared issued on `issuedAt`, will be: 1 in 25 prints an older date
 * than declared, 1 in 50 is a scan (the fixtures' dates), the rest print the declared date.
 */
export function demoLetterPlan(seed: number, n: number, issuedAt: string): DemoLetterPlan {
  const rng = new SeededRandom((seed ^ Math.imul(n, 0x9e3779b1)) >>> 0);
  const facility = rng.pick(FACILITIES);
  const roll = rng.next();
  const reference = `HR-${issuedAt.slice(0, 4)}-${String(n).padStart(5, '0')}`;
  if (roll < 0.02) return { kind: 'scan', reference, fixture: rng.pick(SCAN_FIXTURES) };
  const older = roll < 0.06;
  const printed = older ? addDays(issuedAt, -rng.int(30, 150)) : issuedAt;
  const language = rng.pick(['ar', 'en', 'both'] as const);
  const joined = `${Number(issuedAt.slice(0, 4)) - rng.int(1, 12)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`;
  return { kind: older ? 'older' : 'clean', reference, text: { facility, reference, printed, joined, language } };
}

/** Request n's employer letter as a file (demoLetterPlan says which). */
export async function demoEmployerLetter(seed: number, n: number, issuedAt: string): Promise<DemoFile> {
  const plan = demoLetterPlan(seed, n, issuedAt);
  const bytes = plan.kind === 'scan' ? await scannedLetterPdf(plan.fixture, plan.reference) : await employerLetterPdf(plan.text);
  return { bytes, mime: 'application/pdf', sha256: sha(bytes), fileName: `employer-letter-${plan.reference}.pdf` };
}
