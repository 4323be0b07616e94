/**
 * Signed checkpoints of the audit chain: truncation, a rewritten (and re-hashed) chain and a forged
 * checkpoint are each named; the desk's own check reads only. On SQLite and PostgreSQL.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPublicKey } from 'node:crypto';
import { sql } from 'kysely';
import { testDesk } from '../testing/test-desk';
import type { DeskDb } from '../db/connection';
import { dialectOf } from '../db/dialect';
import { appendAudit, GENESIS_HASH, hashOf, verifyAuditChain } from './chain';
import { CHECKPOINTS_KEPT, listCheckpoints, makeCheckpoint, readCheckpoint, writeCheckpoint, type AuditCheckpoint } from './checkpoint';
import { verifyAudit } from './verify';
import { checkpointNow, lastCheckpoint } from './desk-checkpoints';
import type { AuditVerification } from '../../../shared/domain';
import type { AuditLogRow } from '../db/schema';
import { riyadhStamp } from '../time/riyadh-day';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function setup(entries: number) {
  const t = await testDesk();
  close = () => t.desk.close();
  // The entries' numbers below are counted from an empty chain.
  expect(await t.desk.db.selectFrom('audit_log').select('seq').execute()).toEqual([]);
  for (let i = 1; i <= entries; i++)
    await t.desk.db.transaction().execute((trx) =>
      appendAudit(trx, {
        at: `2026-03-10T08:00:00.${String(i).padStart(3, '0')}Z`,
        actorId: null,
        action: 'test',
        entity: 'x',
        entityId: i,
        data: { i },
      }),
    );
  const key = createPublicKey(t.desk.cardSigner.publicKeyPem);
  const checkpoint = () => makeCheckpoint(t.desk.db, t.desk.cardSigner, t.clock.now(), t.desk.database.describe);
  const verify = (cp: AuditCheckpoint) => verifyAudit(t.desk.db, { checkpoint: cp, file: null, keys: [key] });
  return { ...t, checkpoint, verify };
}

/** What someone with the database's owner (or the file) can do: switch the append-only triggers off, then edit. */
async function behindTheDesksBack(db: DeskDb, edit: () => Promise<void>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(db);
    await edit();
    await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(db);
  } else {
    await sql`DROP TRIGGER IF EXISTS audit_log_no_update`.execute(db);
    await sql`DROP TRIGGER IF EXISTS audit_log_no_delete`.execute(db);
    await edit();
  }
}

/** Rewrites entry `seq` and hashes every later entry again, so the chain alone still verifies. */
async function rewriteAndRehash(db: DeskDb, seq: number, data: string): Promise<void> {
  const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', seq).orderBy('seq').execute();
  let prev =
    seq === 1
      ? GENESIS_HASH
      : (
          await db
            .selectFrom('audit_log')
            .select('hash')
            .where('seq', '=', seq - 1)
            .executeTakeFirstOrThrow()
        ).hash;
  await behindTheDesksBack(db, async () => {
    for (const row of rows) {
      const changed = { ...row, data: row.seq === seq ? data : row.data, prev_hash: prev };
      const hash = hashOf(changed);
      await db.updateTable('audit_log').set({ data: changed.data, prev_hash: prev, hash }).where('seq', '=', row.seq).execute();
      prev = hash;
    }
  });
}

describe('audit checkpoints', () => {
  it('a chain that holds its checkpoint verifies, with the entries written since', async () => {
    const t = await setup(20);
    const cp = await t.checkpoint();
    expect(cp).toMatchObject({ kind: 'mumaris-audit-checkpoint', seq: 20, key: t.desk.cardSigner.fingerprint });
    await appendAudit(t.desk.db, { at: '2026-03-10T09:00:00.000Z', actorId: null, action: 'test', entity: 'x', entityId: 21 });
    const r = await t.verify(cp);
    expect(r).toMatchObject({ ok: true, entries: 21, brokenAt: null, checkpoint: { verdict: 'matches', seq: 20 } });
    expect(r.checkpoint?.message).toContain('1 entry since');
    // The Arabic twin: the checkpoint's time on Riyadh's clock, said so, and no English or raw UTC time in it.
    expect(r.checkpoint?.messageAr).toBe(`السلسلة تطابق نقطة التحقق المأخوذة في ${riyadhStamp(cp.at, 'ar')} (القيد 20)، وأضيف بعدها قيد واحد`);
    expect(r.checkpoint?.messageAr).not.toMatch(/[A-Za-z]/);
    expect(r.reasonAr).toBeNull();
  });

  it('names the entries deleted at the end (the triggers switched off)', async () => {
    const t = await setup(30);
    const cp = await t.checkpoint();
    await behindTheDesksBack(t.desk.db, async () => void (await t.desk.db.deleteFrom('audit_log').where('seq', '>', 24).execute()));
    // The chain alone cannot tell: what is left still links.
    expect(await verifyAuditChain(t.desk.db)).toMatchObject({ ok: true, entries: 24 });
    const r: AuditVerification = await t.verify(cp);
    expect(r).toMatchObject({ ok: false, brokenAt: 25, checkpoint: { verdict: 'missing' } });
    expect(r.reason).toContain('entries after seq 24 are missing');
    expect(r.reasonAr).toContain('القيود بعد القيد 24 مفقودة');
    expect(r.reasonAr).toContain('بتوقيت الرياض سجلت السلسلة حتى القيد 30');
  });

  it('names an entry rewritten and the chain hashed again after it', async () => {
    const t = await setup(30);
    const cp = await t.checkpoint();
    await rewriteAndRehash(t.desk.db, 12, '{"i":"forged"}');
    expect(await verifyAuditChain(t.desk.db)).toMatchObject({ ok: true });
    const r = await t.verify(cp);
    expect(r).toMatchObject({ ok: false, brokenAt: 12, checkpoint: { verdict: 'rewritten' } });
    expect(r.reason).toContain('entry 12 was rewritten');
    expect(r.reasonAr).toContain('أعيدت كتابة القيد 12: لم يعد يطابق نقطة التحقق المأخوذة في');
  });

  it('an entry changed in place is named by the chain; truncated and re-filled is named by the checkpoint', async () => {
    const t = await setup(10);
    const cp = await t.checkpoint();
    await behindTheDesksBack(t.desk.db, async () => {
      await t.desk.db.updateTable('audit_log').set({ data: '{"i":99}' }).where('seq', '=', 3).execute();
      await t.desk.db.deleteFrom('audit_log').where('seq', '>', 8).execute();
    });
    const r = await t.verify(cp);
    expect(r).toMatchObject({ ok: false, brokenAt: 3 });
    expect(r.reason).toContain('entry 3');
    expect(r.reason).toContain('entries after seq 8 are missing');
    // Both findings, in the same order, in Arabic.
    expect(r.reasonAr).toMatch(/^عدل القيد 3 بعد كتابته؛ القيود بعد القيد 8 مفقودة/);
  });

  it('a checkpoint changed after signing, or signed by another key, is refused', async () => {
    const t = await setup(5);
    const cp = await t.checkpoint();
    const forged = await t.verify({ ...cp, seq: 3 });
    expect(forged).toMatchObject({ ok: false, checkpoint: { verdict: 'unverified' } });
    expect(forged.reason).toMatch(/not signed by this installation's key/);
    expect(forged.reasonAr).toContain('غير موقعة بمفتاح هذا التثبيت');
    expect(forged.checkpoint?.messageAr).toBe(forged.reasonAr);
    const other = await testDesk();
    try {
      const r = await verifyAudit(t.desk.db, { checkpoint: cp, file: null, keys: [createPublicKey(other.desk.cardSigner.publicKeyPem)] });
      expect(r.checkpoint?.verdict).toBe('unverified');
    } finally {
      await other.desk.close();
    }
  });

  it('a long chain keeps sparse marks: a rewrite is placed between two of them', async () => {
    const t = await setup(0);
    // 5,000 entries written straight in (appending them one by one would take a while on PostgreSQL).
    let prev = GENESIS_HASH;
    const rows: AuditLogRow[] = [];
    for (let seq = 1; seq <= 5000; seq++) {
      const row = {
        seq,
        at: '2026-03-10T08:00:00.000Z',
        actor_id: null,
        action: 'test',
        entity: 'x',
        entity_id: String(seq),
        data: '{}',
        prev_hash: prev,
      };
      prev = hashOf(row);
      rows.push({ ...row, hash: prev });
    }
    for (let i = 0; i < rows.length; i += 500)
      await t.desk.db
        .insertInto('audit_log')
        .values(rows.slice(i, i + 500))
        .execute();
    const cp = await t.checkpoint();
    expect(cp.marks.length).toBeLessThan(2048 + 257);
    expect(cp.marks.at(-1)).toEqual([5000, prev.slice(0, 16)]);
    await rewriteAndRehash(t.desk.db, 1002, '{"forged":true}');
    const r = await t.verify(cp);
    expect(r).toMatchObject({ ok: false, brokenAt: 1001, checkpoint: { verdict: 'rewritten' } });
    expect(r.reason).toContain('an entry from 1001 to 1004 was rewritten');
    expect(r.reasonAr).toContain('أعيدت كتابة قيد بين القيدين 1001 و1004: القيد 1004 لم يعد يطابق');
    // The last 256 entries are marked one by one.
    await rewriteAndRehash(t.desk.db, 4900, '{"forged":true}');
    expect((await t.verify(cp)).reason).toContain('entry');
  });

  it('files: a 0700 folder, 0600 files, newest first, a head already held is not written again, the oldest dropped', async () => {
    const t = await setup(3);
    const place = { folder: join(mkdtempSync(join(tmpdir(), 'desk-cp-')), 'checkpoints'), prefix: 'desk' };
    t.desk.checkpoints = place;
    const first = await checkpointNow(t.desk);
    expect(first).toMatchObject({ seq: 3 });
    expect(statSync(place.folder).mode & 0o777).toBe(0o700);
    expect(statSync(first!.file!).mode & 0o777).toBe(0o600);
    expect(await checkpointNow(t.desk)).toEqual(first);
    expect(listCheckpoints(place)).toHaveLength(1);
    await appendAudit(t.desk.db, { at: '2026-03-10T09:00:00.000Z', actorId: null, action: 'test', entity: 'x', entityId: 4 });
    t.clock.set('2026-03-10T08:15:00.000Z');
    const second = await checkpointNow(t.desk);
    expect(lastCheckpoint(t.desk)).toEqual(second);
    expect(readCheckpoint(second!.file!)).toMatchObject({ seq: 4 });
    expect(JSON.parse(readFileSync(second!.file!, 'utf8')).signature).toMatch(/^[A-Za-z0-9_-]{80,}$/);
    // Another database's checkpoints in the same folder are not this one's.
    writeCheckpoint({ ...place, prefix: 'desk-copy' }, readCheckpoint(second!.file!));
    expect(listCheckpoints(place).map((c) => c.seq)).toEqual([4, 3]);
    const cp = readCheckpoint(second!.file!);
    for (let i = 0; i < CHECKPOINTS_KEPT + 2; i++) writeCheckpoint(place, { ...cp, at: new Date(Date.UTC(2026, 3, 1, 0, 0, i)).toISOString() });
    expect(listCheckpoints(place)).toHaveLength(CHECKPOINTS_KEPT);
    writeFileSync(join(place.folder, 'desk-20990101-000000-1.checkpoint.json'), 'not json');
    expect(() => readCheckpoint(join(place.folder, 'desk-20990101-000000-1.checkpoint.json'))).toThrow(/cannot be read/);
  });

  it('the Audit page: audit.verify compares with the newest checkpoint and writes nothing; audit.lastCheckpoint shows it', async () => {
    const t = await setup(12);
    t.desk.checkpoints = { folder: join(mkdtempSync(join(tmpdir(), 'desk-cp-')), 'checkpoints'), prefix: 'desk' };
    const admin = await t.as('auditor', ['admin']);
    expect(await t.dispatch('audit.lastCheckpoint', {}, admin.token)).toEqual({ ok: true, value: null });
    const written = await checkpointNow(t.desk);
    const state = async () => ({
      audit: (await t.desk.db.selectFrom('audit_log').select('seq').execute()).length,
      keys: (await t.desk.db.selectFrom('signing_keys').select('fingerprint').execute()).length,
      checkpoints: listCheckpoints(t.desk.checkpoints!).length,
    });
    const before = await state();
    const ok = await t.dispatch('audit.verify', {}, admin.token);
    expect(ok).toMatchObject({ ok: true, value: { ok: true, checkpoint: { verdict: 'matches', seq: written!.seq } } });
    expect(await state()).toEqual(before);
    expect(await t.dispatch('audit.lastCheckpoint', {}, admin.token)).toEqual({ ok: true, value: written });

    await behindTheDesksBack(t.desk.db, async () => void (await t.desk.db.deleteFrom('audit_log').where('seq', '>', 10).execute()));
    const broken = await t.dispatch('audit.verify', {}, admin.token);
    expect(broken).toMatchObject({ ok: true, value: { ok: false, brokenAt: 11, checkpoint: { verdict: 'missing' } } });
    expect(broken).toMatchObject({ value: { reasonAr: expect.stringContaining('القيود بعد القيد 10 مفقودة') } });
    // A damaged newest checkpoint is said so in both languages.
    writeFileSync(join(t.desk.checkpoints.folder, 'desk-20990101-000000-99.checkpoint.json'), 'not json');
    const damaged = await t.dispatch('audit.verify', {}, admin.token);
    expect(damaged).toMatchObject({
      ok: true,
      value: {
        ok: false,
        checkpoint: {
          verdict: 'unverified',
          message: expect.stringContaining('cannot be read'),
          messageAr: expect.stringContaining('تعذرت قراءة نقطة التحقق'),
        },
      },
    });
    const reviewer = await t.as('not-an-admin', ['reviewer']);
    expect(await t.dispatch('audit.lastCheckpoint', {}, reviewer.token)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
