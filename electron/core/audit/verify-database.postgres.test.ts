/**
 * `desk audit verify` on PostgreSQL: read-only (the server refuses any write from its pool), and the
 * chain compared with the desk's checkpoint after rows are deleted or rewritten behind its back.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { openDesk, type Desk } from '../desk/open-desk';
import { fixedClock } from '../time/testing/fixed-clock';
import { freshTestSchema, testPostgresUrl } from '../testing/test-postgres';
import { seedDemo } from '../demo/seed';
import { openReadOnly } from '../db/read-only';
import { checkpointNow } from './desk-checkpoints';
import { verifyDatabaseAudit } from './verify-database';
import { hashOf } from './chain';

let schema: ReturnType<typeof freshTestSchema>;
let desk: Desk | undefined;
beforeEach(() => {
  schema = freshTestSchema();
});
afterEach(async () => {
  await desk?.close();
  desk = undefined;
  await schema.drop();
});

/** Someone with the server's owner account: the append-only triggers switched off, then the edit. */
async function behindTheDesksBack(edit: (client: pg.Client, table: string) => Promise<void>) {
  const raw = new pg.Client({ connectionString: testPostgresUrl() });
  await raw.connect();
  const table = `"${new URL(schema.address).searchParams.get('schema')}".audit_log`;
  try {
    await raw.query(`ALTER TABLE ${table} DISABLE TRIGGER audit_log_no_update`);
    await raw.query(`ALTER TABLE ${table} DISABLE TRIGGER audit_log_no_delete`);
    await edit(raw, table);
  } finally {
    await raw.end();
  }
}

describe('desk audit verify on PostgreSQL', () => {
  it('writes nothing, and names deleted and rewritten entries against the checkpoint', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'desk-pg-folder-'));
    desk = await openDesk(schema.address, { clock: fixedClock('2026-03-10T08:00:00.000Z'), settingsFolder: folder });
    await seedDemo(desk.db, desk.clock, { cases: 20, seed: 3 });
    const cp = await checkpointNow(desk);
    expect(cp?.file).toContain(join(folder, 'checkpoints'));
    const verify = (checkpointFile?: string) => verifyDatabaseAudit({ address: schema.address, deskFolder: folder, checkpointFile });

    const count = async () => Number((await sql<{ n: number }>`select count(*) as n from audit_log`.execute(desk!.db)).rows[0]!.n);
    const before = await count();
    expect(await verify()).toMatchObject({ ok: true, checkpoint: { verdict: 'matches', seq: cp!.seq } });
    expect(await count()).toBe(before);
    // The verifying pool cannot write even if it tried.
    const ro = await openReadOnly(schema.address);
    try {
      await expect(sql`delete from audit_log`.execute(ro.db)).rejects.toThrow(/read-only/);
    } finally {
      await ro.close();
    }

    await behindTheDesksBack(async (raw, table) => void (await raw.query(`DELETE FROM ${table} WHERE seq > $1`, [cp!.seq - 4])));
    const truncated = await verify(cp!.file!);
    expect(truncated).toMatchObject({ ok: false, brokenAt: cp!.seq - 3, checkpoint: { verdict: 'missing' } });
    expect(truncated.reason).toContain(`entries after seq ${cp!.seq - 4} are missing`);

    // Entry 5 rewritten and every later entry hashed again: the chain alone would pass.
    await behindTheDesksBack(async (raw, table) => {
      const rows = (await raw.query(`SELECT * FROM ${table} WHERE seq >= 4 ORDER BY seq`)).rows;
      let prev = rows[0].hash as string;
      for (const row of rows.slice(1)) {
        const changed = { ...row, data: row.seq === 5 ? '{"forged":true}' : row.data, prev_hash: prev };
        prev = hashOf(changed);
        await raw.query(`UPDATE ${table} SET data = $1, prev_hash = $2, hash = $3 WHERE seq = $4`, [changed.data, changed.prev_hash, prev, row.seq]);
      }
    });
    const rewritten = await verify(cp!.file!);
    expect(rewritten).toMatchObject({ ok: false, brokenAt: 5, checkpoint: { verdict: 'rewritten' } });
    expect(rewritten.reason).toContain('entry 5 was rewritten');
  });
});
