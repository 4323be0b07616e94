import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { testDesk } from '../testing/test-desk';
import { appendAudit, canonicalJson, verifyAuditChain } from './chain';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

describe('the audit chain', () => {
  it('canonical JSON sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
  });

  it('verifies, refuses UPDATE and DELETE, and names a row changed behind its back', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'desk-audit-')), 'desk.sqlite');
    const t = await testDesk(file);
    close = () => t.desk.close();
    for (let i = 0; i < 5; i++)
      await appendAudit(t.desk.db, { at: `2026-03-10T08:00:0${i}.000Z`, actorId: null, action: 'test', entity: 'x', entityId: i, data: { i } });
    // Entry 1 is the desk recording its card-signing key when it first opened the file.
    expect(await verifyAuditChain(t.desk.db)).toEqual({ ok: true, entries: 6, brokenAt: null, reason: null, reasonAr: null });
    await expect(t.desk.db.updateTable('audit_log').set({ action: 'forged' }).where('seq', '=', 3).execute()).rejects.toThrow(/append-only/);
    await expect(t.desk.db.deleteFrom('audit_log').where('seq', '=', 3).execute()).rejects.toThrow(/append-only/);
    await t.desk.close();

    // Someone with the file drops the trigger and edits entry 3.
    const raw = new BetterSqlite3(file);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare('UPDATE audit_log SET data = \'{"i":99}\' WHERE seq = 3').run();
    raw.close();
    const again = await testDesk(file);
    close = () => again.desk.close();
    const r = await verifyAuditChain(again.desk.db);
    expect(r).toMatchObject({ ok: false, brokenAt: 3 });
    expect(r.reason).toContain('entry 3');
    expect(r.reasonAr).toBe('عدل القيد 3 بعد كتابته');
  });
});
