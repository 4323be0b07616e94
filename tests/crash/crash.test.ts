/**
 * Kill -9 in the middle of imports and decisions, many times, then reopen: the database is whole,
 * no bundle is half imported, no decision lacks its history or its audit entry, the chain verifies.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDesk } from '../../electron/core/desk/open-desk';
import { sqliteHandle } from '../../electron/core/db/connection';
import { seedDemo } from '../../electron/core/demo/seed';
import { verifyAuditChain } from '../../electron/core/audit/chain';

const KILLS = Number(process.env.CRASH_KILLS ?? 8);

function runAndKill(db: string, afterRounds: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/crash/worker.ts', db], { stdio: ['ignore', 'pipe', 'pipe'] });
    let rounds = 0;
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      rounds += (d.toString().match(/round/g) ?? []).length;
      // Killed a random few milliseconds into the next round: mid-import or mid-decision.
      if (rounds >= afterRounds) setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 40));
    });
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve(rounds) : reject(new Error(`the worker stopped by itself (${code}): ${err}`)),
    );
  });
}

describe('crash safety', () => {
  it(`survives ${KILLS} kills (SIGKILL) in the middle of imports and decisions`, { timeout: 600_000 }, async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'desk-crash-')), 'desk.sqlite');
    const setup = await openDesk(db);
    await seedDemo(setup.db, setup.clock, { cases: 60, seed: 5 });
    const last = async (table: string, column: string) =>
      Number((await sql<{ m: number }>`SELECT max(${sql.ref(column)}) AS m FROM ${sql.table(table)}`.execute(setup.db)).rows[0]!.m);
    const base = { history: await last('status_history', 'id'), audit: await last('audit_log', 'seq'), request: await last('requests', 'id') };
    await setup.close();

    for (let i = 0; i < KILLS; i++) await runAndKill(db, 1 + (i % 3));

    const desk = await openDesk(db); // runs quick_check; throws on a damaged file
    try {
      expect(sqliteHandle(desk.opened).pragma('integrity_check', { simple: true })).toBe('ok');
      expect((await verifyAuditChain(desk.db)).ok).toBe(true);
      // Every transition since the seed has its audit entry, and no audit entry lacks its transition.
      const transitions = await desk.db
        .selectFrom('status_history')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('id', '>', base.history)
        .where('action', '!=', 'submit')
        .executeTakeFirstOrThrow();
      const audited = await desk.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('seq', '>', base.audit)
        .where('action', 'like', 'request.%')
        .where('action', 'not in', ['request.imported', 'request.resubmitted_bundle'])
        .executeTakeFirstOrThrow();
      expect(Number(transitions.n)).toBeGreaterThan(0);
      expect(Number(audited.n)).toBe(Number(transitions.n));
      // Every imported request is whole: its submission, its three attachments, its import entry.
      const imported = await desk.db
        .selectFrom('requests as r')
        .select((eb) => [
          'r.id',
          eb
            .selectFrom('attachments')
            .select(sql<number>`count(*)`.as('n'))
            .whereRef('attachments.request_id', '=', 'r.id')
            .as('files'),
          eb
            .selectFrom('status_history')
            .select(sql<number>`count(*)`.as('n'))
            .whereRef('status_history.request_id', '=', 'r.id')
            .where('action', '=', 'submit')
            .as('submits'),
          eb
            .selectFrom('audit_log')
            .select(sql<number>`count(*)`.as('n'))
            .where('action', '=', 'request.imported')
            .whereRef('audit_log.entity_id', '=', sql`cast(r.id as text)`)
            .as('entries'),
        ])
        .where('r.id', '>', base.request)
        .execute();
      expect(imported.length).toBeGreaterThan(0);
      for (const r of imported) expect([r.id, Number(r.files), Number(r.submits), Number(r.entries)]).toEqual([r.id, 3, 1, 1]);
    } finally {
      await desk.close();
    }
  });
});
