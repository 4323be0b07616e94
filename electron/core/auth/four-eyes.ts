/**
 * Four-eyes between users: the second signer of a request must not be someone the first signer
 * made. An admin who approved could otherwise create a user with the approver role (or give
 * one, or reset their password and so know it) and countersign as that user.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { DeskDb } from '../db/connection';
import { DeskFault } from '../errors';
import { lastHistory } from '../cases/last-history';

/** `sponsorId` created `userId`, gave or confirmed one of their roles, or last reset their password. */
export async function sponsoredBy(db: DeskDb | Transaction<Database>, userId: number, sponsorId: number): Promise<boolean> {
  const user = await db.selectFrom('users').select(['created_by', 'password_reset_by']).where('id', '=', userId).executeTakeFirst();
  if (user && (user.created_by === sponsorId || user.password_reset_by === sponsorId)) return true;
  const grant = await db
    .selectFrom('role_grants')
    .select('id')
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('requested_by', '=', sponsorId), eb.and([eb('decided_by', '=', sponsorId), eb('status', '=', 'confirmed')])]))
    .limit(1)
    .executeTakeFirst();
  if (grant) return true;
  // Roles set before grants were recorded (migration 0100) are known from the audit chain.
  const legacy = await db
    .selectFrom('audit_log')
    .select('seq')
    .where('entity', '=', 'user')
    .where('entity_id', '=', String(userId))
    .where('action', '=', 'user.set_roles')
    .where('actor_id', '=', sponsorId)
    .limit(1)
    .executeTakeFirst();
  return legacy !== undefined;
}

/**
 * Refuses the countersign of `requestId` by `secondSignerId` when the request's first signer
 * (its latest approval) sponsored them. Call at the start of the countersign's transaction.
 */
export async function mustNotBeSponsoredBy(trx: Transaction<Database>, requestId: number, secondSignerId: number): Promise<void> {
  const firstSignerId = (await lastHistory(trx, requestId, { action: 'approve' }))?.actor_id ?? null;
  if (firstSignerId === null || firstSignerId === secondSignerId) return;
  if (await sponsoredBy(trx, secondSignerId, firstSignerId))
    throw new DeskFault(
      'forbidden',
      'the second signature cannot come from a user the first signer created, gave a role to or reset the password of',
      'لا يجوز أن يأتي الاعتماد الثاني من مستخدم أنشأه المعتمد الأول أو منحه صلاحية أو أعاد تعيين كلمة مروره',
    );
}
