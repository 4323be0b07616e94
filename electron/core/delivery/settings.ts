/**
 * Where the desk's messages leave from, as an admin set it on the Settings page: kept in the
 * desk's settings folder as delivery.json, the relay's password and the gateway's key in their own
 * file beside it (both owner-only, never in the database, never sent back to the page). The worker
 * reads them every round, so a save takes effect without a restart.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeliverySettingsView, SmtpSecurity } from '../../../shared/domain';
import { SMTP_SECURITY } from '../../../shared/domain';
import { DeskFault } from '../errors';

export interface EmailRelay {
  host: string;
  port: number;
  security: SmtpSecurity;
  user: string;
  from: string;
}
export interface SmsGateway {
  url: string;
  sender: string;
}
export interface DeliverySettings {
  email: EmailRelay | null;
  sms: SmsGateway | null;
  maxAttempts: number;
}
export interface DeliverySecrets {
  smtpPassword?: string;
  smsKey?: string;
}

/** Everything a round of the worker needs: what is set, its secrets, and the capture folder of a demo desk. */
export interface DeliveryConfig {
  email: (EmailRelay & { password: string | null }) | null;
  sms: (SmsGateway & { key: string | null }) | null;
  /** Messages are written to files here instead of leaving (demo desks). */
  capture: string | null;
  maxAttempts: number;
}

export const DEFAULT_MAX_ATTEMPTS = 8;
const SETTINGS = 'delivery.json';
const SECRETS = 'delivery-secrets.json';

export const deliveryFiles = (folder: string) => ({ settings: join(folder, SETTINGS), secrets: join(folder, SECRETS) });

function readJson(file: string): Record<string, unknown> {
  if (!existsSync(file)) return {};
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch (e) {
    // Said to the admin with the file's name: a damaged file is never taken for "no relay".
    throw new DeskFault(
      'internal',
      `the delivery settings file ${file} cannot be read (${e instanceof Error ? e.message : String(e)}); fix or remove it`,
      `تعذرت قراءة ملف إعدادات الإرسال ${file}؛ أصلحه أو احذفه`,
    );
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** The saved settings; a file an editor damaged is refused with its name rather than taken as "no relay". */
export function readDeliverySettings(folder: string | null): { settings: DeliverySettings; secrets: DeliverySecrets } {
  if (folder === null) return { settings: { email: null, sms: null, maxAttempts: DEFAULT_MAX_ATTEMPTS }, secrets: {} };
  const files = deliveryFiles(folder);
  const raw = readJson(files.settings);
  const rawSecrets = readJson(files.secrets);
  const e = raw.email as Record<string, unknown> | null | undefined;
  const s = raw.sms as Record<string, unknown> | null | undefined;
  const email: EmailRelay | null =
    e && str(e.host) && typeof e.port === 'number' && str(e.from)
      ? {
          host: String(e.host),
          port: e.port,
          security: SMTP_SECURITY.find((known) => known === e.security) ?? 'starttls',
          user: typeof e.user === 'string' ? e.user : '',
          from: String(e.from),
        }
      : null;
  const sms: SmsGateway | null = s && str(s.url) && str(s.sender) ? { url: String(s.url), sender: String(s.sender) } : null;
  const max = raw.maxAttempts;
  const maxAttempts = typeof max === 'number' && Number.isInteger(max) && max >= 1 && max <= 20 ? max : DEFAULT_MAX_ATTEMPTS;
  const secrets: DeliverySecrets = {};
  const pw = str(rawSecrets.smtpPassword);
  const key = str(rawSecrets.smsKey);
  if (pw) secrets.smtpPassword = pw;
  if (key) secrets.smsKey = key;
  return { settings: { email, sms, maxAttempts }, secrets };
}

export function deliveryConfig(folder: string | null, capture: string | null): DeliveryConfig {
  const { settings, secrets } = readDeliverySettings(folder);
  return {
    email: settings.email ? { ...settings.email, password: secrets.smtpPassword ?? null } : null,
    sms: settings.sms ? { ...settings.sms, key: secrets.smsKey ?? null } : null,
    capture,
    maxAttempts: settings.maxAttempts,
  };
}

/** Can anything leave: a relay, a gateway, or the demo's capture folder. */
export const canDeliver = (c: DeliveryConfig) => c.capture !== null || c.email !== null || c.sms !== null;

export function deliverySettingsView(folder: string | null, capture: string | null): DeliverySettingsView {
  const { settings, secrets } = readDeliverySettings(folder);
  const config = deliveryConfig(folder, capture);
  return {
    email: settings.email ? { ...settings.email, passwordSet: secrets.smtpPassword !== undefined } : null,
    sms: settings.sms ? { ...settings.sms, keySet: secrets.smsKey !== undefined } : null,
    capture: capture === null ? null : { folder: capture },
    maxAttempts: settings.maxAttempts,
    why: canDeliver(config) ? null : 'no_relay',
    canSave: folder !== null,
  };
}

export interface DeliverySettingsInput {
  email: (EmailRelay & { password?: string | undefined }) | null;
  sms: (SmsGateway & { key?: string | undefined }) | null;
  maxAttempts: number;
}

/**
 * Saves what the admin set. A password or key left out keeps the one saved; a relay or gateway set
 * to null forgets its secret too. Each file is written whole or not at all (a temporary file renamed).
 */
export function saveDeliverySettings(folder: string | null, input: DeliverySettingsInput): void {
  if (folder === null)
    throw new DeskFault(
      'bad_input',
      'this desk has no settings folder to keep delivery settings in',
      'هذا المكتب بلا مجلد إعدادات لحفظ إعدادات الإرسال',
    );
  const before = readDeliverySettings(folder).secrets;
  const secrets: DeliverySecrets = {};
  if (input.email) {
    const pw = input.email.password ?? before.smtpPassword;
    if (pw !== undefined) secrets.smtpPassword = pw;
  }
  if (input.sms) {
    const key = input.sms.key ?? before.smsKey;
    if (key !== undefined) secrets.smsKey = key;
  }
  const settings: DeliverySettings = {
    email: input.email
      ? { host: input.email.host, port: input.email.port, security: input.email.security, user: input.email.user, from: input.email.from }
      : null,
    sms: input.sms ? { url: input.sms.url, sender: input.sms.sender } : null,
    maxAttempts: input.maxAttempts,
  };
  mkdirSync(folder, { recursive: true });
  const files = deliveryFiles(folder);
  // Secrets first: a settings file naming a relay whose password was not written would fail every send.
  writeWhole(files.secrets, secrets);
  writeWhole(files.settings, settings);
}

function writeWhole(file: string, value: unknown): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  // The mode above holds only for a new file: a leftover temporary file keeps its own.
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}
