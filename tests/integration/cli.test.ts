/** The command line as a person runs it: exit codes, JSON output, messages naming the field. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { DESK_CLI } from '../compiled-desk';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createPrivateKey } from 'node:crypto';
import { cardSignerFromKey } from '../../electron/core/documents/card-signing';
import { pdfText } from '../../electron/core/documents/testing/pdf-tools';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { goodRequestJson, writeFolder } from '../../electron/core/intake/testing/request-bundles';
import { openDesk } from '../../electron/core/desk/open-desk';
import { createUser } from '../../electron/core/auth/users';
import { approvedRenewals, reconciliationCsv } from '../../electron/core/finance/testing/awaiting-payment';

const dir = mkdtempSync(join(tmpdir(), 'desk-cli-'));
const db = join(dir, 'desk.sqlite');
function desk(args: string[], input?: string, dbFile = db) {
  const r = spawnSync(process.execPath, [DESK_CLI, ...args, '--db', dbFile], {
    encoding: 'utf8',
    input,
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('desk (command line)', () => {
  it('seed, audit verify, check, refund, import, sweep, backup and restore', () => {
    expect(desk(['seed', '--cases', '30', '--seed', '3']).code).toBe(0);
    const audit = desk(['audit', 'verify', '--json']);
    expect(audit.code).toBe(0);
    expect(JSON.parse(audit.out)).toMatchObject({ ok: true });

    const bundle = writeFolder(goodRequestJson());
    const check = desk(['check', '--input', bundle, '--json']);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.out).results.map((r: { rule: string }) => r.rule)).toContain('RENEWAL-WINDOW');

    const facts = {
      service: 'RENEWAL',
      submittedAt: '2026-03-01',
      requestedAt: '2026-03-20',
      studied: false,
      evaluationSessionHeld: false,
      rejectedForNoResponse: false,
      invoice: { id: 'I', lines: [{ kind: 'service', amount: 300 }] },
      payments: [{ id: 'P1', amount: 300, paidAt: '2026-03-02' }],
      grounds: [],
    };
    const refund = desk(['refund', '--input', '-'], JSON.stringify(facts));
    expect(refund.code).toBe(0);
    expect(JSON.parse(refund.out)).toMatchObject({ currency: 'SAR', total: 150 });
    const badRefund = desk(['refund', '--input', '-'], JSON.stringify({ ...facts, payments: [{ id: 'P1', amount: 'lots', paidAt: '2026-03-02' }] }));
    expect(badRefund.code).toBe(2);
    expect(badRefund.err).toContain('payments.0.amount');

    const bad = writeFolder(goodRequestJson({ applicant: { ...goodRequestJson().applicant, idExpiry: null, idType: 'iqama' } }));
    const imported = desk(['import', bundle, bad, '--json']);
    expect(imported.code).toBe(2);
    expect(JSON.parse(imported.out)).toMatchObject({ imported: 1, refused: 1 });
    expect(desk(['sweep']).code).toBe(0);

    const backup = join(dir, 'backup.sqlite');
    expect(desk(['backup', '--out', backup]).code).toBe(0);
    expect(desk(['restore', backup]).code).toBe(0);
    expect(JSON.parse(desk(['audit', 'verify', '--json']).out)).toMatchObject({ ok: true });
  }, 120_000);

  it("card prints a request's card, verify-card reads its QR payload, card-key exports the public key", () => {
    const cardsDb = join(dir, 'cards.sqlite');
    const run = (args: string[]) => desk(args, undefined, cardsDb);
    expect(run(['seed', '--cases', '120', '--seed', '5']).code).toBe(0);
    const sqlite = new BetterSqlite3(cardsDb, { readonly: true });
    const { reference } = sqlite.prepare("select reference from requests where status = 'ready_to_print' order by id limit 1").get() as {
      reference: string;
    };
    sqlite.close();
    const out = join(dir, 'card.pdf');
    const printed = run(['card', '--reference', reference, '--out', out, '--json']);
    expect(printed.code, printed.err).toBe(0);
    const { card } = JSON.parse(printed.out) as { card: string };
    expect(pdfText(readFileSync(out))).toContain(card);

    const again = new BetterSqlite3(cardsDb, { readonly: true });
    const row = again
      .prepare(
        'select c.number, c.expires_at, p.id_number from cards c join requests r on r.id = c.request_id join practitioners p on p.id = r.practitioner_id where c.number = ?',
      )
      .get(card) as { number: string; expires_at: string; id_number: string };
    again.close();
    // The signing key sits beside the database, never inside it.
    const signer = cardSignerFromKey(createPrivateKey(readFileSync(join(dir, 'cards.card-signing-key.pem'))));
    const payload = signer.payload({ kind: 'C', number: row.number, holderId: row.id_number, date: row.expires_at });
    const valid = run(['verify-card', payload, '--json']);
    expect(valid.code).toBe(0);
    expect(JSON.parse(valid.out)).toMatchObject({ verdict: 'valid', number: card });
    const forged = run([
      'verify-card',
      payload.replace(`|${row.id_number}|`, `|${row.id_number.slice(0, -1)}${(Number(row.id_number.at(-1)) + 1) % 10}|`),
    ]);
    expect(forged.code).toBe(1);
    expect(forged.out).toMatch(/^FORGED/);
    const key = join(dir, 'cards.pub.pem');
    expect(run(['card-key', '--out', key]).code).toBe(0);
    expect(readFileSync(key, 'utf8')).toBe(signer.publicKeyPem);
    expect(run(['card', '--reference', 'REQ-0000-000000', '--out', out]).err).toMatch(/no request has the reference REQ-0000-000000/);
  });

  it('export writes a queue view and a case report; a bad filter names the field', () => {
    const csv = join(dir, 'export.csv');
    const r = desk(['export', '--format', 'csv', '--status', 'submitted', '--lang', 'en', '--out', csv, '--json']);
    expect(r.code, r.err).toBe(0);
    const rows = readFileSync(csv, 'utf8').split('\r\n').filter(Boolean);
    expect(rows.length - 1).toBe(JSON.parse(r.out).rows);
    expect(rows.slice(1).every((l) => l.includes(',Submitted,'))).toBe(true);
    const bad = desk(['export', '--format', 'csv', '--status', 'nope', '--out', csv]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^desk: status:/);
    const sqlite = new BetterSqlite3(db, { readonly: true });
    const { reference } = sqlite.prepare('select reference from requests order by id limit 1').get() as { reference: string };
    sqlite.close();
    const pdf = join(dir, 'case.pdf');
    expect(desk(['export', '--format', 'pdf', '--reference', reference, '--lang', 'ar', '--out', pdf]).code).toBe(0);
    expect(pdfText(readFileSync(pdf))).toContain(reference);
  });

  it('restore refuses a damaged file and a backup from a newer desk, and keeps the database', () => {
    const damaged = join(dir, 'damaged.sqlite');
    writeFileSync(damaged, 'this is not a database at all'.repeat(200));
    const r1 = desk(['restore', damaged]);
    expect(r1.code).toBe(2);
    expect(r1.err).toContain('not a desk database');

    const newer = join(dir, 'newer.sqlite');
    expect(desk(['backup', '--out', newer]).code).toBe(0);
    const raw = new BetterSqlite3(newer);
    raw.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9990-from-the-future', '2030-01-01')").run();
    raw.close();
    const r2 = desk(['restore', newer]);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('newer desk');
    expect(desk(['audit', 'verify']).code).toBe(0);
  }, 60_000);

  it('payments import: matched lines move their requests on, unmatched kept, a second run adds nothing, a bad file is refused whole', async () => {
    const payDb = join(dir, 'payments.sqlite');
    const run = (args: string[]) => desk(args, undefined, payDb);
    // Two renewals approved through the desk's own path, so each waits with a real invoice.
    const d = await openDesk(payDb, { cardKeyFile: null });
    const reviewer = await createUser(
      d.db,
      d.clock,
      { username: 'rev', displayName: 'rev', password: 'long-enough-password', roles: ['reviewer'] },
      null,
    );
    const [a, b] = await approvedRenewals(d, reviewer, 2);
    await d.close();
    const file = join(dir, 'gateway.csv');
    writeFileSync(
      file,
      '\uFEFF' +
        reconciliationCsv([
          ['TX-CLI-1', a!.bill, '', a!.total, '2026-03-20T14:00:00+03:00', 'sadad'],
          ['TX-CLI-2', '', b!.number, 10000, '2026-03-20T14:05:00+03:00', 'card'],
          ['TX-CLI-3', '1269999992', '', 5000, '2026-03-20T14:10:00+03:00', 'sadad'],
        ]).replaceAll('\n', '\r\n'),
    );
    const first = run(['payments', 'import', file, '--json']);
    expect(first.code, first.err).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({
      fileName: 'gateway.csv',
      lines: 3,
      matched: 2,
      unmatched: 1,
      duplicates: 0,
      refused: 0,
      settled: [{ reference: a!.reference, status: 'ready_to_print' }],
      partial: [{ reference: b!.reference, remainingHalalas: b!.total - 10000 }],
    });
    const again = run(['payments', 'import', file]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('0 matched, 0 unmatched, 3 duplicate(s), 0 refused');

    const count = () => {
      const sqlite = new BetterSqlite3(payDb, { readonly: true });
      const n = (sqlite.prepare('select (select count(*) from payments) + (select count(*) from unmatched_payments) as n').get() as { n: number }).n;
      sqlite.close();
      return n;
    };
    expect(count()).toBe(3);
    const bad = join(dir, 'gateway-bad.csv');
    writeFileSync(bad, readFileSync(file, 'utf8').replace('TX-CLI-2,,', 'TX-CLI-4,,').replace(',10000,', ',100.00,'));
    const refused = run(['payments', 'import', bad, '--json']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('line 3, column amount_halalas: "100.00" is not a whole number');
    expect(JSON.parse(refused.out)).toMatchObject({ refused: 1, problems: [{ line: 3, column: 'amount_halalas' }] });
    expect(count()).toBe(3);
    expect(run(['payments', 'import', join(dir, 'no-such.csv')]).code).toBe(2);
  }, 120_000);

  it('bad input names what is wrong and exits 2', () => {
    expect(desk(['seed', '--cases', 'many']).err).toContain('--cases must be a whole number');
    expect(desk(['seed', '--cases', 'many']).code).toBe(2);
    expect(desk(['nonsense']).code).toBe(2);
    const missing = desk(['check', '--input', join(dir, 'no-such-bundle')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('does not exist');
  }, 60_000);
});
