/**
 * Least privilege as a matrix: for each role, each method that hands out case data and each field
 * of it, shown or withheld. The expectations are written out here, not derived from VISIBILITY, so a
 * change to the table has to be made twice, on purpose.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededTestDesk } from '../testing/seeded-desk';
import { caseReport } from '../reports/case-report';
import { runExport } from '../reports/export';
import { parseCsv } from '../../../shared/csv';
import { pdfText } from '../documents/testing/pdf-tools';
import type { CaseDetail, OutboxMessage, QueuePage, Role } from '../../../shared/domain';
import { CONTACT_ROLES, visibilityOf } from './visibility';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

interface Sees {
  contact: boolean;
  internalNotes: boolean;
  applicantNotes: boolean;
  historyDetails: boolean;
  audit: boolean;
  application: boolean;
  everyAttachment: boolean;
}
const ALL: Sees = {
  contact: true,
  internalNotes: true,
  applicantNotes: true,
  historyDetails: true,
  audit: true,
  application: true,
  everyAttachment: true,
};
const NONE = Object.fromEntries(Object.keys(ALL).map((k) => [k, false])) as unknown as Sees;
const EXPECTED: Record<Role, Sees> = {
  reviewer: ALL,
  approver: ALL,
  admin: ALL,
  finance: { ...NONE, everyAttachment: true },
  card_clerk: NONE,
};
const ROLES = Object.keys(EXPECTED) as Role[];

/** A desk with a returned request carrying every kind of data: contact, both kinds of note, audit, attachments, an e-mail. */
async function setup() {
  const t = await seededTestDesk({ cases: 40, seed: 5 }, '2026-03-10T08:00:00.000Z');
  close = () => t.desk.close();
  const holder = await t.as('holder', ['reviewer']);
  // A waiting request with a photo and other attachments.
  const req = await t.desk.db
    .selectFrom('requests as r')
    .select(['r.id', 'r.version'])
    .where('r.status', '=', 'submitted')
    .where((eb) => eb.exists(eb.selectFrom('attachments as a').select('a.id').whereRef('a.request_id', '=', 'r.id').where('a.kind', '=', 'photo')))
    .where((eb) => eb.exists(eb.selectFrom('attachments as a').select('a.id').whereRef('a.request_id', '=', 'r.id').where('a.kind', '<>', 'photo')))
    .orderBy('r.id')
    .executeTakeFirstOrThrow();
  const claimed = await t.dispatch('cases.claim', req, holder.token);
  const version = (claimed as { value: CaseDetail }).value.version;
  await t.dispatch('cases.addNote', { id: req.id, kind: 'internal', text: 'Employer letter looks edited; ask the facility.' }, holder.token);
  await t.dispatch('cases.returnToApplicant', { id: req.id, version, message: 'Attach the original employer letter.' }, holder.token);
  const users = Object.fromEntries(await Promise.all(ROLES.map(async (r) => [r, await t.as(`only-${r}`, [r])] as const)));
  const p = await t.desk.db
    .selectFrom('requests')
    .innerJoin('practitioners', 'practitioners.id', 'requests.practitioner_id')
    .select(['practitioners.email', 'practitioners.mobile', 'requests.reference', 'requests.applicant_snapshot'])
    .where('requests.id', '=', req.id)
    .executeTakeFirstOrThrow();
  const snapshot = JSON.parse(p.applicant_snapshot) as { email: string; mobile: string };
  return { ...t, id: req.id, reference: p.reference, email: snapshot.email, mobile: snapshot.mobile, users };
}

const value = <T>(r: unknown): T => {
  expect(r).toMatchObject({ ok: true });
  return (r as { value: T }).value;
};

describe('what each role sees (least privilege)', () => {
  it('cases.get: contact, notes, history, audit, application and attachments, role by role', async () => {
    const t = await setup();
    const full = value<CaseDetail>(await t.dispatch('cases.get', { id: t.id }, t.users.reviewer!.token));
    expect(full.applicant.email).toBe(t.email);
    expect(full.notes.map((n) => n.kind)).toEqual(expect.arrayContaining(['internal', 'to_applicant']));
    expect(full.attachments.some((a) => a.kind !== 'photo')).toBe(true);
    expect(full.attachments.some((a) => a.kind === 'photo')).toBe(true);
    expect(full.audit.length).toBeGreaterThan(0);
    expect(full.history.some((h) => h.actor !== null)).toBe(true);

    for (const role of ROLES) {
      const sees = EXPECTED[role];
      const c = value<CaseDetail>(await t.dispatch('cases.get', { id: t.id }, t.users[role]!.token));
      const json = JSON.stringify(c);
      expect(json.includes(t.email), `${role} e-mail`).toBe(sees.contact);
      expect(json.includes(t.mobile), `${role} mobile`).toBe(sees.contact);
      expect(
        c.notes.some((n) => n.kind === 'internal'),
        `${role} internal notes`,
      ).toBe(sees.internalNotes);
      expect(json.includes('looks edited'), `${role} internal note text`).toBe(sees.internalNotes);
      expect(
        c.notes.some((n) => n.kind === 'to_applicant'),
        `${role} notes to the applicant`,
      ).toBe(sees.applicantNotes);
      expect(c.audit.length > 0, `${role} audit`).toBe(sees.audit);
      expect(
        c.history.some((h) => h.actor !== null || h.reason !== null),
        `${role} history details`,
      ).toBe(sees.historyDetails);
      expect(c.history.length, `${role} sees the steps themselves`).toBe(full.history.length);
      expect(c.checks.length > 0, `${role} checks`).toBe(sees.application);
      expect(
        c.attachments.some((a) => a.kind !== 'photo'),
        `${role} attachments`,
      ).toBe(sees.everyAttachment);
      expect(c.attachments.some((a) => a.kind === 'photo')).toBe(true);
      expect((c.withheld ?? []).length === 0, `${role} withheld`).toBe(Object.values(sees).every(Boolean));
      // The identity a card prints is seen by everyone.
      expect(c.applicant.nameAr).toBe(full.applicant.nameAr);
      expect(c.applicant.idNumber).toBe(full.applicant.idNumber);
    }
  });

  it('attachments.open: a role that sees only the photo cannot open the others', async () => {
    const t = await setup();
    const files = await t.desk.db.selectFrom('attachments').select(['id', 'kind']).where('request_id', '=', t.id).execute();
    const photo = files.find((f) => f.kind === 'photo')!;
    const other = files.find((f) => f.kind !== 'photo')!;
    for (const role of ROLES) {
      const token = t.users[role]!.token;
      expect(await t.dispatch('attachments.open', { id: photo.id }, token), role).toMatchObject({ ok: true });
      const r = await t.dispatch('attachments.open', { id: other.id }, token);
      if (EXPECTED[role].everyAttachment) expect(r, role).toMatchObject({ ok: true });
      else expect(r, role).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('outbox.list: addresses only for roles that see contact details, bodies only for those that see notes to the applicant', async () => {
    const t = await setup();
    for (const role of ROLES) {
      const mails = value<OutboxMessage[]>(await t.dispatch('outbox.list', { limit: 500 }, t.users[role]!.token));
      const mine = mails.find((m) => m.requestId === t.id)!;
      expect(mine, role).toBeTruthy();
      expect(mine.reference).toBe(t.reference);
      expect(mine.to === t.email, `${role} address`).toBe(EXPECTED[role].contact);
      expect(
        mails.every((m) => (EXPECTED[role].contact ? m.to !== '' : m.to === '')),
        `${role} every address`,
      ).toBe(true);
      expect(mine.bodyEn.includes('original employer letter'), `${role} body`).toBe(EXPECTED[role].applicantNotes);
    }
  });

  it('queues.page: no role gets contact details in a queue row', async () => {
    const t = await setup();
    for (const role of ROLES) {
      const r = await t.dispatch('queues.page', { queue: 'all', offset: 0, limit: 50 }, t.users[role]!.token);
      const page = value<QueuePage>(r);
      expect(page.rows.length).toBeGreaterThan(0);
      const json = JSON.stringify(page);
      expect(json.includes(t.email), role).toBe(false);
      expect(page.rows.every((row) => !('email' in row) && !('mobile' in row))).toBe(true);
    }
  });

  it('queues.page: searching by a mobile number only for the roles that see it; by ID for everyone', async () => {
    const t = await setup();
    const idNumber = (await t.desk.db.selectFrom('requests').select('applicant_snapshot').where('id', '=', t.id).executeTakeFirstOrThrow())
      .applicant_snapshot;
    const id = (JSON.parse(idNumber) as { idNumber: string }).idNumber;
    for (const role of ROLES) {
      const token = t.users[role]!.token;
      const byMobile = await t.dispatch('queues.page', { queue: 'all', offset: 0, limit: 50, search: t.mobile }, token);
      if (EXPECTED[role].contact)
        expect(
          value<QueuePage>(byMobile).rows.map((r) => r.id),
          role,
        ).toContain(t.id);
      else expect(byMobile, role).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const byId = value<QueuePage>(await t.dispatch('queues.page', { queue: 'all', offset: 0, limit: 50, search: id }, token));
      expect(
        byId.rows.map((r) => r.id),
        role,
      ).toContain(t.id);
    }
  });

  it('case report and exports: contact details and internal notes only for the roles that see them', async () => {
    const t = await setup();
    const dir = mkdtempSync(join(tmpdir(), 'desk-visibility-'));
    for (const role of ROLES) {
      const user = t.users[role]!.user;
      const { pdf } = await caseReport(t.desk.db, user, t.clock.now(), { id: t.id, lang: 'en', copy: 'staff' });
      const text = pdfText(pdf).replace(/\s+/g, ' ');
      expect(text.includes(t.email), `${role} report e-mail`).toBe(EXPECTED[role].contact);
      expect(text.includes('looks edited'), `${role} report internal note`).toBe(EXPECTED[role].internalNotes);
      if (!EXPECTED[role].contact) expect(text).toContain('not shown to your role');

      const file = join(dir, `${role}.csv`);
      await runExport(t.desk.db, user, { format: 'csv', lang: 'en', query: { queue: 'all', sort: 'age' } }, file, t.clock.now());
      const [header, ...rows] = parseCsv(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
      expect(header!.includes('E-mail'), `${role} export column`).toBe(EXPECTED[role].contact);
      expect(
        rows.some((r) => r.includes(t.email)),
        `${role} export rows`,
      ).toBe(EXPECTED[role].contact);
    }
  });

  it('several roles see what any of them sees; no role, nothing', () => {
    expect(visibilityOf({ roles: ['card_clerk', 'finance'] })).toMatchObject({ contact: false, attachments: 'all' });
    expect(visibilityOf({ roles: ['card_clerk', 'reviewer'] })).toMatchObject({ contact: true, audit: true, attachments: 'all' });
    expect(visibilityOf({ roles: [] })).toMatchObject({ contact: false, internalNotes: false, audit: false, attachments: 'photo' });
    expect([...CONTACT_ROLES].sort()).toEqual(ROLES.filter((r) => EXPECTED[r].contact).sort());
  });
});
