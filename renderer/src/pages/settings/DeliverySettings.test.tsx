import { describe, expect, it } from 'vitest';
import type { ArgsOf } from '../../../../shared/contract';
import type { DeliverySettingsView, UserInfo } from '../../../../shared/domain';
import { createClient, DeskCallError, mockTransport } from '../../api/client';
import { errorText } from '../../components/errors';
import { queryClientForTests, renderForTest } from '../../testing/render-for-test';
import { deliverySettingsQuery } from '../outbox/outbox-queries';
import { DeliverySettings } from './DeliverySettings';
import { DELIVERY_FIELDS, formFrom, saveArgsFrom } from './delivery-form';

const admin: UserInfo = { id: 1, username: 'admin', displayName: 'Admin', roles: ['admin'] };
const saved: DeliverySettingsView = {
  email: { host: 'smtp.scfhs.example', port: 587, security: 'starttls', user: 'desk', from: 'no-reply@scfhs.example', passwordSet: true },
  sms: { url: 'https://sms.example.sa/send', keySet: true, sender: 'SCFHS' },
  capture: null,
  maxAttempts: 6,
  why: null,
  canSave: true,
};

/** A desk that keeps the secrets as the real one does: an absent password or key keeps the saved one. */
function desk() {
  const calls: Array<ArgsOf<'delivery.saveSettings'>> = [];
  let secrets = { password: 'old-password', key: 'old-key' };
  let view = saved;
  const client = createClient(
    mockTransport({
      'delivery.settings': () => view,
      'delivery.saveSettings': (args) => {
        calls.push(args);
        if (args.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(args.email.from))
          throw new DeskCallError({
            code: 'bad_input',
            message: 'email.from: expected an e-mail address',
            messageAr: 'email.from: expected an e-mail address',
            issue: { code: 'email', field: 'email.from' },
          });
        secrets = { password: args.email?.password ?? secrets.password, key: args.sms?.key ?? secrets.key };
        view = {
          ...view,
          email: args.email && { ...args.email, passwordSet: true },
          sms: args.sms && { url: args.sms.url, sender: args.sms.sender, keySet: true },
          maxAttempts: args.maxAttempts,
        };
        return view;
      },
    }),
  );
  return { client, calls, secrets: () => secrets, queryClient: queryClientForTests() };
}

describe('the delivery settings form', () => {
  it('shows the saved relay, the password and key only as "set", their fields empty', async () => {
    const d = desk();
    await d.queryClient.prefetchQuery(deliverySettingsQuery(d.client));
    const html = renderForTest(<DeliverySettings />, { ...d, user: admin });
    expect(html).toContain('value="smtp.scfhs.example"');
    expect(html).toContain('value="no-reply@scfhs.example"');
    expect(html.match(/Set · Leave empty to keep the one saved/g)).toHaveLength(2);
    // The secrets never reach the page: both password fields are empty.
    expect(html.match(/type="password"[^>]*value=""|value=""[^>]*type="password"/g)).toHaveLength(2);
    expect(html).not.toContain('old-password');
    expect(html).toContain('outside the database');
  });

  it('a password left empty keeps the saved one; a new one replaces it; a channel switched off is sent as none', async () => {
    const d = desk();
    const untouched = formFrom(await d.client.call('delivery.settings', {}));
    await d.client.call('delivery.saveSettings', saveArgsFrom({ ...untouched, host: '  relay.scfhs.example ', maxAttempts: 8 }));
    expect(d.calls[0]!.email).not.toHaveProperty('password');
    expect(d.calls[0]!.sms).not.toHaveProperty('key');
    expect(d.calls[0]!.email?.host).toBe('relay.scfhs.example');
    expect(d.calls[0]!.maxAttempts).toBe(8);
    expect(d.secrets()).toEqual({ password: 'old-password', key: 'old-key' });

    const after = formFrom(await d.client.call('delivery.settings', {}));
    expect(after.password).toBe('');
    await d.client.call('delivery.saveSettings', saveArgsFrom({ ...after, password: 'new-password', smsOn: false }));
    expect(d.calls[1]).toMatchObject({ email: { password: 'new-password' }, sms: null });
    expect(d.secrets().password).toBe('new-password');
  });

  it("shows the desk's refusal with the field's label, in the user's language", async () => {
    const d = desk();
    const form = formFrom(saved);
    const refused = await d.client.call('delivery.saveSettings', saveArgsFrom({ ...form, from: 'not-an-address' })).catch((e: unknown) => e);
    expect(errorText(refused, 'en', DELIVERY_FIELDS)).toBe('Sender address: expected an e-mail address');
    expect(errorText(refused, 'ar', DELIVERY_FIELDS)).toBe('عنوان المرسل: المتوقع عنوان بريد إلكتروني صحيح');
  });

  it('starts a relay not set yet from the usual submission port, both channels off', () => {
    const f = formFrom({ email: null, sms: null, capture: null, maxAttempts: 5, why: 'no_relay', canSave: true });
    expect(f).toMatchObject({ emailOn: false, smsOn: false, port: 587, security: 'starttls', password: '', key: '' });
    expect(saveArgsFrom(f)).toEqual({ email: null, sms: null, maxAttempts: 5 });
  });
});
