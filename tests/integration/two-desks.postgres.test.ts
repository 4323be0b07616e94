/**
 * Several desks on one PostgreSQL database (the team deployment): each desk here is its own pool,
 * as separate host processes would be. Runs in the `postgres` test project only.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { openDesk, type Desk } from '../../electron/core/desk/open-desk';
import { fixedClock } from '../../electron/core/time/testing/fixed-clock';
import { freshTestSchema, testPostgresUrl } from '../../electron/core/testing/test-postgres';
import { createHandlers } from '../../electron/core/handlers';
import { createDispatch } from '../../electron/core/dispatch';
import { seedDemo, DEMO_PASSWORD } from '../../electron/core/demo/seed';
import { verifyAuditChain } from '../../electron/core/audit/chain';
import { changesCursor } from '../../electron/core/desk/database-choice';
import { DeskFault } from '../../electron/core/errors';
import * as decide from '../../electron/core/cases/decisions';
import { getUser } from '../../electron/core/auth/users';
import { probeDatabase } from '../../electron/core/db/probe';
import { sweepReturnWindows } from '../../electron/core/cases/sweep';

const NOW = '2026-11-23T08:00:00.000Z';
let schema: ReturnType<typeof freshTestSchema>;
const desks: Desk[] = [];

async function desk(keyFile: string | null = null): Promise<Desk> {
  const d = await openDesk(schema.address, { clock: fixedClock(NOW), cardKeyFile: keyFile });
  desks.push(d);
  return d;
}

const actor = async (d: Desk, username: string) => {
  const row = await d.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return { user: (await getUser(d.db, row.id))!, clock: d.clock };
};

beforeEach(() => {
  schema = freshTestSchema();
});
afterEach(async () => {
  for (const d of desks.splice(0)) await d.close();
  await schema.drop();
});

describe('desks sharing one PostgreSQL database', () => {
  it('desks opening a new database together migrate it once', async () => {
    const [a, b, c] = await Promise.all([desk(), desk(), desk()]);
    const names = await a.db
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute();
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names.map((n) => JSON.stringify(n))).size).toBe(names.length);
    expect((await b.db.selectFrom('policy').select('version').execute()).length).toBe(1);
    expect(c.database).toMatchObject({ kind: 'postgres' });
    const probe = await probeDatabase(schema.address);
    expect(probe).toMatchObject({ ok: true, kind: 'postgres', migrationsPending: 0, newerThanDesk: false });
    expect(probe.server).toMatch(/^PostgreSQL \d+/);
  });

  it('claim next from many desks at once never hands one request to two reviewers', async () => {
    const a = await desk();
    await seedDemo(a.db, a.clock, { cases: 120, seed: 3 });
    const others = await Promise.all([desk(), desk(), desk()]);
    const all = [a, ...others];
    const waiting = Number(
      (
        await a.db
          .selectFrom('requests')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', 'in', ['submitted', 'resubmitted'])
          .where('assignee_id', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(waiting).toBeGreaterThan(12);
    const reviewers = ['reviewer1', 'reviewer2', 'approver1', 'admin'];
    // Resubmissions (taken first) carry earlier claims from the demo history: count only the new ones.
    const before =
      (
        await a.db
          .selectFrom('status_history')
          .select((eb) => eb.fn.max('id').as('id'))
          .executeTakeFirstOrThrow()
      ).id ?? 0;
    // Four desks, three claims each, all at once.
    const claims = await Promise.all(all.flatMap((d, i) => [0, 1, 2].map(async () => decide.claimNext(d.db, await actor(d, reviewers[i]!)))));
    const ids = claims.flatMap((x) => (x === null ? [] : [x.id]));
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    const history = await a.db
      .selectFrom('status_history')
      .select(['request_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('action', '=', 'claim')
      .where('id', '>', before)
      .groupBy('request_id')
      .execute();
    expect(history).toHaveLength(12);
    expect(history.every((h) => Number(h.n) === 1)).toBe(true);
    expect(await verifyAuditChain(a.db)).toMatchObject({ ok: true, brokenAt: null });
  });

  it('a decision on a version another desk has moved on is refused as a conflict', async () => {
    const a = await desk();
    await seedDemo(a.db, a.clock, { cases: 30, seed: 4 });
    const b = await desk();
    const r1 = await actor(a, 'reviewer1');
    const id = (await decide.claimNext(a.db, r1))!.id;
    const seen = await a.db.selectFrom('requests').select('version').where('id', '=', id).executeTakeFirstOrThrow();
    // Desk B releases it (as an approver may) while desk A still shows the old version.
    await decide.release(b.db, await actor(b, 'approver1'), id, seen.version);
    const stale = decide.returnToApplicant(a.db, r1, id, seen.version, 'please attach the licence');
    await expect(stale).rejects.toBeInstanceOf(DeskFault);
    await expect(stale).rejects.toMatchObject({ code: 'conflict' });
  });

  it('the audit chain stays one chain under concurrent writers, refuses edits, and names a tampered entry', async () => {
    const [a, b] = [await desk(), await desk()];
    await seedDemo(a.db, a.clock, { cases: 40, seed: 5 });
    await Promise.all(
      [a, b, a, b, a, b].map(async (d, i) => decide.claimNext(d.db, await actor(d, ['reviewer1', 'reviewer2', 'approver1'][i % 3]!))),
    );
    const v = await verifyAuditChain(b.db);
    expect(v).toMatchObject({ ok: true, brokenAt: null });
    await expect(sql`UPDATE audit_log SET action = 'forged' WHERE seq = 2`.execute(a.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log WHERE seq = 2`.execute(a.db)).rejects.toThrow(/append-only/);
    // Someone with the server's superuser disables the trigger and edits entry 3.
    const raw = new pg.Client({ connectionString: testPostgresUrl() });
    await raw.connect();
    const table = `"${new URL(schema.address).searchParams.get('schema')}".audit_log`;
    await raw.query(`ALTER TABLE ${table} DISABLE TRIGGER audit_log_no_update`);
    await raw.query(`UPDATE ${table} SET data = '{"forged":true}' WHERE seq = 3`);
    await raw.end();
    expect(await verifyAuditChain(a.db)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('attachments are bytea, stored once by SHA-256, and read back byte for byte', async () => {
    const a = await desk();
    await seedDemo(a.db, a.clock, { cases: 25, seed: 6 });
    const blobs = await a.db.selectFrom('attachment_blobs').select(['sha256', 'data', 'size']).execute();
    const uses = await a.db.selectFrom('attachments').select('sha256').execute();
    expect(uses.length).toBeGreaterThan(blobs.length);
    const { createHash } = await import('node:crypto');
    for (const b of blobs) {
      expect(Buffer.isBuffer(b.data)).toBe(true);
      expect(b.data!.length).toBe(b.size);
      expect(createHash('sha256').update(b.data!).digest('hex')).toBe(b.sha256);
    }
    const type = await sql<{
      t: string;
    }>`select data_type as t from information_schema.columns where table_name = 'attachment_blobs' and column_name = 'data' and table_schema = current_schema()`.execute(
      a.db,
    );
    expect(type.rows[0]?.t).toBe('bytea');
  });

  it("another desk's change moves the change cursor the renderer polls", async () => {
    const [a, b] = [await desk(), await desk()];
    await seedDemo(a.db, a.clock, { cases: 20, seed: 7 });
    const before = await changesCursor(b);
    await decide.claimNext(a.db, await actor(a, 'reviewer1'));
    const after = await changesCursor(b);
    expect(after.cursor).toBeGreaterThan(before.cursor);
  });

  it('a card printed at one desk verifies at another (each desk its own key, public keys on record)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'desk-keys-'));
    const a = await desk(join(folder, 'a.pem'));
    const b = await desk(join(folder, 'b.pem'));
    expect(a.cardSigner.fingerprint).not.toBe(b.cardSigner.fingerprint);
    await seedDemo(a.db, a.clock, { cases: 300, seed: 8 });
    const ready = await a.db
      .selectFrom('requests')
      .select(['id', 'version'])
      .where('status', '=', 'ready_to_print')
      .limit(1)
      .executeTakeFirstOrThrow();
    const dispatchA = createDispatch(createHandlers(a), a);
    const dispatchB = createDispatch(createHandlers(b), b);
    const signIn = async (dispatch: typeof dispatchA, username: string) =>
      ((await dispatch('auth.signIn', { username, password: DEMO_PASSWORD })) as { ok: true; value: { token: string } }).value.token;
    const clerk = await signIn(dispatchA, 'clerk1');
    const printed = await dispatchA('print.markPrinted', { items: [ready], layout: 'cr80' }, clerk);
    expect(printed.ok).toBe(true);
    const card = await a.db.selectFrom('cards').select('number').where('request_id', '=', ready.id).executeTakeFirstOrThrow();
    const holder = await a.db
      .selectFrom('cards as c')
      .innerJoin('requests as r', 'r.id', 'c.request_id')
      .innerJoin('practitioners as p', 'p.id', 'r.practitioner_id')
      .select(['p.id_number', 'c.expires_at'])
      .where('c.number', '=', card.number)
      .executeTakeFirstOrThrow();
    const payload = a.cardSigner.payload({ kind: 'C', number: card.number, holderId: holder.id_number, date: holder.expires_at });
    const atB = await dispatchB('cards.verify', { payload });
    expect(atB).toMatchObject({ ok: true, value: { verdict: 'valid', number: card.number } });
    // Revoked: desk A's key no longer vouches for its cards anywhere else.
    await a.db.updateTable('signing_keys').set({ revoked_at: NOW }).where('fingerprint', '=', a.cardSigner.fingerprint).execute();
    expect(await dispatchB('cards.verify', { payload })).toMatchObject({ ok: true, value: { verdict: 'forged' } });
  });

  it('every desk sweeps expired return windows at once; each request is expired once, and no desk fails', async () => {
    const a = await desk();
    await seedDemo(a.db, a.clock, { cases: 150, seed: 9 });
    const [b, c] = [await desk(), await desk()];
    const returned = await a.db.selectFrom('requests').select('id').where('status', '=', 'returned').execute();
    expect(returned.length).toBeGreaterThan(0);
    const later = fixedClock('2027-06-01T08:00:00.000Z');
    const results = await Promise.all([a, b, c].map((d) => sweepReturnWindows(d.db, later)));
    const all = results.flatMap((r) => r.rejected);
    expect(all).toHaveLength(returned.length);
    expect(new Set(all).size).toBe(all.length);
  });

  it('a database from a newer desk is refused and left untouched', async () => {
    const a = await desk();
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('9990-from-the-future', '2030-01-01T00:00:00Z')`.execute(a.db);
    await expect(openDesk(schema.address, { clock: fixedClock(NOW), cardKeyFile: null })).rejects.toThrow(/newer version/);
    expect(await probeDatabase(schema.address)).toMatchObject({ ok: true, newerThanDesk: true });
  });
});
