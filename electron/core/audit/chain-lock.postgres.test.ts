/**
 * The audit chain's lock on PostgreSQL: advisory locks belong to the whole database, so it is keyed by the desk's
 * schema. A desk in one schema appending (and holding the lock until it commits) must not make a desk in another
 * schema of the same database wait, while a second append in the same schema does wait for the commit.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../db/connection';
import { freshTestSchema } from '../testing/test-postgres';
import { appendAudit, verifyAuditChain } from './chain';

let schemas: Array<ReturnType<typeof freshTestSchema>>;
let opened: OpenedDatabase[];
beforeEach(() => {
  schemas = [freshTestSchema(), freshTestSchema()];
  opened = [];
});
afterEach(async () => {
  for (const o of opened) await o.close();
  for (const s of schemas) await s.drop();
});

const entry = (i: number) => ({ at: '2026-11-23T09:00:00.000Z', actorId: null, action: 'test', entity: 'x', entityId: i });

/** Whether `p` settles within `ms`. */
const settlesWithin = (p: Promise<unknown>, ms: number) =>
  Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

it('an append held open in one schema blocks its own schema only', async () => {
  const [a, b] = [await openDatabase(schemas[0]!.address), await openDatabase(schemas[1]!.address)];
  opened.push(a, b);
  const before = [(await verifyAuditChain(a.db)).entries, (await verifyAuditChain(b.db)).entries];
  let commit!: () => void;
  const held = new Promise<void>((r) => (commit = r));
  let appended!: () => void;
  const inside = new Promise<void>((r) => (appended = r));
  const holder = a.db.transaction().execute(async (trx) => {
    await appendAudit(trx, entry(1));
    appended();
    await held;
  });
  await inside;
  expect(await settlesWithin(appendAudit(b.db, entry(1)), 3_000)).toBe(true);
  const sameSchema = appendAudit(a.db, entry(2));
  expect(await settlesWithin(sameSchema, 300)).toBe(false);
  commit();
  await holder;
  await sameSchema;
  expect(await verifyAuditChain(a.db)).toMatchObject({ ok: true, entries: before[0]! + 2 });
  expect(await verifyAuditChain(b.db)).toMatchObject({ ok: true, entries: before[1]! + 1 });
});
