import { afterEach, describe, expect, it } from 'vitest';
import { testDesk } from '../testing/test-desk';
import { currentPolicy } from '../policy/current-policy';
import { samplePolicy } from '../policy/sample-policy';
import type { SignalView } from '../../../shared/domain/signals';
import { duplicateId } from './duplicate-id';
import { duplicatePerson } from './duplicate-person';
import { reusedAttachment } from './reused-attachment';
import { similarPhoto } from './similar-photo';
import { requestsWithSameFile } from './same-file';
import { indexMissingPersons } from './person-index';
import { subjectFromBundle } from './subject';
import { runSignals } from './run';
import type { IntegritySignal } from './signal';
import { importTest, signalsOf, testBundle, testPdf, testPhoto } from './testing/signal-bundles';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function setup() {
  const t = await testDesk(':memory:', '2026-03-02T08:00:00.000Z');
  close = () => t.desk.close();
  return t;
}

let fileNo = 0;
/** Files of one applicant, different from everyone else's. */
async function ownFiles() {
  fileNo++;
  return { letter: await testPdf(`letter ${fileNo}`), work: await testPdf(`work ${fileNo}`), photo: testPhoto(fileNo * 11) };
}

const MOHAMMED = { nameAr: 'محمد بن عبدالله آل سعود', nameEn: 'Mohammed Abdullah Al Saud', idNumber: '1000000001', birthDate: '1985-06-15' };

const only = (views: SignalView[], outcome: SignalView['outcome']) => views.filter((v) => v.outcome === outcome);

describe('duplicate-id', () => {
  it('fails when the same ID number comes with another name, linking the other request', async () => {
    const t = await setup();
    const first = await importTest(t, testBundle(MOHAMMED, await ownFiles()));
    const second = await importTest(
      t,
      testBundle({ ...MOHAMMED, nameAr: 'خالد بن فهد القحطاني', nameEn: 'Khalid Fahad Alqahtani' }, await ownFiles()),
    );
    const [v] = await signalsOf(t, second, [duplicateId]);
    expect(v).toMatchObject({
      signal: 'duplicate-id',
      outcome: 'fail',
      links: [{ kind: 'request', requestId: first, reference: 'REQ-2026-000001' }],
    });
    expect(v!.explanation.en).toContain('REQ-2026-000001');
    expect(v!.explanation.ar).toContain('محمد بن عبدالله آل سعود');
    expect(v!.evidence).toMatchObject({ idNumber: '1000000001', others: [{ differs: ['name'] }] });
  });

  it('fails when only the birth date differs', async () => {
    const t = await setup();
    await importTest(t, testBundle(MOHAMMED, await ownFiles()));
    const second = await importTest(t, testBundle({ ...MOHAMMED, birthDate: '1985-06-16' }, await ownFiles()));
    const [v] = await signalsOf(t, second, [duplicateId]);
    expect(v).toMatchObject({ outcome: 'fail', evidence: { others: [{ differs: ['birthDate'] }] } });
  });

  it('passes the same person spelt another way (script, bin, Al, hamza, ta marbuta), and a data update', async () => {
    const t = await setup();
    await importTest(t, testBundle(MOHAMMED, await ownFiles()));
    const same = await importTest(
      t,
      testBundle({ ...MOHAMMED, nameAr: 'محمد عبدالله ال سعود', nameEn: 'Muhammad bin Abdallah Alsaud' }, await ownFiles()),
    );
    expect(await signalsOf(t, same, [duplicateId])).toMatchObject([{ outcome: 'pass', evidence: { sameIdRequests: 1 } }]);
    const update = await importTest(
      t,
      testBundle({ ...MOHAMMED, nameAr: 'محمد بن عبدالله المطيري', nameEn: 'Mohammed Abdullah Almutairi' }, await ownFiles(), {
        service: 'DATA_UPDATE',
      }),
    );
    expect(await signalsOf(t, update, [duplicateId])).toMatchObject([{ outcome: 'pass', evidence: { notComparedDataUpdates: 2 } }]);
  });

  it('passes an ID nobody else carries', async () => {
    const t = await setup();
    const id = await importTest(t, testBundle(MOHAMMED, await ownFiles()));
    expect(await signalsOf(t, id, [duplicateId])).toMatchObject([{ outcome: 'pass', links: [] }]);
  });
});

describe('duplicate-person', () => {
  const variant = { nameAr: 'محمد عبدالله بن سعد آل سعود', nameEn: 'Muhammad Abdallah Alsaud', idNumber: '2000000002' };

  it('warns for another ID whose names match across scripts, with the birth date at the tolerance edge (3 years)', async () => {
    const t = await setup();
    const first = await importTest(t, testBundle(MOHAMMED, await ownFiles()));
    const second = await importTest(t, testBundle({ ...variant, birthDate: '1988-06-15' }, await ownFiles()));
    const [v] = await signalsOf(t, second, [duplicatePerson]);
    expect(v).toMatchObject({ outcome: 'warn', links: [{ kind: 'request', requestId: first }], evidence: { toleranceYears: 3 } });
    expect(v!.explanation.en).toContain('ID 1000000001');
    expect(v!.explanation.ar).toContain('REQ-2026-000001');
  });

  it('passes one day past the tolerance, a different father, and a namesake under policy tolerance 0', async () => {
    const t = await setup();
    await importTest(t, testBundle(MOHAMMED, await ownFiles()));
    const late = await importTest(t, testBundle({ ...variant, birthDate: '1988-06-16' }, await ownFiles()));
    expect(await signalsOf(t, late, [duplicatePerson])).toMatchObject([{ outcome: 'pass' }]);
    const otherFather = await importTest(
      t,
      testBundle(
        { nameAr: 'محمد بن فهد آل سعود', nameEn: 'Mohammed Fahad Al Saud', idNumber: '2000000003', birthDate: '1985-06-15' },
        await ownFiles(),
      ),
    );
    expect(await signalsOf(t, otherFather, [duplicatePerson])).toMatchObject([{ outcome: 'pass' }]);
    const near = await importTest(t, testBundle({ ...variant, idNumber: '2000000004', birthDate: '1986-01-01' }, await ownFiles()));
    expect(await signalsOf(t, near, [duplicatePerson])).toMatchObject([{ outcome: 'warn' }]);
    // The tolerance is the policy's: at 0 years only the same birth date is flagged.
    const { policy } = await currentPolicy(t.desk.db, t.clock.now().toISOString());
    const strict = { ...policy, duplicateBirthToleranceYears: 0 };
    const subject = subjectFromBundle(testBundle({ ...variant, idNumber: '2000000005', birthDate: '1986-01-01' }, await ownFiles()));
    const views = await runSignals({ db: t.desk.db, policy: strict, subject }, [duplicatePerson]);
    // 1986-01-01 is the birth date of `near` (2000000004): same day, flagged even at 0.
    expect(views).toMatchObject([{ outcome: 'warn', links: [{ reference: 'REQ-2026-000004' }] }]);
  });

  it('an old policy without the tolerance parses with the default', () => {
    const { duplicateBirthToleranceYears: _, ...old } = samplePolicy();
    expect(samplePolicy().duplicateBirthToleranceYears).toBe(3);
    expect(Object.keys(old)).not.toContain('duplicateBirthToleranceYears');
  });

  it('is found for a bundle before import, and for requests stored before the index (migration catch-up)', async () => {
    const t = await setup();
    await importTest(t, testBundle(MOHAMMED, await ownFiles()));
    await t.desk.db.deleteFrom('signal_person_keys').execute();
    expect(await indexMissingPersons(t.desk.db)).toBe(1);
    const { policy } = await currentPolicy(t.desk.db, t.clock.now().toISOString());
    const views = await runSignals(
      { db: t.desk.db, policy, subject: subjectFromBundle(testBundle({ ...variant, birthDate: '1984-01-01' }, await ownFiles())) },
      [duplicatePerson, duplicateId],
    );
    expect(views.map((v) => [v.signal, v.outcome])).toEqual([
      ['duplicate-person', 'warn'],
      ['duplicate-id', 'pass'],
    ]);
  });
});

describe('reused-attachment and requestsWithSameFile', () => {
  it("fails when a file is on another applicant's request, linking that request's file", async () => {
    const t = await setup();
    const mine = await ownFiles();
    const first = await importTest(t, testBundle(MOHAMMED, mine));
    const theirs = { ...(await ownFiles()), work: mine.work };
    const second = await importTest(
      t,
      testBundle({ nameAr: 'سارة بنت خالد الحربي', nameEn: 'Sarah Khalid Alharbi', idNumber: '1000000077', birthDate: '1990-01-01' }, theirs),
    );
    const views = await signalsOf(t, second, [reusedAttachment]);
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({
      outcome: 'fail',
      evidence: { file: 'work.pdf', others: [{ reference: 'REQ-2026-000001', idNumber: '1000000001', file: 'work.pdf' }] },
      links: [{ kind: 'attachment', requestId: first, fileName: 'work.pdf' }],
    });
    const holders = await requestsWithSameFile(t.desk.db, views[0]!.evidence.sha256 as string, null);
    expect(holders.map((h) => [h.reference, h.idNumber])).toEqual([
      ['REQ-2026-000001', '1000000001'],
      ['REQ-2026-000002', '1000000077'],
    ]);
    expect((await requestsWithSameFile(t.desk.db, views[0]!.evidence.sha256 as string, first)).map((h) => h.requestId)).toEqual([second]);
  });

  it("passes the applicant's own file sent again on a later request", async () => {
    const t = await setup();
    const mine = await ownFiles();
    await importTest(t, testBundle(MOHAMMED, mine));
    const again = await importTest(t, testBundle(MOHAMMED, { ...mine, letter: await testPdf('new letter') }, { service: 'CARD_REPLACEMENT' }));
    expect(only(await signalsOf(t, again, [reusedAttachment]), 'fail')).toEqual([]);
  });
});

describe('similar-photo', () => {
  const SARAH = { nameAr: 'سارة بنت خالد الحربي', nameEn: 'Sarah Khalid Alharbi', idNumber: '1000000077', birthDate: '1990-01-01' };

  it("fails when the photo is another applicant's re-encoded (new SHA-256, same picture)", async () => {
    const t = await setup();
    const first = await importTest(t, testBundle(MOHAMMED, { ...(await ownFiles()), photo: testPhoto(500, 90) }));
    const second = await importTest(t, testBundle(SARAH, { ...(await ownFiles()), photo: testPhoto(500, 60) }));
    const [v] = await signalsOf(t, second, [similarPhoto]);
    expect(v).toMatchObject({ outcome: 'fail', links: [{ kind: 'attachment', requestId: first, fileName: 'photo.jpg' }] });
    expect(v!.evidence.distanceBits as number).toBeLessThanOrEqual(12);
  });

  it("passes a different picture, and the same applicant's own photo again", async () => {
    const t = await setup();
    await importTest(t, testBundle(MOHAMMED, { ...(await ownFiles()), photo: testPhoto(500, 90) }));
    const other = await importTest(t, testBundle(SARAH, { ...(await ownFiles()), photo: testPhoto(501, 90) }));
    expect(await signalsOf(t, other, [similarPhoto])).toMatchObject([{ outcome: 'pass' }]);
    const own = await importTest(t, testBundle(MOHAMMED, { ...(await ownFiles()), photo: testPhoto(500, 70) }, { service: 'CARD_REPLACEMENT' }));
    expect(await signalsOf(t, own, [similarPhoto])).toMatchObject([{ outcome: 'pass' }]);
  });
});

describe('runSignals', () => {
  it('turns a signal that throws into a warn naming it, and runs the others', async () => {
    const t = await setup();
    const id = await importTest(t, testBundle(MOHAMMED, await ownFiles()));
    const broken: IntegritySignal = {
      id: 'broken',
      title: { ar: 'معطلة', en: 'Broken' },
      run: () => Promise.reject(new Error('disk on fire')),
    };
    const views = await signalsOf(t, id, [broken, duplicateId]);
    expect(views.map((v) => [v.signal, v.outcome])).toEqual([
      ['broken', 'warn'],
      ['duplicate-id', 'pass'],
    ]);
    expect(views[0]!.explanation.en).toContain('disk on fire');
  });
});
