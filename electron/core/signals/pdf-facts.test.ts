import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import type { SignalView } from '../../../shared/domain/signals';
import { samplePolicy } from '../policy/sample-policy';
import type { DeskDb } from '../db/connection';
import { pdfFacts } from './pdf-facts';
import { readPdfFacts, editingTool } from './pdf-structure';
import type { SignalSubject } from './signal';
import { testPdf } from './testing/signal-bundles';

const UPLOADED = '2026-03-01T06:30:00.000Z';

function subject(bytes: Uint8Array, issuedAt: string | null = '2026-02-10'): SignalSubject {
  return {
    requestId: 7,
    reference: 'REQ-2026-000007',
    service: 'RENEWAL',
    submittedAt: UPLOADED,
    applicant: { idType: 'national_id', idNumber: '1000000001', nameAr: 'س', nameEn: 'S', birthDate: '1980-01-01', nationality: 'SA' },
    attachments: [
      {
        id: 70,
        kind: 'employer_letter',
        fileName: 'letter.pdf',
        mime: 'application/pdf',
        sha256: 'a'.repeat(64),
        issuedAt,
        uploadedAt: UPLOADED,
        bytes: () => Promise.resolve(bytes),
      },
    ],
    cpd: [],
  };
}

// pdf-facts reads only the files: no database is touched.
const run = async (s: SignalSubject): Promise<SignalView[]> => pdfFacts.run({ db: null as unknown as DeskDb, policy: samplePolicy(), subject: s });

/** A PDF with a signature dictionary whose /ByteRange covers the whole file as saved, then `appended` after it. */
async function signedPdf(appended: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage([200, 200]);
  const placeholder = [0, 1e9, 2e9, 3e9].map((n) => PDFNumber.of(n));
  const sig = doc.context.obj({ Type: 'Sig', Filter: 'Adobe.PPKLite' });
  sig.set(PDFName.of('ByteRange'), doc.context.obj(placeholder));
  doc.catalog.set(PDFName.of('TestSig'), doc.context.register(sig));
  const bytes = await doc.save({ useObjectStreams: false });
  const text = Buffer.from(bytes).toString('latin1');
  const len = bytes.length;
  // Same width as the placeholder so no offset moves: [0 1000000000 2000000000 3000000000].
  const fixed = text.replace('[ 0 1000000000 2000000000 3000000000 ]', `[ 0 ${pad(10)} ${pad(20)} ${pad(len - 20)} ]`);
  expect(fixed).not.toBe(text);
  return new Uint8Array(Buffer.from(fixed + appended, 'latin1'));
}
const pad = (n: number) => String(n).padStart(10, '0');

describe('pdf-facts', () => {
  it('passes a letter saved between its issue date and the upload, by a word processor', async () => {
    const pdf = await testPdf('ok', {
      created: new Date('2026-02-10T07:00:00Z'),
      modified: new Date('2026-02-10T07:05:00Z'),
      producer: 'Microsoft® Word for Microsoft 365',
    });
    expect(await run(subject(pdf))).toMatchObject([{ signal: 'pdf-facts', outcome: 'pass' }]);
  });

  it('warns when the file was modified after its upload (beyond an hour of clock drift), with the dates as evidence', async () => {
    const within = await testPdf('a', { created: new Date('2026-02-10T07:00:00Z'), modified: new Date('2026-03-01T07:29:00Z') });
    expect(await run(subject(within))).toMatchObject([{ outcome: 'pass' }]);
    const after = await testPdf('b', { created: new Date('2026-02-10T07:00:00Z'), modified: new Date('2026-03-01T07:31:00Z') });
    const [v] = await run(subject(after));
    expect(v).toMatchObject({
      outcome: 'warn',
      evidence: { modified: '2026-03-01T07:31:00.000Z', uploadedAt: UPLOADED },
      links: [{ kind: 'attachment', attachmentId: 70 }],
    });
    expect(v!.explanation.en).toContain('after its upload');
    expect(v!.explanation.ar).toContain('بعد رفعه');
  });

  it('warns when last saved more than a day before the declared issue date (an old letter re-dated)', async () => {
    const dayBefore = await testPdf('c', { created: new Date('2026-02-09T08:00:00Z'), modified: new Date('2026-02-09T08:00:00Z') });
    expect(await run(subject(dayBefore))).toMatchObject([{ outcome: 'pass' }]);
    const old = await testPdf('d', { created: new Date('2025-06-01T08:00:00Z'), modified: new Date('2026-02-08T08:00:00Z') });
    const [v] = await run(subject(old));
    expect(v).toMatchObject({ outcome: 'warn', evidence: { issuedAt: '2026-02-10' } });
    expect(v!.explanation.en).toContain('before its declared issue date 10 February 2026');
    // No declared issue date: nothing to compare.
    expect(await run(subject(old, null))).toMatchObject([{ outcome: 'pass' }]);
  });

  it('warns for a producer or creator made for editing (Photoshop, online editors), not for word processors', async () => {
    const edited = await testPdf('e', { created: new Date('2026-02-10T07:00:00Z'), producer: 'Adobe Photoshop 25.0', creator: 'Adobe Photoshop' });
    const [v] = await run(subject(edited));
    expect(v).toMatchObject({ outcome: 'warn', evidence: { producer: 'Adobe Photoshop 25.0' } });
    expect(v!.explanation.en).toContain('Adobe Photoshop');
    expect(editingTool('iLovePDF')).toBe('iLovePDF');
    expect(editingTool('Microsoft® Word 2019', 'Adobe Acrobat Pro DC 21.0')).toBeNull();
  });

  it('warns when a signed file was saved again after signing; a signed file left alone passes', async () => {
    const intact = await signedPdf('\n');
    expect(await readPdfFacts(intact)).toMatchObject({ signatures: 1, updatesAfterSignature: 0, bytesAfterSignature: 0 });
    expect(await run(subject(intact))).toMatchObject([{ outcome: 'pass' }]);
    const updated = await signedPdf('\n9 0 obj\n<< /Changed true >>\nendobj\nstartxref\n0\n%%EOF\n');
    expect(await readPdfFacts(updated)).toMatchObject({ signatures: 1, updatesAfterSignature: 1, eofMarkers: 2 });
    const [v] = await run(subject(updated));
    expect(v).toMatchObject({ outcome: 'warn', evidence: { updatesAfterSignature: 1 } });
    expect(v!.explanation.en).toContain('saved again after signing');
  });

  it('a file that is not a readable PDF warns that it was not checked, naming it', async () => {
    const [v] = await run(subject(new TextEncoder().encode('not a PDF at all')));
    expect(v).toMatchObject({ outcome: 'warn', evidence: { file: 'letter.pdf' } });
    expect(v!.explanation.en).toContain('could not be read');
  });
});
