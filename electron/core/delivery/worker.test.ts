/**
 * The delivery worker against a real SMTP relay (smtp-server, started here on 127.0.0.1) and an SMS
 * gateway stub, on the case database (SQLite and PostgreSQL): delivery parsed back with mailparser,
 * refusals and a hanging relay retried after the back-off, a crash between sending and recording,
 * dead letters, no relay, and many claims at once.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { testDesk } from '../testing/test-desk';
import { seedDemo } from '../demo/seed';
import { queueApplicantNotice, recipient, type ApplicantNotice } from '../cases/notify';
import { storedLetterPdf } from '../documents/letters/issued-letters';
import { createDeliveryWorker, transportsFor, type DeliveryWorkerOptions, type Transports } from './worker';
import { claimNext } from './claim';
import { smtpTransport } from './smtp-transport';
import { startTestRelay, type TestRelay } from './testing/smtp-relay';
import type { DeliveryConfig } from './settings';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const START = '2026-03-10T08:00:00.000Z';
const MINUTE = 60_000;

/** One seeded desk for the file (seeding is the slow part); each test starts from an empty outbox at START. */
let shared: Awaited<ReturnType<typeof seeded>> | undefined;
async function seeded() {
  const t = await testDesk(':memory:', START);
  await seedDemo(t.desk.db, t.clock, { cases: 10, seed: 7 });
  return t;
}
beforeAll(async () => {
  shared = await seeded();
}, 60_000);
afterAll(async () => shared?.desk.close());

async function setup() {
  const t = shared!;
  t.clock.set(START);
  const db = t.desk.db;
  // The seed's own decisions (and earlier tests) queued messages: each test counts only the ones it queues.
  await db.deleteFrom('delivery_attempts').execute();
  await db.updateTable('outbox').set({ copy_of: null }).execute();
  await db.deleteFrom('outbox').execute();
  /** Queues `notice` for request `requestId` as a decision would, and answers the new outbox row. */
  const queue = async (requestId: number, notice: ApplicantNotice = { kind: 'approved' }) => {
    await db.transaction().execute(async (trx) => queueApplicantNotice(trx, await recipient(trx, requestId), notice, t.clock.now().toISOString()));
    return db.selectFrom('outbox').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
  };
  const row = (id: number) => db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const anyRequest = async () => (await db.selectFrom('requests').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
  const later = (ms: number) => t.clock.set(new Date(t.clock.now().getTime() + ms).toISOString());
  return { ...t, db, queue, row, anyRequest, later };
}
type Setup = Awaited<ReturnType<typeof setup>>;

async function relay(): Promise<TestRelay> {
  const r = await startTestRelay();
  cleanups.push(() => r.close());
  return r;
}

const emailConfig = (r: TestRelay, maxAttempts = 8): DeliveryConfig => ({
  email: { host: '127.0.0.1', port: r.port, security: 'starttls', user: r.user, password: r.password, from: 'SCFHS <desk@scfhs.test>' },
  sms: null,
  capture: null,
  maxAttempts,
});

/** The relay speaks STARTTLS with smtp-server's own self-signed certificate: trusted here, as an admin's relay's certificate would be. */
const testTransports =
  (timeoutMs = 2_000) =>
  (c: DeliveryConfig): Transports => {
    const t = transportsFor(c, timeoutMs);
    if (c.email) t.email = smtpTransport({ ...c.email, timeoutMs, tls: { rejectUnauthorized: false } });
    return t;
  };

function worker(t: Setup, config: () => DeliveryConfig, more: Partial<DeliveryWorkerOptions> = {}) {
  return createDeliveryWorker({
    db: t.db,
    clock: t.clock,
    config,
    letter: (requestId) => storedLetterPdf(t.db, t.desk.cardSigner, requestId, t.clock.now()),
    transports: testTransports(),
    ...more,
  });
}

describe('delivering the outbox by e-mail', () => {
  it('one bilingual message per outbox row, Arabic first, the letter attached, the Message-ID the row’s', async () => {
    const t = await setup();
    const r = await relay();
    const issued = await t.db
      .selectFrom('requests')
      .select(['id', 'reference'])
      .where('status', '=', 'document_issued')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const withLetter = await t.queue(issued.id, { kind: 'paid', next: 'document', invoiceNumber: 'INV-2026-000001' });
    const plain = await t.queue(await t.anyRequest());
    expect(withLetter.attachment).toBe('letter');
    expect(plain.attachment).toBeNull();
    expect(withLetter.message_id).toMatch(new RegExp(`^<outbox-${withLetter.id}\\.[0-9a-f-]{36}@mumaris-desk>$`));

    const result = await worker(t, () => emailConfig(r)).runRound();
    expect(result).toMatchObject({ sent: 2, failed: 0, why: null });
    expect(r.messages.size).toBe(2);

    const mail = await simpleParser(r.messages.get(withLetter.message_id)!);
    expect(mail.messageId).toBe(withLetter.message_id);
    expect(mail.subject).toBe(`${withLetter.subject_ar} | ${withLetter.subject_en}`);
    expect(mail.subject).toContain(issued.reference);
    expect(mail.subject).toMatch(/تم استلام سداد طلبكم/);
    // Both parts, Arabic first and right-to-left in the HTML.
    expect(mail.text).toContain(withLetter.body_ar);
    expect(mail.text).toContain(withLetter.body_en);
    expect(mail.text!.indexOf(withLetter.body_ar)).toBeLessThan(mail.text!.indexOf(withLetter.body_en));
    const html = String(mail.html);
    expect(html).toMatch(/<div dir="rtl" lang="ar"/);
    expect(html).toMatch(/<div dir="ltr" lang="en"/);
    expect(html.indexOf('dir="rtl" lang="ar"')).toBeLessThan(html.indexOf('dir="ltr" lang="en"'));
    expect(html).toContain('استلمنا سداد الفاتورة INV-2026-000001');
    // The issued letter, byte for byte the one kept with the case.
    expect(mail.attachments).toHaveLength(1);
    const kept = await storedLetterPdf(t.db, t.desk.cardSigner, issued.id, t.clock.now());
    expect(mail.attachments[0]!.contentType).toBe('application/pdf');
    expect(mail.attachments[0]!.filename).toBe(kept.fileName);
    expect(Buffer.from(mail.attachments[0]!.content).equals(Buffer.from(kept.pdf))).toBe(true);
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(withLetter.to_address);

    const noPdf = await simpleParser(r.messages.get(plain.message_id)!);
    expect(noPdf.attachments).toHaveLength(0);

    const sent = await t.row(withLetter.id);
    expect(sent).toMatchObject({ state: 'sent', attempts: 1, sent_at: START, claimed_by: null, last_error: null });
    expect(sent.relay_answer).toMatch(/^250 .*queued as/);
    const proof = await t.db.selectFrom('delivery_attempts').selectAll().where('outbox_id', '=', withLetter.id).execute();
    expect(proof.map((p) => p.outcome)).toEqual(['sent']);
    // Nothing left: a second round sends nothing more.
    expect(await worker(t, () => emailConfig(r)).runRound()).toMatchObject({ sent: 0 });
    expect(r.accepted).toBe(2);
  });

  it('implicit TLS with a login; a wrong password fails the try with the relay’s answer', async () => {
    const t = await setup();
    const r = await startTestRelay({ secure: true });
    cleanups.push(() => r.close());
    const m = await t.queue(await t.anyRequest());
    let password = 'wrong-password';
    const config = (): DeliveryConfig => ({ ...emailConfig(r), email: { ...emailConfig(r).email!, security: 'tls', password } });
    const w = worker(t, config);
    expect(await w.runRound()).toMatchObject({ failed: 1 });
    expect((await t.row(m.id)).last_error).toMatch(/535/);
    password = r.password;
    t.later(MINUTE);
    expect(await w.runRound()).toMatchObject({ sent: 1 });
    expect(r.messages.has(m.message_id)).toBe(true);
  });

  it('a relay that refuses (451, then 550) is tried again after the back-off, and the message arrives once', async () => {
    const t = await setup();
    const r = await relay();
    r.behave(['refuse451', 'refuse550']);
    const m = await t.queue(await t.anyRequest());
    const w = worker(t, () => emailConfig(r));

    expect(await w.runRound()).toMatchObject({ sent: 0, failed: 1 });
    let now = await t.row(m.id);
    expect(now).toMatchObject({ state: 'failed', attempts: 1, next_attempt_at: new Date(Date.parse(START) + MINUTE).toISOString() });
    expect(now.last_error).toMatch(/451/);
    // Not before the back-off.
    t.later(59_000);
    expect(await w.runRound()).toMatchObject({ sent: 0, failed: 0 });
    t.later(1_000);
    expect(await w.runRound()).toMatchObject({ failed: 1 });
    now = await t.row(m.id);
    expect(now).toMatchObject({ state: 'failed', attempts: 2 });
    expect(now.last_error).toMatch(/550/);
    // The second wait is twice the first.
    expect(Date.parse(now.next_attempt_at!) - t.clock.now().getTime()).toBe(2 * MINUTE);
    t.later(2 * MINUTE);
    expect(await w.runRound()).toMatchObject({ sent: 1 });
    expect(await t.row(m.id)).toMatchObject({ state: 'sent', attempts: 3 });
    expect(r.messages.size).toBe(1);
    expect(r.accepted).toBe(1);
    expect(r.refused).toBe(2);
    const proof = await t.db.selectFrom('delivery_attempts').select(['outcome', 'detail']).where('outbox_id', '=', m.id).orderBy('id').execute();
    expect(proof.map((p) => p.outcome)).toEqual(['failed', 'failed', 'sent']);
  });

  it('a relay that hangs fails the try within the timeout, with the reason; the next try goes through', async () => {
    const t = await setup();
    const r = await relay();
    r.behave(['hang']);
    const m = await t.queue(await t.anyRequest());
    const w = worker(t, () => emailConfig(r), { transports: testTransports(400) });
    const started = Date.now();
    expect(await w.runRound()).toMatchObject({ failed: 1 });
    expect(Date.now() - started).toBeLessThan(5_000);
    const failed = await t.row(m.id);
    expect(failed.state).toBe('failed');
    expect(failed.last_error).toMatch(/timeout|timed out/i);
    t.later(MINUTE);
    expect(await w.runRound()).toMatchObject({ sent: 1 });
    expect(r.messages.size).toBe(1);
  });

  it('a crash between sending and recording: after the lease the message goes again with the same Message-ID, and the relay keeps one', async () => {
    const t = await setup();
    const r = await relay();
    const m = await t.queue(await t.anyRequest());
    const config = () => emailConfig(r);
    const crashed = worker(t, config, { worker: 'desk-that-dies', leaseMs: 5 * MINUTE });
    // The dying desk: claims, sends, and dies before its mark transaction runs.
    const claimed = await claimNext(t.db, {
      worker: 'desk-that-dies',
      now: t.clock.now(),
      leaseMs: 5 * MINUTE,
      channels: ['email'],
      smsCopies: false,
    });
    expect(claimed?.id).toBe(m.id);
    await testTransports()(config()).email!.send(await crashed.outgoing(claimed!));
    expect(await t.row(m.id)).toMatchObject({ state: 'sending', claimed_by: 'desk-that-dies' });

    const survivor = worker(t, config, { worker: 'survivor', leaseMs: 5 * MINUTE });
    // Under the lease nobody else takes it.
    t.later(4 * MINUTE);
    expect(await survivor.runRound()).toMatchObject({ sent: 0 });
    t.later(MINUTE);
    expect(await survivor.runRound()).toMatchObject({ sent: 1 });
    expect(await t.row(m.id)).toMatchObject({ state: 'sent', attempts: 2, message_id: m.message_id });
    expect(r.accepted).toBe(2);
    expect([...r.messages.keys()]).toEqual([m.message_id]);
  });

  it('dead after the admin’s number of tries', async () => {
    const t = await setup();
    const r = await relay();
    r.behave([], 'refuse550');
    const m = await t.queue(await t.anyRequest());
    const w = worker(t, () => emailConfig(r, 3));
    for (let i = 0; i < 3; i++) {
      await w.runRound();
      t.later(60 * MINUTE);
    }
    expect(await t.row(m.id)).toMatchObject({ state: 'dead', attempts: 3, next_attempt_at: null });
    expect(await w.runRound()).toMatchObject({ sent: 0, failed: 0, dead: 0 });
    const proof = await t.db.selectFrom('delivery_attempts').select('outcome').where('outbox_id', '=', m.id).orderBy('id').execute();
    expect(proof.map((p) => p.outcome)).toEqual(['failed', 'failed', 'failed', 'dead']);
    expect(r.messages.size).toBe(0);
  });

  it('no relay set: nothing is taken, messages stay queued', async () => {
    const t = await setup();
    const m = await t.queue(await t.anyRequest());
    let tried = 0;
    const w = worker(t, () => ({ email: null, sms: null, capture: null, maxAttempts: 8 }), {
      transports: () => ({ email: { channel: 'email', send: async () => ((tried += 1), { answer: 'should not happen' }) } }),
    });
    expect(await w.runRound()).toEqual({ sent: 0, failed: 0, dead: 0, why: 'no_relay' });
    expect(tried).toBe(0);
    expect(await t.row(m.id)).toMatchObject({ state: 'queued', attempts: 0, claimed_by: null });
  });

  it('demo capture: the .eml a relay would have received, readable in a folder', async () => {
    const t = await setup();
    const folder = join(mkdtempSync(join(tmpdir(), 'desk-capture-')), 'outbox-capture');
    const m = await t.queue(await t.anyRequest(), { kind: 'answered', text: 'نعم، يمكنكم ذلك.' });
    const w = worker(t, () => ({ email: null, sms: null, capture: folder, maxAttempts: 8 }), { transports: undefined });
    // The e-mail and its SMS copy (the applicant has a mobile), each to its own file.
    expect(await w.runRound()).toMatchObject({ sent: 2 });
    const sms = await t.db.selectFrom('outbox').selectAll().where('copy_of', '=', m.id).executeTakeFirstOrThrow();
    const smsFile = readFileSync(join(folder, `${sms.message_id.slice(1, sms.message_id.indexOf('@'))}.sms.txt`), 'utf8');
    expect(smsFile).toContain(`To: ${sms.to_address}`);
    expect(smsFile).toContain(m.subject_ar);
    const files = readdirSync(folder).filter((f) => f.endsWith('.eml'));
    expect(files).toEqual([`${m.message_id.slice(1, m.message_id.indexOf('@'))}.eml`]);
    const mail = await simpleParser(readFileSync(join(folder, files[0]!)));
    expect(mail.messageId).toBe(m.message_id);
    expect(mail.text).toContain('نعم، يمكنكم ذلك.');
    expect((await t.row(m.id)).relay_answer).toContain('captured to');
  });
});

describe('SMS through an HTTP gateway', () => {
  interface Hit {
    auth: string | undefined;
    idempotencyKey: string | undefined;
    body: { to: string; text: string; sender: string };
  }
  async function gateway(statuses: number[]): Promise<{ url: string; hits: Hit[] }> {
    const hits: Hit[] = [];
    const server: Server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        hits.push({
          auth: req.headers.authorization,
          idempotencyKey: req.headers['idempotency-key'] as string | undefined,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Hit['body'],
        });
        const status = statuses.shift() ?? 200;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(status === 200 ? '{"id":"sms-1"}' : '{"error":"busy"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`, hits };
  }

  it('an e-mail gets its SMS copy to the applicant’s mobile; the gateway sees the key, the text and the sender; a failure is retried', async () => {
    const t = await setup();
    const r = await relay();
    const gw = await gateway([503]);
    const requestId = await t.anyRequest();
    const mobile = (
      await t.db
        .selectFrom('requests')
        .innerJoin('practitioners', 'practitioners.id', 'requests.practitioner_id')
        .select('practitioners.mobile')
        .where('requests.id', '=', requestId)
        .executeTakeFirstOrThrow()
    ).mobile;
    const email = await t.queue(requestId);
    const config = (): DeliveryConfig => ({ ...emailConfig(r), sms: { url: gw.url, key: 'gateway-key-1', sender: 'SCFHS' } });
    const w = worker(t, config);
    expect(await w.runRound()).toMatchObject({ sent: 1, failed: 1 });
    const sms = await t.db.selectFrom('outbox').selectAll().where('copy_of', '=', email.id).executeTakeFirstOrThrow();
    expect(sms).toMatchObject({ channel: 'sms', to_address: mobile, state: 'failed', attempts: 1, kind: email.kind });
    expect(sms.last_error).toMatch(/503/);
    expect(gw.hits).toHaveLength(1);
    expect(gw.hits[0]).toEqual({
      auth: 'Bearer gateway-key-1',
      idempotencyKey: sms.message_id,
      body: { to: mobile, text: `${email.subject_ar}\n${email.subject_en}\nSCFHS`, sender: 'SCFHS' },
    });
    t.later(MINUTE);
    expect(await w.runRound()).toMatchObject({ sent: 1 });
    expect(await t.row(sms.id)).toMatchObject({ state: 'sent', relay_answer: '200 {"id":"sms-1"}' });
    expect(gw.hits).toHaveLength(2);
    // One copy only, however often the e-mail is taken.
    expect(await t.db.selectFrom('outbox').select('id').where('copy_of', '=', email.id).execute()).toHaveLength(1);
  });

  it('without a gateway no SMS copy is made', async () => {
    const t = await setup();
    const r = await relay();
    const email = await t.queue(await t.anyRequest());
    await worker(t, () => emailConfig(r)).runRound();
    expect(await t.db.selectFrom('outbox').select('id').where('copy_of', '=', email.id).execute()).toHaveLength(0);
  });
});

describe('many workers at once', () => {
  it('concurrent claims never take the same message twice', async () => {
    const t = await setup();
    const ids = new Set<number>();
    for (let i = 0; i < 24; i++) ids.add((await t.queue(await t.anyRequest())).id);
    const claimed: number[] = [];
    const claimer = async (name: string) => {
      for (;;) {
        const m = await claimNext(t.db, { worker: name, now: t.clock.now(), leaseMs: 5 * MINUTE, channels: ['email'], smsCopies: false });
        if (!m) return;
        claimed.push(m.id);
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, i) => claimer(`w${i}`)));
    expect(claimed).toHaveLength(ids.size);
    expect(new Set(claimed)).toEqual(ids);
  });

  it('workers delivering at once send each message exactly once', async () => {
    const t = await setup();
    for (let i = 0; i < 12; i++) await t.queue(await t.anyRequest());
    const sends = new Map<string, number>();
    const counting = (): Transports => ({
      email: {
        channel: 'email',
        send: async (m) => {
          sends.set(m.messageId, (sends.get(m.messageId) ?? 0) + 1);
          await new Promise((resolve) => setTimeout(resolve, 5));
          return { answer: '250 ok' };
        },
      },
    });
    const config = (): DeliveryConfig => ({
      email: { host: 'x', port: 25, security: 'none', user: '', password: null, from: 'a@b.c' },
      sms: null,
      capture: null,
      maxAttempts: 8,
    });
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) => worker(t, config, { worker: `desk${i}`, transports: counting }).runRound()),
    );
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(12);
    expect(sends.size).toBe(12);
    expect([...sends.values()].every((n) => n === 1)).toBe(true);
  });
});
