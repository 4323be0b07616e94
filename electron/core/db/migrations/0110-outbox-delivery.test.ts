/** 0110 on a database that already holds messages: sent ones stay sent, every row gets its own Message-ID. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../connection';

describe('0110-outbox-delivery', () => {
  it('old rows: sent_at → sent, the rest queued; a unique Message-ID for each', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'desk-0110-')), 'desk.sqlite');
    const before = await openDatabase(file, { migrateTo: '0100-user-administration' });
    for (const sentAt of ['2026-03-01T08:00:00.000Z', null, null])
      await sql`INSERT INTO outbox (request_id, to_address, kind, subject_ar, subject_en, body_ar, body_en, created_at, sent_at)
        VALUES (NULL, 'a@example.com', 'approved', 'تم', 'Done', 'نص', 'Text', '2026-03-01T07:00:00.000Z', ${sentAt})`.execute(before.db);
    await before.close();

    const after = await openDatabase(file);
    const rows = await after.db
      .selectFrom('outbox')
      .select(['id', 'state', 'channel', 'attempts', 'message_id', 'attachment'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.state, r.channel, r.attempts, r.attachment])).toEqual([
      ['sent', 'email', 0, null],
      ['queued', 'email', 0, null],
      ['queued', 'email', 0, null],
    ]);
    for (const r of rows) expect(r.message_id).toMatch(new RegExp(`^<outbox-${r.id}\\.[0-9a-f-]{36}@mumaris-desk>$`));
    expect(new Set(rows.map((r) => r.message_id)).size).toBe(3);
    // Unique: a second row with the same Message-ID is refused.
    await expect(after.db.updateTable('outbox').set({ message_id: rows[0]!.message_id }).where('id', '=', rows[1]!.id).execute()).rejects.toThrow(
      /UNIQUE/,
    );
    await after.close();
  });
});
