import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { testDesk } from '../testing/test-desk';
import { samplePolicy } from '../policy/sample-policy';
import type { Desk } from '../desk/open-desk';
import { employerLetterPdf } from '../demo/ocr-letters';
import { employerLetterDate, employerLetterDateKept } from './employer-letter-date';
import { readingsSettled } from './letter-date/document-reading';
import { keepReading, keptReading } from './letter-date/document-dates';
import { READER_VERSION, type DocumentReading } from './letter-date/reading';
import { readWaitingLetters } from './letter-date/catch-up';
import { importTest, signalsOf, testBundle, testPdf, testPhoto } from './testing/signal-bundles';
import type { SignalSubject, SubjectAttachment } from './signal';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A letter attachment whose bytes() counts how often the file is read. */
function letter(bytes: Uint8Array, issuedAt: string | null, mime = 'application/pdf'): SubjectAttachment & { reads: number } {
  const a = {
    id: 7,
    kind: 'employer_letter',
    fileName: 'letter.pdf',
    mime,
    sha256: sha(bytes),
    issuedAt,
    reads: 0,
    bytes: () => {
      a.reads += 1;
      return Promise.resolve(bytes);
    },
  };
  return a;
}

function subject(attachments: SubjectAttachment[], requestId: number | null = null): SignalSubject {
  return {
    requestId,
    reference: 'REQ-2026-000042',
    service: 'REGISTRATION',
    submittedAt: '2026-03-01T08:00:00.000Z',
    applicant: { idType: 'national_id', idNumber: '1000000008', nameAr: 'محمد', nameEn: 'Mohammed', birthDate: '1980-05-14', nationality: 'SA' },
    attachments,
    cpd: [],
  };
}

const printed = (date: string, language: 'ar' | 'en' | 'both' = 'en') =>
  employerLetterPdf({ facility: 'Dallah Hospital', reference: `HR-${date}`, printed: date, joined: '2016-09-01', language });

async function undatedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  page.drawText('We confirm that the practitioner works with us.', { x: 50, y: 700, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save();
}

describe('employer-letter-date', () => {
  let desk: Desk;
  beforeEach(async () => {
    desk = (await testDesk()).desk;
  });
  afterEach(async () => {
    await readingsSettled(desk.db);
    await desk.close();
  });
  const run = (attachments: SubjectAttachment[], policy = samplePolicy(), requestId: number | null = null) =>
    employerLetterDate.run({ db: desk.db, policy, subject: subject(attachments, requestId) });

  it('passes when the text prints the declared date', async () => {
    const [view] = await run([letter(await printed('2026-02-20'), '2026-02-20')]);
    expect(view).toMatchObject({
      signal: 'employer-letter-date',
      outcome: 'pass',
      evidence: { declared: '2026-02-20', read: '2026-02-20', written: '20 February 2026', source: 'text-layer', basis: 'label', daysApart: 0 },
    });
    expect(view!.explanation.en).toContain('the declared date');
    expect(view!.explanation.ar).toContain('20 فبراير 2026');
  });

  it('warns and shows both dates when the text prints another', async () => {
    const [view] = await run([letter(await printed('2025-11-02'), '2026-02-20')]);
    expect(view).toMatchObject({ outcome: 'warn', evidence: { declared: '2026-02-20', read: '2025-11-02', daysApart: 110, toleranceDays: 0 } });
    expect(view!.explanation.en).toMatch(/2 November 2025[^]*20 February 2026/);
    expect(view!.explanation.ar).toMatch(/2 نوفمبر 2025[^]*20 فبراير 2026/);
  });

  it('reads a file handed over as a Node Buffer, as the blob stores give it', async () => {
    const [view] = await run([letter(Buffer.from(await printed('2026-02-20')), '2026-02-20')]);
    expect(view).toMatchObject({ outcome: 'pass', evidence: { read: '2026-02-20', source: 'text-layer' } });
  });

  it('links the letter when the request is stored', async () => {
    const a = letter(await printed('2026-02-20'), '2026-02-20');
    await run([a]); // kept, so the stored request's run below answers at once
    const [view] = await run([a], samplePolicy(), 42);
    expect(view!.links).toEqual([{ kind: 'attachment', attachmentId: 7, requestId: 42, reference: 'REQ-2026-000042', fileName: 'letter.pdf' }]);
  });

  it('the tolerance is inclusive: at it passes, a day past it warns; the default is the same day', async () => {
    const wide = { ...samplePolicy(), employerLetterDateToleranceDays: 2 };
    expect((await run([letter(await printed('2026-02-18'), '2026-02-20')], wide))[0]!.outcome).toBe('pass');
    expect((await run([letter(await printed('2026-02-17'), '2026-02-20')], wide))[0]!.outcome).toBe('warn');
    expect((await run([letter(await printed('2026-02-19'), '2026-02-20')]))[0]!).toMatchObject({ outcome: 'warn', evidence: { daysApart: 1 } });
  });

  it('a date read in Hijri is allowed a day more', async () => {
    // The Arabic letter's label stands first beside its Hijri date.
    const [same] = await run([letter(await printed('2026-02-20', 'ar'), '2026-02-21')]);
    expect(same).toMatchObject({ outcome: 'pass', evidence: { calendar: 'hijri', daysApart: 1, toleranceDays: 1 } });
  });

  it('passes with "no date could be read" when the text has no date', async () => {
    const [view] = await run([letter(await undatedPdf(), '2026-02-20')]);
    expect(view).toMatchObject({ outcome: 'pass', evidence: { read: null, source: 'text-layer', declared: '2026-02-20' } });
    expect(view!.explanation.en).toMatch(/^No date could be read/);
  });

  it('names a file it cannot read instead of failing', async () => {
    const [view] = await run([letter(new TextEncoder().encode('%PDF-1.7 broken'), '2026-02-20')]);
    expect(view).toMatchObject({ outcome: 'pass', evidence: { read: null, source: 'none' } });
    expect(String(view!.evidence.problem)).toMatch(/could not be opened/);
  });

  it('says what the text prints when no date was declared', async () => {
    const [view] = await run([letter(await printed('2026-02-20'), null)]);
    expect(view).toMatchObject({ outcome: 'pass', evidence: { declared: null, read: '2026-02-20' } });
  });

  it('has nothing to say without an employer letter', async () => {
    expect(await run([])).toEqual([]);
  });

  it('a stored request gets "reading…" at once, then the kept reading without reading the file again', async () => {
    const a = letter(await printed('2025-11-02'), '2026-02-20');
    const [first] = await run([a], samplePolicy(), 42);
    expect(first).toMatchObject({ outcome: 'pass', evidence: { pending: true } });
    expect(first!.explanation.en).toMatch(/^Reading the document…/);
    await readingsSettled(desk.db);
    expect((await keptReading(desk.db, a.sha256))?.source).toBe('text-layer');
    const [second] = await run([a], samplePolicy(), 42);
    expect(second).toMatchObject({ outcome: 'warn', evidence: { read: '2025-11-02' } });
    expect(second!.evidence.pending).toBeUndefined();
    // `desk check` of the same file reuses the reading too.
    await run([a]);
    expect(a.reads).toBe(1);
  });

  it('a reading kept by an older reader is read again; one kept by a newer reader is left alone', async () => {
    const a = letter(await printed('2026-02-20'), '2026-02-20');
    const stale: DocumentReading = { source: 'none', dates: [], pages: 0, characters: 0, languages: null, problem: 'old', millis: 1 };
    const row = { sha256: a.sha256, source: 'none' as const, reading: JSON.stringify(stale), millis: 1, read_at: '2026-01-01T00:00:00Z' };
    await desk.db
      .insertInto('document_dates')
      .values({ ...row, reader: READER_VERSION - 1 })
      .execute();
    expect(await keptReading(desk.db, a.sha256)).toBeNull();
    expect((await run([a]))[0]).toMatchObject({ outcome: 'pass', evidence: { read: '2026-02-20' } });
    expect(a.reads).toBe(1);
    await desk.db
      .updateTable('document_dates')
      .set({ reader: READER_VERSION + 1, reading: JSON.stringify(stale) })
      .execute();
    await keepReading(desk.db, a.sha256, { ...stale, problem: 'mine' }, '2026-03-01T00:00:00Z');
    const kept = await desk.db.selectFrom('document_dates').select(['reader', 'reading']).executeTakeFirstOrThrow();
    expect([kept.reader, (JSON.parse(kept.reading) as DocumentReading).problem]).toEqual([READER_VERSION + 1, 'old']);
  });

  it('a file the store cannot give is named at the next open, and read again at the one after', async () => {
    const a = letter(await printed('2026-02-20'), '2026-02-20');
    const missing = { ...a, bytes: () => Promise.reject(new Error('letter.pdf is missing from the folder store')) };
    expect((await run([missing], samplePolicy(), 42))[0]!.evidence.pending).toBe(true);
    await readingsSettled(desk.db);
    const [told] = await run([missing], samplePolicy(), 42);
    expect(told).toMatchObject({ outcome: 'pass', evidence: { read: null, source: 'none', problem: 'letter.pdf is missing from the folder store' } });
    expect((await run([a], samplePolicy(), 42))[0]!.evidence.pending).toBe(true);
  });

  it('a file opened twice while it is read is read once', async () => {
    const a = letter(await printed('2026-02-20'), '2026-02-20');
    await Promise.all([run([a], samplePolicy(), 42), run([a], samplePolicy(), 43), run([a])]);
    expect(a.reads).toBe(1);
  });
});

describe('employer-letter-date on imported requests', () => {
  it('the background round reads waiting requests’ letters once; the kept-only signal then answers', async () => {
    const t = await testDesk();
    try {
      const files = { letter: await printed('2025-12-01'), work: await testPdf('work'), photo: testPhoto(1) };
      const requestId = await importTest(t, testBundle({}, files));
      // Before any reading, the kept-only signal (the dashboard's) says nothing and opens no file.
      expect(await signalsOf(t, requestId, [employerLetterDateKept])).toEqual([]);
      expect(await readWaitingLetters(t.desk.db, t.desk.blobs, 10, 0)).toEqual({ read: 1, failed: [] });
      expect(await readWaitingLetters(t.desk.db, t.desk.blobs, 10, 0)).toEqual({ read: 0, failed: [] });
      const [view] = await signalsOf(t, requestId, [employerLetterDateKept]);
      // The bundle declares the letter issued on 2026-01-15.
      expect(view).toMatchObject({ outcome: 'warn', evidence: { declared: '2026-01-15', read: '2025-12-01', daysApart: 45 } });
      expect(view!.links).toEqual([expect.objectContaining({ kind: 'attachment', requestId, fileName: 'letter.pdf' })]);
      expect(await signalsOf(t, requestId, [employerLetterDate])).toEqual([view]);
    } finally {
      await t.desk.close();
    }
  });
});
