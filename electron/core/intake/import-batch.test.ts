import { afterEach, describe, expect, it } from 'vitest';
import { symlinkSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { testDesk } from '../testing/test-desk';
import { samplePolicy } from '../policy/sample-policy';
import type { Policy } from '../../../shared/domain/policy';
import { importBundles } from './import-batch';
import { verifyAuditChain } from '../audit/chain';
import { sweepReturnWindows } from '../cases/sweep';
import * as decide from '../cases/decisions';
import type { CaseDetail } from '../../../shared/domain/index';
import { EXE, GOOD_FILES, JPEG, PDF, PNG, goodRequestJson, writeFolder, writeZip, type AnyRequest } from './testing/request-bundles';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function setup(policy: Policy = samplePolicy()) {
  const t = await testDesk(':memory:', '2026-03-02T08:00:00.000Z');
  close = () => t.desk.close();
  const run = (paths: string[]) => importBundles(t.desk.db, t.clock, policy, paths);
  const counts = async () => {
    const out: Record<string, number> = {};
    for (const table of [
      'practitioners',
      'requests',
      'status_history',
      'attachments',
      'attachment_blobs',
      'notes',
      'experiences',
      'cpd_activities',
      'questionnaire_answers',
      'audit_log',
    ] as const) {
      out[table] = Number(
        (
          await t.desk.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    }
    return out;
  };
  return { ...t, run, counts };
}

const withApplicant = (over: AnyRequest) => goodRequestJson({ applicant: { ...goodRequestJson().applicant, ...over } });

describe('importing a bundle', () => {
  it('a good folder lands whole: request, files stored once, details, history and audit', async () => {
    const t = await setup();
    const [r] = await t.run([writeFolder(goodRequestJson())]);
    expect(r).toMatchObject({ ok: true, reference: 'REQ-2026-000001', resubmission: false, attachments: 3 });
    const c = await t.counts();
    expect(c).toMatchObject({
      requests: 1,
      attachments: 3,
      attachment_blobs: 2,
      notes: 1,
      experiences: 1,
      cpd_activities: 1,
      questionnaire_answers: 1,
      status_history: 1,
      audit_log: 1,
    });
    const detail = await t.dispatch('cases.get', { id: 1 }, (await t.as('rev', ['reviewer'])).token);
    expect(detail).toMatchObject({
      ok: true,
      value: { status: 'submitted', applicant: { nameAr: 'محمد بن عبدالله الشهري' }, notes: [{ kind: 'from_applicant' }] },
    });
    const blob = await t.desk.db
      .selectFrom('attachment_blobs')
      .select(['mime', 'sha256'])
      .where('mime', '=', 'application/pdf')
      .executeTakeFirstOrThrow();
    expect(blob.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await verifyAuditChain(t.desk.db)).ok).toBe(true);
  });

  it('keeps a given reference and assigns the next one otherwise', async () => {
    const t = await setup();
    const results = await t.run([
      writeFolder(goodRequestJson({ reference: 'REQ-2026-000041' })),
      writeFolder(withApplicant({ idNumber: '1000000016' })),
    ]);
    expect(results.map((r) => r.ok && r.reference)).toEqual(['REQ-2026-000041', 'REQ-2026-000042']);
  });

  it('a zip, with the files at its root or inside a folder', async () => {
    const t = await setup();
    const results = await t.run([writeZip(goodRequestJson()), writeZip(withApplicant({ idNumber: '1000000016' }), GOOD_FILES, true)]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await t.counts()).requests).toBe(2);
  });

  it('records a file by what it is: a PNG named .pdf is a PNG', async () => {
    const t = await setup();
    const [r] = await t.run([writeFolder(goodRequestJson(), { ...GOOD_FILES, 'files/work.pdf': PNG })]);
    expect(r!.ok).toBe(true);
    const a = await t.desk.db
      .selectFrom('attachments')
      .innerJoin('attachment_blobs', 'attachment_blobs.sha256', 'attachments.sha256')
      .select(['mime'])
      .where('kind', '=', 'work_certificate')
      .executeTakeFirstOrThrow();
    expect(a.mime).toBe('image/png');
  });

  const badCases: Array<[string, () => string, RegExp]> = [
    ['no request.json', () => writeFolder(goodRequestJson(), GOOD_FILES).replace(/bundle$/, 'bundle') + '/files', /request\.json/],
    ['broken JSON', () => writeFolder('{"schema": "mumaris-request/1",'), /request\.json.*JSON/],
    ['another schema', () => writeFolder(goodRequestJson({ schema: 'other/2' })), /^schema/],
    ['an unknown service', () => writeFolder(goodRequestJson({ service: 'TELEPORT' })), /^service/],
    ['an impossible date', () => writeFolder(withApplicant({ birthDate: '1980-02-30' })), /^applicant\.birthDate: not a real calendar date/],
    ['a date-time without offset', () => writeFolder(goodRequestJson({ submittedAt: '2026-03-01 09:30' })), /^submittedAt/],
    [
      'an iqama without expiry',
      () => writeFolder(withApplicant({ nationality: 'EG', idType: 'iqama', idNumber: '2000000006', idExpiry: null })),
      /^applicant\.idExpiry: is required for iqama/,
    ],
    ['a number where text belongs', () => writeFolder(withApplicant({ idNumber: 1000000008 })), /^applicant\.idNumber/],
    ['a direction override in a name', () => writeFolder(withApplicant({ nameEn: 'Mohammed \u202eevil' })), /^applicant\.nameEn: contains control/],
    [
      'an absolute path',
      () => writeFolder(goodRequestJson({ attachments: [{ kind: 'photo', file: '/etc/passwd' }] })),
      /^attachments\.0\.file: must be a path relative/,
    ],
    [
      'a path with ..',
      () => writeFolder(goodRequestJson({ attachments: [{ kind: 'photo', file: 'files/../../secret.jpg' }] })),
      /^attachments\.0\.file: must not leave/,
    ],
    [
      'an unknown attachment kind',
      () => writeFolder(goodRequestJson({ attachments: [{ kind: 'selfie', file: 'files/photo.jpg' }] })),
      /^attachments\.0\.kind/,
    ],
    [
      'a missing file',
      () => writeFolder(goodRequestJson(), { 'files/letter.pdf': PDF, 'files/photo.jpg': JPEG }),
      /^file files\/work\.pdf: is named in attachments but is not in the bundle/,
    ],
    [
      'an .exe renamed .pdf',
      () => writeFolder(goodRequestJson(), { ...GOOD_FILES, 'files/letter.pdf': EXE }),
      /^file files\/letter\.pdf: is not a PDF, JPEG or PNG/,
    ],
    [
      'an empty file',
      () => writeFolder(goodRequestJson(), { ...GOOD_FILES, 'files/letter.pdf': new Uint8Array() }),
      /^file files\/letter\.pdf: is not a PDF/,
    ],
    [
      'a link leaving the bundle',
      () => {
        const outside = join(mkdtempSync(join(tmpdir(), 'outside-')), 'secret.pdf');
        writeFileSync(outside, PDF);
        const dir = writeFolder(goodRequestJson(), { 'files/letter.pdf': PDF, 'files/photo.jpg': JPEG });
        symlinkSync(outside, join(dir, 'files/work.pdf'));
        return dir;
      },
      /^file files\/work\.pdf: is a link that leaves the bundle/,
    ],
    [
      'a file over the size limit',
      () => writeFolder(goodRequestJson(), { ...GOOD_FILES, 'files/letter.pdf': new Uint8Array(2048).fill(0x25) }),
      /^file files\/letter\.pdf: is 2048 bytes, over the limit of 1024/,
    ],
    [
      'a zip entry that would inflate past the limit',
      () => {
        const file = join(mkdtempSync(join(tmpdir(), 'bomb-')), 'bomb.zip');
        const big = new Uint8Array(5 * 1024 * 1024); // zeros compress to almost nothing
        writeFileSync(
          file,
          zipSync({
            'request.json': new TextEncoder().encode(JSON.stringify(goodRequestJson())),
            'files/letter.pdf': big,
            'files/work.pdf': PDF,
            'files/photo.jpg': JPEG,
          }),
        );
        return file;
      },
      /^(file files\/letter\.pdf|bundle): .*(over the limit|more than)/,
    ],
    [
      'not a zip',
      () => {
        const file = join(mkdtempSync(join(tmpdir(), 'notzip-')), 'bundle.zip');
        writeFileSync(file, PDF);
        return file;
      },
      /^bundle: is not a readable zip/,
    ],
  ];

  it.each(badCases)('refuses %s, names it, and changes nothing', async (_name, make, expected) => {
    const t = await setup({ ...samplePolicy(), maxAttachmentBytes: 1024 });
    const before = await t.counts();
    const [r] = await t.run([make()]);
    expect(r!.ok).toBe(false);
    if (r!.ok) return;
    expect(r!.bundle).toBeTruthy();
    const text = r!.problems.map((p) => `${p.where}: ${p.message}`);
    expect(
      text.some((l) => expected.test(l)),
      text.join('\n'),
    ).toBe(true);
    expect(r!.problems.every((p) => p.messageAr.length > 0)).toBe(true);
    // Nothing of the bundle; one audit entry saying it was refused.
    expect(await t.counts()).toEqual({ ...before, audit_log: before.audit_log! + 1 });
  });

  it('a reference in any state but returned is refused, changing nothing', async () => {
    const t = await setup();
    await t.run([writeFolder(goodRequestJson({ reference: 'REQ-2026-000009' }))]);
    const before = await t.counts();
    const [r] = await t.run([writeFolder(goodRequestJson({ reference: 'REQ-2026-000009' }))]);
    expect(r).toMatchObject({ ok: false, problems: [{ where: 'reference' }] });
    expect(await t.counts()).toEqual({ ...before, audit_log: before.audit_log! + 1 });
  });
});

describe('resubmission and the return window', () => {
  async function returned() {
    const t = await setup();
    await t.run([writeFolder(goodRequestJson({ reference: 'REQ-2026-000100' }))]);
    const rev = await t.as('rev', ['reviewer']);
    const actor = { user: rev.user, clock: t.clock };
    await decide.claim(t.desk.db, actor, 1, 0);
    await decide.returnToApplicant(t.desk.db, actor, 1, 1, 'Please attach a newer employer letter.');
    return { ...t, rev, actor };
  }

  it('a bundle with the reference of a returned request becomes its resubmission, back to the same reviewer', async () => {
    const t = await returned();
    const bundle = goodRequestJson({
      reference: 'REQ-2026-000100',
      attachments: [...goodRequestJson().attachments, { kind: 'employer_letter', file: 'files/letter2.pdf', issuedAt: '2026-03-05' }],
      notes: [{ text: 'أرفقت خطاباً جديداً.', at: '2026-03-06T10:00:00+03:00' }],
      applicant: { ...goodRequestJson().applicant, mobile: '+966500000001' },
      experiences: [
        ...goodRequestJson().experiences,
        { employer: 'KAMC', position: 'Consultant', from: '2015-01-01', to: '2018-12-31', country: 'SA' },
      ],
    });
    const [r] = await t.run([writeFolder(bundle, { ...GOOD_FILES, 'files/letter2.pdf': new TextEncoder().encode('%PDF-1.7 new letter') })]);
    expect(r).toMatchObject({ ok: true, resubmission: true, reference: 'REQ-2026-000100' });
    const req = await t.desk.db.selectFrom('requests').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
    expect(req).toMatchObject({ status: 'resubmitted', assignee_id: t.rev.user.id, return_due_at: null });
    const letters = await t.desk.db
      .selectFrom('attachments')
      .select(['version', 'file_name'])
      .where('kind', '=', 'employer_letter')
      .orderBy('id')
      .execute();
    expect(letters).toEqual([
      { version: 1, file_name: 'letter.pdf' },
      { version: 2, file_name: 'letter.pdf' },
      { version: 2, file_name: 'letter2.pdf' },
    ]);
    expect((await t.desk.db.selectFrom('experiences').select('id').execute()).length).toBe(2);
    const history = await t.desk.db.selectFrom('status_history').select('action').where('request_id', '=', 1).orderBy('id').execute();
    expect(history.map((h) => h.action)).toEqual(['submit', 'claim', 'return_to_applicant', 'resubmit']);
    expect((await decide.claimNext(t.desk.db, t.actor))?.id).toBe(1);
    // The case view highlights what came with the resubmission.
    const view = await t.dispatch('cases.get', { id: 1 }, t.rev.token);
    const c = (view as { ok: true; value: CaseDetail }).value;
    expect(c.resubmission!.newAttachmentIds).toHaveLength(4);
    expect(c.resubmission!.changedFields).toEqual(['mobile']);
    expect(c.notes.filter((n) => c.resubmission!.newNoteIds.includes(n.id)).map((n) => n.text)).toEqual(['أرفقت خطاباً جديداً.']);
    expect(c.experiences).toHaveLength(2);
  });

  it('the sweep rejects a returned request after its window, and tells the applicant', async () => {
    const t = await returned();
    const due = (await t.desk.db.selectFrom('requests').select('return_due_at').executeTakeFirstOrThrow()).return_due_at!;
    expect(due).toBe('2026-04-01');
    t.clock.set('2026-04-01T20:00:00.000Z'); // 23:00 in Riyadh on the due day: still open
    expect(await sweepReturnWindows(t.desk.db, t.clock)).toEqual({ rejected: [] });
    t.clock.set('2026-04-01T21:00:00.000Z'); // midnight in Riyadh
    expect(await sweepReturnWindows(t.desk.db, t.clock)).toEqual({ rejected: ['REQ-2026-000100'] });
    const h = await t.desk.db.selectFrom('status_history').selectAll().where('action', '=', 'expire_return').executeTakeFirstOrThrow();
    expect(h).toMatchObject({ to_status: 'rejected', reason_code: 'no_response' });
    const mail = await t.desk.db.selectFrom('outbox').select(['kind', 'body_ar']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(mail.kind).toBe('rejected');
    expect(mail.body_ar).toContain('عدم الاستجابة');
    // A resubmission after the sweep is refused: the request is no longer returned.
    const [late] = await t.run([writeFolder(goodRequestJson({ reference: 'REQ-2026-000100' }))]);
    expect(late).toMatchObject({ ok: false, problems: [{ where: 'reference' }] });
  });
});

describe('a batch', () => {
  it('imports 1,000 bundles and reports the few bad ones, each by name', async () => {
    const t = await setup();
    const root = mkdtempSync(join(tmpdir(), 'batch-'));
    const paths: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const bad = i % 200 === 7;
      const request = bad ? goodRequestJson({ service: 'NOPE' }) : goodRequestJson();
      paths.push(writeFolder(request, GOOD_FILES, root, `bundle-${i}`));
    }
    const results = await t.run(paths);
    const refused = results.filter((r) => !r.ok);
    expect(refused.map((r) => r.bundle)).toEqual(['bundle-7', 'bundle-207', 'bundle-407', 'bundle-607', 'bundle-807']);
    expect((await t.counts()).requests).toBe(995);
    expect((await t.counts()).attachment_blobs).toBe(2);
  }, 120_000);
});
