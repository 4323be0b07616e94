/**
 * Views of personal data, documents opened and refused bundles leave audit entries; views do not
 * move the change cursor other desks poll. On SQLite and PostgreSQL.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { seededTestDesk } from '../testing/seeded-desk';
import { changesCursor } from '../desk/database-choice';
import { verifyAuditChain } from './chain';
import { CASE_VIEW_WINDOW_MS } from './personal-data';
import { GOOD_FILES, goodRequestJson } from '../intake/testing/request-bundles';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function setup() {
  const t = await seededTestDesk({ cases: 40, seed: 4 }, '2026-03-10T08:00:00.000Z');
  close = () => t.desk.close();
  const reviewer = await t.as('viewer', ['reviewer']);
  const call = async <T>(name: string, args: unknown, token = reviewer.token): Promise<T> => {
    const r = await t.dispatch(name, args, token);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  const entries = (action: string) =>
    t.desk.db
      .selectFrom('audit_log')
      .select(['seq', 'actor_id', 'entity', 'entity_id', 'data'])
      .where('action', '=', action)
      .orderBy('seq')
      .execute();
  return { ...t, reviewer, call, entries };
}

describe('views of personal data are audited', () => {
  it('a case view: one entry per user and request, refreshes within the window are the same view', async () => {
    const t = await setup();
    const [a, b] = await t.desk.db.selectFrom('requests').select('id').orderBy('id').limit(2).execute();
    const cursor = await changesCursor(t.desk);
    await t.call('cases.get', { id: a!.id });
    await t.call('cases.get', { id: a!.id });
    await t.call('cases.get', { id: b!.id });
    expect(await t.entries('case.view')).toMatchObject([
      { actor_id: t.reviewer.user.id, entity: 'request', entity_id: String(a!.id) },
      { actor_id: t.reviewer.user.id, entity: 'request', entity_id: String(b!.id) },
    ]);
    // A view changes nothing: the desks polling for changes do not refetch (and view again) because of it.
    expect(await changesCursor(t.desk)).toEqual(cursor);
    const other = await t.as('second-viewer', ['approver']);
    await t.call('cases.get', { id: a!.id }, other.token);
    t.clock.set(new Date(t.clock.now().getTime() + CASE_VIEW_WINDOW_MS).toISOString());
    await t.call('cases.get', { id: a!.id });
    expect((await t.entries('case.view')).map((e) => [e.actor_id, e.entity_id])).toEqual([
      [t.reviewer.user.id, String(a!.id)],
      [t.reviewer.user.id, String(b!.id)],
      [other.user.id, String(a!.id)],
      [t.reviewer.user.id, String(a!.id)],
    ]);
    // A request that does not exist shows nothing and records nothing.
    await expect(t.call('cases.get', { id: 999_999 })).rejects.toThrow(/not_found/);
    expect(await t.entries('case.view')).toHaveLength(4);
    expect((await verifyAuditChain(t.desk.db)).ok).toBe(true);
  });

  it('every attachment opened, and every issued document opened, is an entry naming who and which', async () => {
    const t = await setup();
    const att = await t.desk.db.selectFrom('attachments').select(['id', 'request_id', 'kind']).orderBy('id').executeTakeFirstOrThrow();
    await t.call('attachments.open', { id: att.id });
    await t.call('attachments.open', { id: att.id });
    const opened = await t.entries('attachment.open');
    expect(opened).toHaveLength(2);
    expect(opened[0]).toMatchObject({ actor_id: t.reviewer.user.id, entity: 'request', entity_id: String(att.request_id) });
    expect(JSON.parse(opened[0]!.data)).toMatchObject({ attachmentId: att.id, kind: att.kind });

    const issued = await t.desk.db.selectFrom('requests').select('id').where('status', '=', 'document_issued').executeTakeFirst();
    expect(issued, 'the demo data has an issued document').toBeTruthy();
    const doc = await t.call<{ fileName: string }>('documents.issued', { requestId: issued!.id });
    expect(await t.entries('document.open')).toMatchObject([{ actor_id: t.reviewer.user.id, entity_id: String(issued!.id) }]);
    expect(JSON.parse((await t.entries('document.open'))[0]!.data)).toEqual({ fileName: doc.fileName });

    await t.call('reports.caseReport', { id: att.request_id, lang: 'en', copy: 'staff' });
    expect(await t.entries('report.case')).toMatchObject([{ actor_id: t.reviewer.user.id, entity_id: String(att.request_id) }]);
  });

  it('a bundle refused at intake is an entry naming who sent it and why; nothing of it is imported', async () => {
    const t = await setup();
    const admin = await t.as('importer', ['admin']);
    const requests = async () => (await t.desk.db.selectFrom('requests').select('id').execute()).length;
    const before = await requests();
    const bad = zipSync({ 'request.json': new TextEncoder().encode(JSON.stringify(goodRequestJson({ service: 'NOPE' }))), ...GOOD_FILES });
    const r = await t.call<{ ok: boolean }>('intake.upload', { name: 'bad-bundle.zip', data: Buffer.from(bad).toString('base64') }, admin.token);
    expect(r.ok).toBe(false);
    expect(await requests()).toBe(before);
    const refused = await t.entries('intake.refused');
    expect(refused).toMatchObject([{ actor_id: admin.user.id, entity: 'bundle', entity_id: 'bad-bundle.zip' }]);
    const data = JSON.parse(refused[0]!.data) as { problems: number; first: string[] };
    expect(data.problems).toBeGreaterThan(0);
    expect(data.first[0]).toMatch(/^service/);
    expect((await verifyAuditChain(t.desk.db)).ok).toBe(true);
  });
});
