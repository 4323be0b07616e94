/** Test helpers: write request bundles (folders and zips) the way the portal would. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { zipSync } from 'fflate';

export const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');
export const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
export const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests write deliberately wrong requests too
export type AnyRequest = Record<string, any>;

export function goodRequestJson(over: AnyRequest = {}): AnyRequest {
  return {
    schema: 'mumaris-request/1',
    service: 'RENEWAL',
    submittedAt: '2026-03-01T09:30:00+03:00',
    applicant: {
      nameAr: 'محمد بن عبدالله الشهري',
      nameEn: 'Mohammed Abdullah Alshehri',
      nationality: 'SA',
      idType: 'national_id',
      idNumber: '1000000008',
      idExpiry: null,
      birthDate: '1980-05-14',
      gender: 'male',
      email: 'm.alshehri@example.com',
      mobile: '+966501234567',
      registrationNumber: '12RM0034567',
      profession: 'Physician',
      specialty: 'Internal Medicine',
      category: 'consultant',
      card: { number: 'C-2023-001122', issuedAt: '2023-04-01', expiresAt: '2026-04-01' },
    },
    employer: { type: 'government', facility: 'King Fahad Medical City' },
    internshipCompleted: true,
    questionnaire: [{ id: 'disciplinary', question: { ar: 'هل سبق…', en: 'Have you ever…' }, answer: false }],
    cpd: { recordedHours: 22, activities: [{ title: 'ACLS', provider: 'SHA', hours: 8, date: '2025-11-01', kind: 'course' }] },
    experiences: [{ employer: 'KFMC', position: 'Consultant', from: '2019-01-01', to: null, country: 'SA' }],
    attachments: [
      { kind: 'employer_letter', file: 'files/letter.pdf', issuedAt: '2026-01-15', certified: false },
      { kind: 'work_certificate', file: 'files/work.pdf' },
      { kind: 'photo', file: 'files/photo.jpg' },
    ],
    notes: [{ text: 'أرفقت الشهادة المحدثة.', at: '2026-03-01T09:29:00+03:00' }],
    ...over,
  };
}

export const GOOD_FILES: Record<string, Uint8Array> = { 'files/letter.pdf': PDF, 'files/work.pdf': PDF, 'files/photo.jpg': JPEG };

/** A bundle folder; `request` may be a string to write broken JSON. */
export function writeFolder(
  request: AnyRequest | string,
  files: Record<string, Uint8Array> = GOOD_FILES,
  root = mkdtempSync(join(tmpdir(), 'bundles-')),
  name = 'bundle',
): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'request.json'), typeof request === 'string' ? request : JSON.stringify(request));
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
  return dir;
}

export function writeZip(request: AnyRequest, files: Record<string, Uint8Array> = GOOD_FILES, inFolder = false, name = 'bundle.zip'): string {
  const prefix = inFolder ? 'bundle/' : '';
  const entries: Record<string, Uint8Array> = { [`${prefix}request.json`]: new TextEncoder().encode(JSON.stringify(request)) };
  for (const [p, b] of Object.entries(files)) entries[prefix + p] = b;
  const file = join(mkdtempSync(join(tmpdir(), 'bundles-')), name);
  writeFileSync(file, zipSync(entries));
  return file;
}
