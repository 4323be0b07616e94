/**
 * The outbox and delivery calls through the dispatcher: the settings saved outside the database
 * (owner-only, secrets apart, audited), the page's list, counts and history, and an admin's resend
 * and cancel of a dead message (state re-checked, audited), on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDesk } from '../testing/test-desk';
import { seedDemo } from '../demo/seed';
import { queueApplicantNotice, recipient } from '../cases/notify';
import { verifyAuditChain } from '../audit/chain';
import { createDeliveryWorker } from './worker';
import { deliveryFiles } from './settings';
import type { DeliveryAttempt, DeliverySettingsView, OutboxMessage } from '../../../shared/domain';

let t: Awaited<ReturnType<typeof testDesk>>;
beforeAll(async () => {
  t = await testDesk();
  await seedDemo(t.desk.db, t.clock, { cases: 10, seed: 3 });
}, 60_000);
afterAll(async () => t.desk.close());

const value = <T>(r: unknown): T => {
  expect(r).toMatchObject({ ok: true });
  return (r as { value: T }).value;
};
const audits = (action: string) => t.desk.db.selectFrom('audit_log').select(['action', 'data', 'actor_id']).where('action', '=', action).execute();

describe('delivery settings', () => {
  it('no folder: nothing can be saved and nothing sends', async () => {
    const admin = await t.as('delivery-admin', ['admin']);
    t.desk.settingsFolder = null;
    const view = value<DeliverySettingsView>(await t.dispatch('delivery.settings', {}, admin.token));
    expect(view).toEqual({ email: null, sms: null, capture: null, maxAttempts: 8, why: 'no_relay', canSave: false });
    const save = await t.dispatch('delivery.saveSettings', { email: null, sms: null, maxAttempts: 3 }, admin.token);
    expect(save).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });

  it('saved in the settings folder, secrets in their own owner-only file, audited without them', async () => {
    const admin = await t.as('delivery-admin', ['admin']);
    const reviewer = await t.as('delivery-reviewer', ['reviewer']);
    const folder = mkdtempSync(join(tmpdir(), 'desk-delivery-'));
    t.desk.settingsFolder = folder;
    const email = { host: 'relay.scfhs.test', port: 587, security: 'starttls', user: 'desk', from: 'desk@scfhs.test' };
    const sms = { url: 'https://sms.example.test/send', sender: 'SCFHS' };
    expect(await t.dispatch('delivery.saveSettings', { email, sms, maxAttempts: 5 }, reviewer.token)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const bad = await t.dispatch('delivery.saveSettings', { email: { ...email, from: 'not an address' }, sms: null, maxAttempts: 5 }, admin.token);
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_input', message: expect.stringContaining('email.from') } });
    expect(await t.dispatch('delivery.saveSettings', { email, sms: null, maxAttempts: 21 }, admin.token)).toMatchObject({ ok: false });

    const saved = value<DeliverySettingsView>(
      await t.dispatch(
        'delivery.saveSettings',
        { email: { ...email, password: 'relay-secret-1' }, sms: { ...sms, key: 'gateway-secret-1' }, maxAttempts: 5 },
        admin.token,
      ),
    );
    expect(saved).toEqual({
      email: { ...email, passwordSet: true },
      sms: { ...sms, keySet: true },
      capture: null,
      maxAttempts: 5,
      why: null,
      canSave: true,
    });
    const files = deliveryFiles(folder);
    expect(statSync(files.settings).mode & 0o777).toBe(0o600);
    expect(statSync(files.secrets).mode & 0o777).toBe(0o600);
    expect(readFileSync(files.settings, 'utf8')).not.toMatch(/secret-1/);
    expect(JSON.parse(readFileSync(files.secrets, 'utf8'))).toEqual({ smtpPassword: 'relay-secret-1', smsKey: 'gateway-secret-1' });
    expect(readdirSync(folder).sort()).toEqual(['delivery-secrets.json', 'delivery.json']);

    // A save without the password keeps it; dropping the gateway forgets its key.
    value(await t.dispatch('delivery.saveSettings', { email: { ...email, port: 465, security: 'tls' }, sms: null, maxAttempts: 4 }, admin.token));
    expect(JSON.parse(readFileSync(files.secrets, 'utf8'))).toEqual({ smtpPassword: 'relay-secret-1' });
    expect(value<DeliverySettingsView>(await t.dispatch('delivery.settings', {}, admin.token))).toMatchObject({
      email: { port: 465, security: 'tls', passwordSet: true },
      sms: null,
      maxAttempts: 4,
    });
    const entries = await audits('delivery.settings');
    expect(entries).toHaveLength(2);
    expect(entries.map((e) => e.data).join('\n')).not.toMatch(/secret-1/);
    expect(JSON.parse(entries[0]!.data)).toMatchObject({
      passwordChanged: true,
      keyChanged: true,
      maxAttempts: 5,
      email: { host: 'relay.scfhs.test' },
    });
    expect(JSON.parse(entries[1]!.data)).toMatchObject({ passwordChanged: false, keyChanged: false, sms: null });

    // A file an editor damaged is named, not taken for "no relay".
    writeFileSync(files.settings, '{ broken');
    expect(await t.dispatch('delivery.settings', {}, admin.token)).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining(files.settings) },
    });
    t.desk.settingsFolder = null;
  });

  it('a test message goes through the capture folder of a demo desk, and is audited', async () => {
    const admin = await t.as('delivery-admin', ['admin']);
    expect(value<{ ok: boolean; answer: string }>(await t.dispatch('delivery.test', { to: 'admin@scfhs.test' }, admin.token))).toEqual({
      ok: false,
      answer: 'no e-mail relay is set; save one first',
    });
    const folder = join(mkdtempSync(join(tmpdir(), 'desk-capture-')), 'outbox-capture');
    t.desk.deliveryCapture = folder;
    try {
      const r = value<{ ok: boolean; answer: string }>(await t.dispatch('delivery.test', { to: 'admin@scfhs.test' }, admin.token));
      expect(r.ok).toBe(true);
      expect(readdirSync(folder)).toHaveLength(1);
      expect(value<DeliverySettingsView>(await t.dispatch('delivery.settings', {}, admin.token))).toMatchObject({ capture: { folder }, why: null });
    } finally {
      t.desk.deliveryCapture = null;
    }
    expect((await audits('delivery.test')).map((e) => JSON.parse(e.data) as { ok: boolean }).map((d) => d.ok)).toEqual([false, true]);
  });
});

describe('the outbox page and its dead letters', () => {
  async function deadMessage() {
    const db = t.desk.db;
    const requestId = (await db.selectFrom('requests').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
    await db
      .transaction()
      .execute(async (trx) => queueApplicantNotice(trx, await recipient(trx, requestId), { kind: 'approved' }, t.clock.now().toISOString()));
    const row = await db.selectFrom('outbox').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    // Everything else is out of the way: only this message is due.
    await db.updateTable('outbox').set({ state: 'cancelled' }).where('id', '!=', row.id).where('state', 'in', ['queued', 'failed']).execute();
    const w = createDeliveryWorker({
      db,
      clock: t.clock,
      config: () => ({
        email: { host: 'x', port: 25, security: 'none', user: '', password: null, from: 'a@b.test' },
        sms: null,
        capture: null,
        maxAttempts: 1,
      }),
      letter: () => Promise.reject(new Error('no letter here')),
      transports: () => ({ email: { channel: 'email', send: () => Promise.reject(new Error('550 5.1.1 mailbox unavailable')) } }),
    });
    expect(await w.runRound()).toMatchObject({ dead: 1 });
    return row;
  }

  it('lists by state and search, counts each state, shows the history; an admin resends and cancels, each audited', async () => {
    const admin = await t.as('delivery-admin', ['admin']);
    const reviewer = await t.as('delivery-reviewer', ['reviewer']);
    const nudge = vi.fn();
    t.desk.nudgeDelivery = nudge;
    const row = await deadMessage();

    const dead = value<OutboxMessage[]>(await t.dispatch('outbox.list', { state: 'dead' }, reviewer.token));
    expect(dead.map((m) => m.id)).toEqual([row.id]);
    expect(dead[0]).toMatchObject({
      state: 'dead',
      channel: 'email',
      kind: 'approved',
      attempts: 1,
      lastError: '550 5.1.1 mailbox unavailable',
      messageId: row.message_id,
      hasAttachment: false,
      to: row.to_address,
    });
    const reference = (await t.desk.db.selectFrom('requests').select('reference').where('id', '=', row.request_id!).executeTakeFirstOrThrow())
      .reference;
    const found = value<OutboxMessage[]>(await t.dispatch('outbox.list', { search: reference.toLowerCase() }, reviewer.token));
    expect(found.map((m) => m.id)).toContain(row.id);
    expect(value<OutboxMessage[]>(await t.dispatch('outbox.list', { search: 'no-such-thing-here' }, reviewer.token))).toEqual([]);
    const counts = value<Record<string, number>>(await t.dispatch('outbox.counts', {}, reviewer.token));
    expect(counts.dead).toBe(1);
    expect(Object.keys(counts).sort()).toEqual(['cancelled', 'dead', 'failed', 'queued', 'sending', 'sent']);

    expect(await t.dispatch('outbox.resend', { id: row.id }, reviewer.token)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const resent = value<OutboxMessage>(await t.dispatch('outbox.resend', { id: row.id }, admin.token));
    expect(resent).toMatchObject({ state: 'queued', attempts: 0, nextAttemptAt: null });
    expect(nudge).toHaveBeenCalledTimes(1);
    // Re-checked: a queued message is not resent again.
    expect(await t.dispatch('outbox.resend', { id: row.id }, admin.token)).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition', message: expect.stringContaining('queued') },
    });
    expect(value<OutboxMessage>(await t.dispatch('outbox.cancel', { id: row.id }, admin.token))).toMatchObject({ state: 'cancelled' });
    expect(await t.dispatch('outbox.cancel', { id: row.id }, admin.token)).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    expect(await t.dispatch('outbox.cancel', { id: 999_999 }, admin.token)).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const history = value<DeliveryAttempt[]>(await t.dispatch('outbox.history', { id: row.id }, reviewer.token));
    expect(history.map((h) => [h.outcome, h.by])).toEqual([
      ['failed', null],
      ['dead', null],
      ['resent', 'delivery-admin'],
      ['cancelled', 'delivery-admin'],
    ]);
    expect(history[0]!.detail).toContain('550 5.1.1');
    const resend = await audits('outbox.resend');
    const cancel = await audits('outbox.cancel');
    expect(resend.map((e) => JSON.parse(e.data) as unknown)).toEqual([
      { from: 'dead', channel: 'email', requestId: row.request_id, messageId: row.message_id },
    ]);
    expect(cancel.map((e) => (JSON.parse(e.data) as { from: string }).from)).toEqual(['queued']);
    expect(resend[0]!.actor_id).toBe(admin.user.id);
    expect((await verifyAuditChain(t.desk.db)).ok).toBe(true);
    t.desk.nudgeDelivery = undefined;
  });

  it('a sent message can be neither resent nor cancelled', async () => {
    const admin = await t.as('delivery-admin', ['admin']);
    const row = await deadMessage();
    await t.desk.db.updateTable('outbox').set({ state: 'sent' }).where('id', '=', row.id).execute();
    expect(await t.dispatch('outbox.resend', { id: row.id }, admin.token)).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    expect(await t.dispatch('outbox.cancel', { id: row.id }, admin.token)).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition', messageAr: expect.stringContaining('مرسلة') },
    });
  });
});
