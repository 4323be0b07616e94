import { afterEach, describe, expect, it } from 'vitest';
import { testDesk } from '../testing/test-desk';
import type { ApplicantHistory, CaseDetail, FoundRequest, Role } from '../../../shared/domain';
import { importTest, testBundle, testPdf, testPhoto } from '../signals/testing/signal-bundles';
import { asIdNumber, asReference } from '../../../shared/request-numbers';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

let fileNo = 0;
async function ownFiles() {
  fileNo++;
  return { letter: await testPdf(`history letter ${fileNo}`), work: await testPdf(`history work ${fileNo}`), photo: testPhoto(fileNo * 13) };
}

const AHMED = { nameAr: 'أحمد بن إبراهيم الزهراني', nameEn: 'Ahmed Ibrahim Alzahrani', idNumber: '1000000008', birthDate: '1988-02-10' };

/**
 * Seven requests: the one looked from, two more under its ID (one a passport-style spacing of it, one rejected),
 * one look-alike name under another ID and birth date a year off, and three that must not be listed: another
 * name, the same name born 30 years apart, and a namesake with a different father.
 */
async function setup() {
  const t = await testDesk(':memory:', '2026-03-02T08:00:00.000Z');
  close = () => t.desk.close();
  const older = await importTest(t, testBundle(AHMED, await ownFiles()));
  const rejected = await importTest(t, testBundle({ ...AHMED, nameEn: 'Ahmad Ibrahim Al Zahrani' }, await ownFiles()));
  const lookAlike = await importTest(
    t,
    testBundle(
      { nameAr: 'احمد ابراهيم آل زهراني', nameEn: 'Ahmad bin Ibrahim Alzahrany', idNumber: '2000000006', birthDate: '1989-01-01' },
      await ownFiles(),
    ),
  );
  await importTest(
    t,
    testBundle(
      { nameAr: 'خالد بن فهد القحطاني', nameEn: 'Khalid Fahad Alqahtani', idNumber: '1000000016', birthDate: '1988-02-10' },
      await ownFiles(),
    ),
  );
  await importTest(t, testBundle({ ...AHMED, idNumber: '1000000024', birthDate: '1958-02-10' }, await ownFiles()));
  await importTest(
    t,
    testBundle(
      { nameAr: 'أحمد بن سالم الزهراني', nameEn: 'Ahmed Salem Alzahrani', idNumber: '1000000032', birthDate: '1988-02-10' },
      await ownFiles(),
    ),
  );
  const subject = await importTest(t, testBundle(AHMED, await ownFiles()));

  const rev = await t.as('rev', ['reviewer']);
  const call = async <T>(method: string, args: unknown, token = rev.token): Promise<T> => {
    const r = await t.dispatch(method, args, token);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value as T;
  };
  // Reject the second one, so its outcome and reason show.
  const seen = await call<CaseDetail>('cases.get', { id: rejected });
  const held = await call<CaseDetail>('cases.claim', { id: rejected, version: seen.version });
  await call('cases.reject', { id: rejected, version: held.version, reason: 'documents_invalid', text: 'The letter is not certified.' });
  return { ...t, call, ids: { older, rejected, lookAlike, subject } };
}

describe('the applicant history beside the case', () => {
  it('lists the same ID first (newest first, with status, outcome and reason), then look-alike names marked as such', async () => {
    const t = await setup();
    const h = await t.call<ApplicantHistory>('cases.applicantHistory', { requestId: t.ids.subject });
    expect(h.idNumber).toBe('1000000008');
    expect(h.lookAlikeShown).toBe(true);
    expect(h.entries.map((e) => [e.requestId, e.match])).toEqual([
      [t.ids.rejected, 'id'],
      [t.ids.older, 'id'],
      [t.ids.lookAlike, 'name'],
    ]);
    expect(h.entries[0]).toMatchObject({
      status: 'rejected',
      outcome: 'rejected',
      rejectionReason: 'documents_invalid',
      reference: 'REQ-2026-000002',
    });
    expect(h.entries[0]!.decidedAt).toBe('2026-03-02T08:00:00.000Z');
    expect(h.entries[1]).toMatchObject({ status: 'submitted', outcome: null, rejectionReason: null, decidedAt: null, service: 'RENEWAL' });
    expect(h.entries[2]).toMatchObject({ idNumber: '2000000006', nameEn: 'Ahmad bin Ibrahim Alzahrany', birthDate: '1989-01-01' });
    expect(h.more).toEqual({ id: false, name: false });
  });

  it('looks from any of them: the subject appears in the others’ history and never in its own', async () => {
    const t = await setup();
    const fromOlder = await t.call<ApplicantHistory>('cases.applicantHistory', { requestId: t.ids.older });
    expect(fromOlder.entries.map((e) => e.requestId)).toEqual([t.ids.subject, t.ids.rejected, t.ids.lookAlike]);
    const fromLookAlike = await t.call<ApplicantHistory>('cases.applicantHistory', { requestId: t.ids.lookAlike });
    expect(fromLookAlike.entries.map((e) => [e.requestId, e.match])).toEqual([
      [t.ids.subject, 'name'],
      [t.ids.rejected, 'name'],
      [t.ids.older, 'name'],
    ]);
  });

  it.each<[Role[], boolean]>([
    [['card_clerk'], false],
    [['finance'], false],
    [['approver'], true],
    [['admin'], true],
  ])('as %j: same-ID requests always; look-alike names and reasons only for roles that see the checks (%s)', async (roles, full) => {
    const t = await setup();
    const who = await t.as(`u-${roles.join('-')}`, roles);
    const h = await t.call<ApplicantHistory>('cases.applicantHistory', { requestId: t.ids.subject }, who.token);
    expect(h.lookAlikeShown).toBe(full);
    expect(h.entries.map((e) => e.match)).toEqual(full ? ['id', 'id', 'name'] : ['id', 'id']);
    expect(h.entries[0]!.rejectionReason).toBe(full ? 'documents_invalid' : null);
    expect(h.entries[0]!.outcome).toBe('rejected');
  });

  it('refuses an unknown request by name and a caller who is not signed in', async () => {
    const t = await setup();
    const r = await t.dispatch('cases.applicantHistory', { requestId: 99_999 }, (await t.as('rev', ['reviewer'])).token);
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await t.dispatch('cases.applicantHistory', { requestId: t.ids.subject }, undefined)).toMatchObject({ ok: false });
  });
});

describe('the palette finds a reference or an ID number', () => {
  it('a full reference in any case or digits opens that request; an ID number lists all its requests, newest first', async () => {
    const t = await setup();
    expect((await t.call<FoundRequest[]>('cases.find', { text: 'req-2026-000007' })).map((f) => f.requestId)).toEqual([t.ids.subject]);
    expect((await t.call<FoundRequest[]>('cases.find', { text: 'REQ-٢٠٢٦-٠٠٠٠٠١' })).map((f) => f.requestId)).toEqual([t.ids.older]);
    expect((await t.call<FoundRequest[]>('cases.find', { text: ' 1000000008 ' })).map((f) => f.requestId)).toEqual([
      t.ids.subject,
      t.ids.rejected,
      t.ids.older,
    ]);
    expect(await t.call<FoundRequest[]>('cases.find', { text: '2000000006' })).toMatchObject([
      { requestId: t.ids.lookAlike, nameEn: 'Ahmad bin Ibrahim Alzahrany' },
    ]);
    // Part of a reference, a name, an unknown ID: nothing (the palette's own actions answer those).
    expect(await t.call<FoundRequest[]>('cases.find', { text: 'REQ-2026-00000' })).toEqual([]);
    expect(await t.call<FoundRequest[]>('cases.find', { text: 'Ahmed' })).toEqual([]);
    expect(await t.call<FoundRequest[]>('cases.find', { text: '1999999999' })).toEqual([]);
  });

  it('refuses text past the search limit with a named input issue', async () => {
    const t = await setup();
    const r = await t.dispatch('cases.find', { text: '1'.repeat(201) }, (await t.as('rev', ['reviewer'])).token);
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_input', issue: { code: 'too_long', field: 'text', params: { max: 200 } } } });
  });

  it('reads references and ID numbers as people type them', () => {
    expect(asReference(' req-2026-000123 ')).toBe('REQ-2026-000123');
    expect(asReference('REQ-2026-123')).toBeNull();
    expect(asIdNumber('١٠٠٠٠٠٠٠٠٨')).toBe('1000000008');
    expect(asIdNumber('a 1234567')).toBe('A1234567');
    expect(asIdNumber('Ahmed')).toBeNull();
    expect(asIdNumber('12')).toBeNull();
  });
});
