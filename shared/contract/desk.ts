/** Running the desk: policy versions, the outbox and its delivery, backups, the audit chain and the database. */
import { z } from 'zod';
import { isoDay, id, text, plain, emailAddress, STAFF, method } from './method';
import {
  type BackupView,
  type DatabaseProbe,
  type DatabaseSettingsView,
  type AuditVerification,
  type AuditTrailPage,
  type CheckpointView,
  type OutboxMessage,
  type PolicyVersionView,
  DELIVERY_STATES,
  SMTP_SECURITY,
  policySchema,
  type PolicyWhatIf,
  type DeliveryAttempt,
  type DeliverySettingsView,
  type DeliveryState,
} from '../domain';

/** The desk's backups folder; a PostgreSQL database has none (its server is backed up with pg_dump). */
type BackupsView = { folder: string | null; backups: BackupView[]; database: 'sqlite' | 'postgres' };

const databaseAddress = z.string().trim().min(1, 'enter a file or a postgres:// address').max(2000);

export const deskMethods = {
  /** The fee schedule and every other policy value in force, and the versions before it. */
  'policy.current': method(z.object({}), STAFF).returns<PolicyVersionView>(),
  'policy.history': method(z.object({}), ['admin', 'finance']).returns<PolicyVersionView[]>(),
  /** Proposes a new policy version (in force once a second admin activates it); refused if another admin saved one since `basedOnVersion`, or while a proposal waits. */
  'policy.update': method(z.object({ basedOnVersion: id, policy: policySchema, note: text(500) }), ['admin']).returns<PolicyVersionView>(),
  /** Every waiting request whose checks or fee the proposed version would change. */
  'policy.whatIf': method(z.object({ version: id }), ['admin']).returns<PolicyWhatIf>(),
  /** Puts a proposal in force: only an admin other than its proposer (audited with both names). */
  'policy.activate': method(z.object({ version: id }), ['admin']).returns<PolicyVersionView>(),
  'policy.withdraw': method(z.object({ version: id }), ['admin']).returns<PolicyVersionView>(),

  /** Newest first; `search` matches the reference, the address or a subject. */
  'outbox.list': method(
    z.object({
      limit: z.number().int().min(1).max(500).default(100),
      state: z.enum(DELIVERY_STATES).optional(),
      search: plain(z.string().trim().max(100).optional()),
    }),
    STAFF,
  ).returns<OutboxMessage[]>(),
  'outbox.counts': method(z.object({}), STAFF).returns<Record<DeliveryState, number>>(),
  'outbox.history': method(z.object({ id }), STAFF).returns<DeliveryAttempt[]>(),
  /** A failed or dead message goes back to the queue with its tries reset (audited). */
  'outbox.resend': method(z.object({ id }), ['admin']).returns<OutboxMessage>(),
  /** A queued, failed or dead message is never sent (audited). */
  'outbox.cancel': method(z.object({ id }), ['admin']).returns<OutboxMessage>(),
  'delivery.settings': method(z.object({}), ['admin']).returns<DeliverySettingsView>(),
  /** Saved outside the database (secrets in their own 0600 file); an absent password or key keeps the one saved (audited). */
  'delivery.saveSettings': method(
    z.object({
      email: z
        .object({
          host: plain(z.string().trim().min(1).max(255)),
          port: z.number().int().min(1).max(65535),
          security: z.enum(SMTP_SECURITY),
          user: plain(z.string().trim().max(255)),
          from: emailAddress,
          password: z.string().min(1).max(1000).optional(),
        })
        .nullable(),
      sms: z
        .object({
          url: z
            .string()
            .trim()
            .max(1000)
            .regex(/^https?:\/\/[^\s]+$/i, 'expected the gateway as an http(s) address'),
          key: z.string().min(1).max(1000).optional(),
          sender: plain(z.string().trim().min(1).max(32)),
        })
        .nullable(),
      maxAttempts: z.number().int().min(1).max(20),
    }),
    ['admin'],
  ).returns<DeliverySettingsView>(),
  /** Sends one test e-mail through the relay now. */
  'delivery.test': method(z.object({ to: emailAddress }), ['admin']).returns<{
    ok: boolean;
    answer: string;
  }>(),
  'backups.list': method(z.object({}), ['admin']).returns<BackupsView>(),
  'backups.run': method(z.object({}), ['admin']).returns<BackupsView>(),
  /** Walks the chain and compares it with the newest signed checkpoint; reads only. */
  'audit.verify': method(z.object({}), ['admin']).returns<AuditVerification>(),
  /** The newest signed checkpoint of the audit chain (kept outside the database), or null. */
  'audit.lastCheckpoint': method(z.object({}), ['admin']).returns<CheckpointView | null>(),
  /** The audit log newest first, filtered by user, request reference, action and Riyadh days; `before` is the previous page's. */
  'audit.browse': method(
    z
      .object({
        actorId: id.optional(),
        reference: plain(z.string().trim().min(1).max(40).optional()),
        action: z
          .string()
          .max(64)
          .regex(/^[a-z_]+(\.[a-z_]+)?$/)
          .optional(),
        from: isoDay.optional(),
        to: isoDay.optional(),
        before: id.optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'the start date is after the end date', path: ['from'] }),
    ['admin'],
  ).returns<AuditTrailPage>(),

  /** The newest change on the case database from any desk; views refresh when it moves (desks sharing PostgreSQL). */
  'desk.changes': method(z.object({}), 'signed_in').returns<{ cursor: number }>(),
  'settings.database': method(z.object({}), ['admin']).returns<DatabaseSettingsView>(),
  /** Tries an address (a SQLite file or postgres://…) without changing anything there. */
  'settings.testDatabase': method(z.object({ address: databaseAddress }), ['admin']).returns<DatabaseProbe>(),
  /** Saves the address this desk opens from its next start; null goes back to the default file. Refused unless it can be reached. */
  'settings.saveDatabase': method(z.object({ address: databaseAddress.nullable() }), ['admin']).returns<DatabaseSettingsView>(),
} as const;
