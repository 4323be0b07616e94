/** Validation at the edge: every call's text and dates, every bundle's contact data, refused with the field named. */
import { afterEach, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { seededTestDesk } from '../../electron/core/testing/seeded-desk';
import { validateBundle } from '../../electron/core/intake/validate-bundle';
import { BundleError } from '../../electron/core/intake/bundle-error';
import { GOOD_FILES, goodRequestJson, type AnyRequest } from '../../electron/core/intake/testing/request-bundles';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

const RLO = '\u202e';
const LRI = '\u2066';

/** The problems validating this request.json gives, as "where: message". */
function problems(request: AnyRequest): string[] {
  try {
    validateBundle({ name: 'b', request, files: new Map(Object.entries(GOOD_FILES)) });
    return [];
  } catch (e) {
    if (!(e instanceof BundleError)) throw e;
    return e.problems.map((p) => `${p.where}: ${p.message}`);
  }
}
const withApplicant = (over: AnyRequest) => goodRequestJson({ applicant: { ...goodRequestJson().applicant, ...over } });

describe('bundles: contact data, dates, hidden characters', () => {
  it('a good bundle passes', () => expect(problems(goodRequestJson())).toEqual([]));

  it.each([
    ['a second address on a new line', 'sara@example.com\r\nBcc: all@example.com'],
    ['two addresses', 'sara@example.com, nora@example.com'],
    ['a formula', '@SUM(1+1)'],
    ['a right-to-left override', `sara${RLO}@example.com`],
    ['no domain', 'sara@'],
  ])('refuses an e-mail with %s, naming applicant.email', (_why, email) => {
    const p = problems(withApplicant({ email }));
    expect(p.length).toBeGreaterThan(0);
    expect(p.every((x) => x.startsWith('applicant.email: '))).toBe(true);
  });

  it('a Saudi mobile inside the kingdom; any international mobile for an applicant abroad', () => {
    expect(problems(withApplicant({ mobile: '+966401234567' }))).toEqual(['applicant.mobile: expected a Saudi mobile: 05XXXXXXXX or +9665XXXXXXXX']);
    expect(problems(withApplicant({ mobile: `050${RLO}1234567` }))[0]).toMatch(/^applicant\.mobile: contains control or direction-override/);
    expect(problems(withApplicant({ mobile: '0501234567\r\n' }))).toEqual([]); // trimmed
    expect(problems(withApplicant({ mobile: '٠٥٠١٢٣٤٥٦٧' }))).toEqual([]);
    const abroad = goodRequestJson({ service: 'CLASSIFICATION_OUTSIDE', applicant: { ...goodRequestJson().applicant, mobile: '+201001234567' } });
    expect(problems(abroad).filter((p) => p.startsWith('applicant.mobile'))).toEqual([]);
  });

  it('real calendar dates only, in every date and date-time', () => {
    expect(problems(goodRequestJson({ submittedAt: '2026-02-30T09:00:00+03:00' }))).toEqual(['submittedAt: not a real date-time']);
    expect(problems(withApplicant({ birthDate: '1990-02-29' }))).toEqual(['applicant.birthDate: not a real calendar date']);
    expect(problems(goodRequestJson({ submittedAt: '2026-03-01T25:00:00+03:00' }))).toEqual(['submittedAt: not a real date-time']);
  });

  it('bidi overrides and isolates in any text of a bundle, file names included', () => {
    expect(problems(withApplicant({ nameEn: `Sara ${RLO}lahraH` }))).toEqual(['applicant.nameEn: contains control or direction-override characters']);
    expect(problems(goodRequestJson({ notes: [{ text: `ok ${LRI}x`, at: '2026-03-01T09:00:00+03:00' }] }))).toEqual([
      'notes.0.text: contains control or direction-override characters',
    ]);
    const renamed = goodRequestJson();
    renamed.attachments[0].file = `files/letter${RLO}fdp.exe`;
    expect(problems(renamed)).toContain('attachments.0.file: contains control or direction-override characters');
  });
});

describe('the contract: dates and free text, at the dispatcher', () => {
  async function desk() {
    const t = await seededTestDesk({ cases: 20, seed: 3 });
    close = () => t.desk.close();
    const reviewer = await t.as('rev', ['reviewer']);
    const admin = await t.as('adm', ['admin', 'approver']);
    const finance = await t.as('fin', ['finance']);
    const clerk = await t.as('clk', ['card_clerk']);
    return { ...t, reviewer, admin, finance, clerk };
  }
  const refused = (r: unknown, field: string, message: RegExp) => {
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    const e = (r as { error: { message: string; messageAr?: string } }).error;
    expect(e.message.startsWith(`${field}: `), e.message).toBe(true);
    expect(e.message).toMatch(message);
    expect(e.messageAr).toBeTruthy();
  };

  it('a day that does not exist is refused, naming the field', async () => {
    const t = await desk();
    refused(
      await t.dispatch('refunds.compute', { requestId: 1, requestedAt: '2026-02-30', grounds: [] }, t.finance.token),
      'requestedAt',
      /not a real calendar date/,
    );
    refused(await t.dispatch('dashboard.figures', { from: '2026-02-29' }, t.admin.token), 'from', /not a real calendar date/);
    refused(
      await t.dispatch('queues.page', { queue: 'all', offset: 0, limit: 5, submittedTo: '2026-04-31' }, t.reviewer.token),
      'submittedTo',
      /not a real/,
    );
    expect(await t.dispatch('dashboard.figures', { from: '2026-02-28', to: '2026-03-01' }, t.admin.token)).toMatchObject({ ok: true });
  });

  it('bidi overrides are refused in notes, display names, reasons, bundle names, searches and any other text', async () => {
    const t = await desk();
    const req = await t.desk.db
      .selectFrom('requests')
      .select(['id', 'version'])
      .where('status', '=', 'submitted')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await t.dispatch('cases.claim', req, t.reviewer.token);
    const notesBefore = (await t.desk.db.selectFrom('notes').select('id').execute()).length;
    refused(
      await t.dispatch('cases.addNote', { id: req.id, kind: 'internal', text: `fine ${RLO}txet` }, t.reviewer.token),
      'text',
      /direction-override/,
    );
    refused(
      await t.dispatch(
        'users.create',
        { username: 'newbie', displayName: `Nora ${LRI}x`, password: 'a-long-passphrase-1', roles: ['reviewer'] },
        t.admin.token,
      ),
      'displayName',
      /direction-override/,
    );
    refused(await t.dispatch('intake.upload', { name: `cv${RLO}piz.exe`, data: '' }, t.admin.token), 'name', /direction-override/);
    refused(
      await t.dispatch('queues.page', { queue: 'all', offset: 0, limit: 5, search: `a${RLO}b` }, t.reviewer.token),
      'search',
      /direction-override/,
    );
    refused(
      await t.dispatch('print.markPrinted', { items: [{ id: 1, version: 1 }], reprintReason: `jam ${RLO}` }, t.clerk.token),
      'reprintReason',
      /direction-override/,
    );
    // A field the contract does not name as free text is still caught, by the dispatcher.
    refused(await t.dispatch('cards.verify', { payload: `SCFHS1|C|${RLO}x` }, undefined), 'payload', /direction-override/);
    // Nothing was written by any of them.
    expect((await t.desk.db.selectFrom('notes').select('id').execute()).length).toBe(notesBefore);
    expect(await t.desk.db.selectFrom('users').select('id').where('username', '=', 'newbie').executeTakeFirst()).toBeUndefined();
  });

  it('an uploaded bundle with a bad e-mail is refused whole, naming the field', async () => {
    const t = await desk();
    const zip = zipSync({
      'request.json': strToU8(JSON.stringify(withApplicant({ email: 'x@example.com\nBcc: y@example.com' }))),
      ...GOOD_FILES,
    });
    const r = await t.dispatch('intake.upload', { name: 'b.zip', data: Buffer.from(zip).toString('base64') }, t.admin.token);
    expect(r).toMatchObject({ ok: true, value: { ok: false } });
    const outcome = (r as { value: { problems: Array<{ where: string }> } }).value;
    expect(outcome.problems.map((p) => p.where)).toEqual(['applicant.email']);
  });
});
