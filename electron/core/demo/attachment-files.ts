/**
 * Demo attachment files: PDF letters and certificates with text, and JPEG
 * photos, made once per seed and shared between requests (stored once by SHA-256).
 */
import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { SeededRandom } from './random';
import { paintedJpeg } from './painted-jpeg';
import type { DemoFile } from './demo-file';

const TITLES: Record<string, string> = {
  employer_letter: 'Employer introduction letter',
  work_certificate: 'Certificate of continued practice',
  bachelor_certificate: "Bachelor's degree certificate (certified copy)",
  internship_certificate: 'Internship year completion certificate',
  transcript: 'Academic transcript',
  medical_report: 'Medical fitness report',
  national_id: 'National ID (copy)',
  iqama: 'Residence permit (copy)',
  passport: 'Passport (copy)',
  cpd_certificate: 'CPD activity certificate',
  experience_certificate: 'Experience certificate',
  professional_license: 'Professional licence',
};

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function letter(kind: string, variant: number, facility: string): Promise<DemoFile> {
  const doc = await PDFDocument.create();
  doc.setTitle(TITLES[kind] ?? kind);
  doc.setCreator('Mumaris Review Desk demo data');
  // Fixed dates: the same seed must give the same bytes (and the same SHA-256).
  doc.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  doc.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([595.28, 841.89]);
  page.drawRectangle({ x: 40, y: 770, width: 515, height: 40, color: rgb(0.05, 0.45, 0.4) });
  page.drawText(facility, { x: 52, y: 784, size: 16, font: bold, color: rgb(1, 1, 1) });
  page.drawText(TITLES[kind] ?? kind, { x: 52, y: 720, size: 18, font: bold });
  const lines = [
    `Reference: ${kind.toUpperCase().slice(0, 3)}-${1000 + variant}`,
    '',
    'To the Saudi Commission for Health Specialties,',
    '',
    'This document is issued at the request of the practitioner named in the',
    'accompanying application, for submission through Mumaris Plus.',
    '',
    kind === 'employer_letter' || kind === 'work_certificate'
      ? 'We confirm that the practitioner is employed with us and continues to practise.'
      : 'The details above are certified as a true copy of the original.',
    '',
    'Demo data: this is not a real document.',
  ];
  lines.forEach((l, i) => page.drawText(l, { x: 52, y: 680 - i * 20, size: 12, font }));
  page.drawText('Signature and stamp', { x: 380, y: 200, size: 11, font, color: rgb(0.4, 0.4, 0.4) });
  page.drawCircle({ x: 440, y: 150, size: 36, borderColor: rgb(0.1, 0.3, 0.7), borderWidth: 2 });
  const bytes = await doc.save({ useObjectStreams: false });
  return { bytes, mime: 'application/pdf', sha256: sha(bytes), fileName: `${kind}-${variant}.pdf` };
}

/** A passport-style photo: a plain background and a head-and-shoulders silhouette. */
function photo(variant: number, rng: SeededRandom): DemoFile {
  const bg = [220 + rng.int(0, 30), 225 + rng.int(0, 25), 235];
  const tone = [120 + rng.int(0, 90), 90 + rng.int(0, 70), 70 + rng.int(0, 50)];
  const cloth = [rng.int(20, 80), rng.int(40, 110), rng.int(60, 140)];
  return paintedJpeg(
    240,
    300,
    (x, y) => {
      const head = (x - 120) ** 2 / 55 ** 2 + (y - 120) ** 2 / 70 ** 2 <= 1;
      const shoulders = y > 200 && (x - 120) ** 2 / 110 ** 2 + (y - 300) ** 2 / 95 ** 2 <= 1;
      return head ? tone : shoulders ? cloth : bg;
    },
    `photo-${variant}.jpg`,
  );
}

export interface DemoFilePool {
  letter(kind: string): DemoFile;
  photo(): DemoFile;
}

export async function makeDemoFiles(rng: SeededRandom, facilities: readonly string[]): Promise<DemoFilePool> {
  const letters = new Map<string, DemoFile[]>();
  for (const kind of Object.keys(TITLES)) {
    const variants: DemoFile[] = [];
    for (let v = 0; v < 3; v++) variants.push(await letter(kind, v, facilities[(v * 3 + kind.length) % facilities.length]!));
    letters.set(kind, variants);
  }
  const photos = Array.from({ length: 8 }, (_, v) => photo(v, rng));
  return {
    letter: (kind) => rng.pick(letters.get(kind) ?? letters.get('employer_letter')!),
    photo: () => rng.pick(photos),
  };
}
