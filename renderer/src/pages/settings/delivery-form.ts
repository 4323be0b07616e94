import type { ArgsOf } from '../../../../shared/contract';
import type { DeliverySettingsView, SmtpSecurity } from '../../../../shared/domain';
import type { FieldLabels } from '../../components/errors';
import { MESSAGES } from '../../i18n/messages';

/** What the admin edits. The password and the key start empty: the desk never sends them back. */
export interface DeliveryForm {
  emailOn: boolean;
  host: string;
  port: number | string;
  security: SmtpSecurity;
  user: string;
  from: string;
  password: string;
  smsOn: boolean;
  url: string;
  key: string;
  sender: string;
  maxAttempts: number | string;
}

/** The usual submission port with STARTTLS, for a relay not set yet. */
const NEW_RELAY = { host: '', port: 587, security: 'starttls' as const, user: '', from: '' };

export function formFrom(view: DeliverySettingsView): DeliveryForm {
  const email = view.email ?? NEW_RELAY;
  return {
    emailOn: view.email !== null,
    host: email.host,
    port: email.port,
    security: email.security,
    user: email.user,
    from: email.from,
    password: '',
    smsOn: view.sms !== null,
    url: view.sms?.url ?? '',
    key: '',
    sender: view.sms?.sender ?? '',
    maxAttempts: view.maxAttempts,
  };
}

/**
 * The save call. An empty password or key is left out, which tells the desk to keep the one saved
 * (a secret is never shown, so the field cannot hold it); a switched-off channel is sent as null.
 * A number the admin left blank goes as NaN, for the desk to refuse by name.
 */
export function saveArgsFrom(f: DeliveryForm): ArgsOf<'delivery.saveSettings'> {
  return {
    email: f.emailOn
      ? {
          host: f.host.trim(),
          port: Number(f.port === '' ? NaN : f.port),
          security: f.security,
          user: f.user.trim(),
          from: f.from.trim(),
          ...(f.password !== '' ? { password: f.password } : {}),
        }
      : null,
    sms: f.smsOn ? { url: f.url.trim(), sender: f.sender.trim(), ...(f.key !== '' ? { key: f.key } : {}) } : null,
    maxAttempts: Number(f.maxAttempts === '' ? NaN : f.maxAttempts),
  };
}

/** The form's fields by the names the desk gives them when it refuses one ("email.from: expected an e-mail address"). */
export const DELIVERY_FIELDS: FieldLabels = {
  'email.host': MESSAGES.smtpHost,
  'email.port': MESSAGES.smtpPort,
  'email.security': MESSAGES.smtpSecurity,
  'email.user': MESSAGES.smtpUser,
  'email.from': MESSAGES.smtpFrom,
  'email.password': MESSAGES.smtpPassword,
  'sms.url': MESSAGES.smsUrl,
  'sms.key': MESSAGES.smsKey,
  'sms.sender': MESSAGES.smsSender,
  maxAttempts: MESSAGES.maxAttempts,
  to: MESSAGES.testMessageTo,
};
