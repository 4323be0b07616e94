import { afterEach, describe, expect, it } from 'vitest';
import type { SignalSubject, SignalContext } from './signal';
import type { DeskDb } from '../db/connection';
import { samplePolicy } from '../policy/sample-policy';
import { cpdLateRenewal } from './cpd-late-renewal';
import { cpdDeadlineCramming } from './cpd-deadline-cramming';
import { cpdUnknownProvider } from './cpd-unknown-provider';
import { cpdHoursPerDay } from './cpd-hours-per-day';
import { cpdSameCertificate } from './cpd-same-certificate';
import { SIGNALS } from './index';
import { testDesk } from '../testing/test-desk';
import { importBundles } from '../intake/import-batch';
import { GOOD_FILES, goodRequestJson, writeFolder } from '../intake/testing/request-bundles';
import { subjectFromRequest } from './subject';

type Activity = SignalSubject['cpd'][number];
const course = (date: string, hours: number, over: Partial<Activity> = {}): Activity => ({
  title: 'ACLS',
  provider: 'SHA',
  kind: 'course',
  date,
  hours,
  ...over,
});

function subject(over: Partial<SignalSubject> = {}, card: string | null = '2026-04-01'): SignalSubject {
  return {
    requestId: null,
    reference: 'bundle',
    service: 'RENEWAL',
    submittedAt: '2026-03-01T09:30:00+03:00',
    applicant: {
      idType: 'national_id',
      idNumber: '1000000008',
      nameAr: 'محمد',
      nameEn: 'Mohammed',
      birthDate: '1980-05-14',
      nationality: 'SA',
      card: card ? { expiresAt: card } : null,
    },
    attachments: [],
    cpd: [course('2025-06-01', 8)],
    ...over,
  };
}

/** Pure signals never touch the database when the subject carries the card. */
const ctx = (s: SignalSubject, policy = samplePolicy()): SignalContext => ({ db: null as unknown as DeskDb, policy, subject: s });
const outcome = async (sig: typeof cpdLateRenewal, s: SignalSubject, policy = samplePolicy()) =>
  (await sig.run(ctx(s, policy))).map((v) => v.outcome);

describe('CPD risk signals', () => {
  it('are registered in SIGNALS, each once', () => {
    const ids = SIGNALS.map((s) => s.id);
    for (const id of ['cpd-late-renewal', 'cpd-deadline-cramming', 'cpd-unknown-provider', 'cpd-hours-per-day', 'cpd-same-certificate'])
      expect(ids.filter((x) => x === id)).toHaveLength(1);
  });

  it('say nothing about services without CPD hours', async () => {
    for (const sig of [cpdLateRenewal, cpdDeadlineCramming, cpdUnknownProvider, cpdHoursPerDay])
      expect(await sig.run(ctx(subject({ service: 'TRAINING_LETTER' })))).toEqual([]);
  });

  it('late renewal: the expiry day itself is on time, the day after warns with the days late', async () => {
    expect(await outcome(cpdLateRenewal, subject({ submittedAt: '2026-04-01T10:00:00+03:00' }))).toEqual(['pass']);
    const [late] = await cpdLateRenewal.run(ctx(subject({ submittedAt: '2026-04-02T10:00:00+03:00' })));
    expect(late).toMatchObject({ outcome: 'warn', evidence: { cardExpiresAt: '2026-04-01', submitted: '2026-04-02', daysLate: 1 } });
    expect(late!.explanation.en).toContain('1 day after the card expired on 1 April 2026');
    expect(late!.explanation.ar).toContain('بعد يوم واحد من انتهاء البطاقة في 1 أبريل 2026');
    // Riyadh's day counts: 22:00 UTC on the 1st is already the 2nd in Riyadh.
    expect(await outcome(cpdLateRenewal, subject({ submittedAt: '2026-04-01T22:00:00Z' }))).toEqual(['warn']);
  });

  it('deadline cramming: warns from the policy share and hours on, within the policy weeks before the expiry', async () => {
    // 8 weeks before 2026-04-01 is 2026-02-04. 80 % in the window warns (the threshold itself), 79 % does not;
    // and it takes 15 hours in the window (the policy's minimum) to warn at all.
    const at80 = subject({ cpd: [course('2026-02-04', 8), course('2026-03-20', 8), course('2025-06-01', 4)] });
    const [w] = await cpdDeadlineCramming.run(ctx(at80));
    expect(w).toMatchObject({ outcome: 'warn', evidence: { windowStart: '2026-02-04', hoursInWindow: 16, totalHours: 20, share: 0.8 } });
    expect(w!.explanation.en).toContain('16 of 20 hours (80%)');
    const justOutside = subject({ cpd: [course('2026-02-03', 8), course('2026-03-20', 8), course('2025-06-01', 4)] });
    expect(await outcome(cpdDeadlineCramming, justOutside)).toEqual(['pass']);
    const at79 = subject({ cpd: [course('2026-03-01', 15.8), course('2025-06-01', 4.2)] });
    expect(await outcome(cpdDeadlineCramming, at79)).toEqual(['pass']);
    expect(await outcome(cpdDeadlineCramming, subject({ cpd: [course('2026-03-01', 15)] }))).toEqual(['warn']);
    expect(await outcome(cpdDeadlineCramming, subject({ cpd: [course('2026-03-01', 14.5)] }))).toEqual(['pass']);
    expect(await outcome(cpdDeadlineCramming, subject({ cpd: [] }))).toEqual(['pass']);
    const policy = samplePolicy();
    policy.cpdAudit.crammingWeeks = 52;
    expect(await outcome(cpdDeadlineCramming, subject({ cpd: [course('2025-06-01', 16)] }), policy)).toEqual(['warn']);
  });

  it('unknown provider: compared without case or extra spaces; names each unknown one', async () => {
    expect(await outcome(cpdUnknownProvider, subject({ cpd: [course('2025-06-01', 8, { provider: '  moh   academy ' })] }))).toEqual(['pass']);
    const [w] = await cpdUnknownProvider.run(
      ctx(subject({ cpd: [course('2025-06-01', 8), course('2025-07-01', 6, { provider: 'Quick CME Online' })] })),
    );
    expect(w).toMatchObject({ outcome: 'warn', evidence: { activities: 2, unknown: [{ provider: 'Quick CME Online', hours: 6 }] } });
    expect(w!.explanation.en).toContain('Quick CME Online');
    expect(w!.explanation.ar).toContain('Quick CME Online');
  });

  it('hours per day: a course day holds 12 hours; the same kind on one day adds up; other kinds take the default', async () => {
    expect(await outcome(cpdHoursPerDay, subject({ cpd: [course('2025-06-01', 12)] }))).toEqual(['pass']);
    const [w] = await cpdHoursPerDay.run(ctx(subject({ cpd: [course('2025-06-01', 9), course('2025-06-01', 3.5, { title: 'BLS' })] })));
    expect(w).toMatchObject({ outcome: 'warn', evidence: { over: [{ date: '2025-06-01', kind: 'course', hours: 12.5, max: 12 }] } });
    expect(await outcome(cpdHoursPerDay, subject({ cpd: [course('2025-06-01', 4, { kind: 'lecture' }), course('2025-06-01', 12)] }))).toEqual([
      'pass',
    ]);
    expect(await outcome(cpdHoursPerDay, subject({ cpd: [course('2025-06-01', 4.5, { kind: 'lecture' })] }))).toEqual(['warn']);
    expect(await outcome(cpdHoursPerDay, subject({ cpd: [course('2025-06-01', 9, { kind: 'hackathon' })] }))).toEqual(['warn']);
  });
});

describe('CPD signals on the database', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it('same certificate: the very file on another request warns and links it; another file passes', async () => {
    const t = await testDesk();
    close = () => t.desk.close();
    const cert = new TextEncoder().encode('%PDF-1.4\n% ACLS certificate 2025 no. 88231\n%%EOF\n');
    const other = new TextEncoder().encode('%PDF-1.4\n% BLS certificate 2025 no. 11111\n%%EOF\n');
    const withCert = (reference: string, idNumber: string, bytes: Uint8Array) =>
      writeFolder(
        goodRequestJson({
          reference,
          applicant: { ...goodRequestJson().applicant, idNumber },
          attachments: [...goodRequestJson().attachments, { kind: 'cpd_certificate', file: 'files/cert.pdf' }],
        }),
        { ...GOOD_FILES, 'files/cert.pdf': bytes },
      );
    const done = await importBundles(t.desk.db, t.clock, samplePolicy(), [
      withCert('REQ-2026-000801', '1000000008', cert),
      withCert('REQ-2026-000802', '1000000016', cert),
      withCert('REQ-2026-000803', '1000000024', other),
    ]);
    expect(done.every((d) => d.ok)).toBe(true);
    const id = async (ref: string) => (await t.desk.db.selectFrom('requests').select('id').where('reference', '=', ref).executeTakeFirstOrThrow()).id;
    const run = async (ref: string) =>
      cpdSameCertificate.run({ db: t.desk.db, policy: samplePolicy(), subject: await subjectFromRequest(t.desk.db, await id(ref), t.desk.blobs) });
    const [w] = await run('REQ-2026-000801');
    expect(w).toMatchObject({ outcome: 'warn', links: [{ kind: 'attachment', reference: 'REQ-2026-000802', fileName: 'cert.pdf' }] });
    expect(w!.explanation.en).toContain('REQ-2026-000802');
    expect(await run('REQ-2026-000803')).toMatchObject([{ outcome: 'pass' }]);
    // The late-renewal signal reads the card from the stored snapshot when the subject does not carry it.
    const s = await subjectFromRequest(t.desk.db, await id('REQ-2026-000803'), t.desk.blobs);
    delete (s.applicant as { card?: unknown }).card;
    expect(await cpdLateRenewal.run({ db: t.desk.db, policy: samplePolicy(), subject: s })).toMatchObject([
      { outcome: 'pass', evidence: { cardExpiresAt: '2026-04-01' } },
    ]);
  });
});
