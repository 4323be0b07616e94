/**
 * Roles given by an admin take effect only when a second admin confirms them: one admin alone
 * cannot make an approver. A desk with no second admin who could confirm (one admin, or two of
 * whom one is the grantee) would be stuck, so there the grant takes effect at once and waits,
 * flagged, for the next admin's review; refusing it then removes the role. Removing roles takes
 * effect at once. Seeded users and the first admin (no acting admin) get their roles directly.
 *
 * Every function here runs inside the caller's transaction, after `lockUserAdministration`.
 */
import { sql } from 'kysely';
import type { Trx } from '../db/transaction';
import type { DeskDb } from '../db/connection';
import { ROLES, type Role, type RoleGrantView } from '../../../shared/domain';
import { serialise } from '../db/dialect';
import { appendAudit } from '../audit/chain';
import { DeskFault, notFound } from '../errors';

/** Serialises user administration (who is admin, grants) across desks sharing a PostgreSQL database. */
export const lockUserAdministration = (trx: Trx) => serialise(trx, 'user-administration');

export async function rolesHeld(trx: Trx | DeskDb, userId: number): Promise<Role[]> {
  const rows = await trx.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute();
  return rows
    .map((r) => r.role)
    .filter((r) => ROLES.includes(r))
    .sort();
}

async function activeAdmins(trx: Trx): Promise<number[]> {
  const rows = await trx
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.id')
    .where('users.active', '=', 1)
    .where('user_roles.role', '=', 'admin')
    .execute();
  return rows.map((r) => r.id);
}

async function addRole(trx: Trx, userId: number, role: Role): Promise<void> {
  const held = await trx.selectFrom('user_roles').select('role').where('user_id', '=', userId).where('role', '=', role).executeTakeFirst();
  if (!held) await trx.insertInto('user_roles').values({ user_id: userId, role }).execute();
}

/** A user left with no role cannot work: their sessions end (and they cannot sign in). */
async function endSessionsIfRoleless(trx: Trx, userId: number): Promise<void> {
  if ((await rolesHeld(trx, userId)).length === 0) await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** `roles` asked for `userId` by admin `actorId`: pending a second admin, or at once and flagged when no other admin could confirm. */
export async function grantRoles(trx: Trx, userId: number, roles: readonly Role[], actorId: number, at: string): Promise<{ pending: boolean }> {
  const confirmers = (await activeAdmins(trx)).filter((id) => id !== actorId && id !== userId);
  const status = confirmers.length === 0 ? 'flagged' : 'pending';
  for (const role of new Set(roles)) {
    const { id } = await trx
      .insertInto('role_grants')
      .values({ user_id: userId, role, status, requested_by: actorId, requested_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (status === 'flagged') await addRole(trx, userId, role);
    await appendAudit(trx, { at, actorId, action: 'role.grant', entity: 'user', entityId: userId, data: { grantId: id, role, status } });
  }
  return { pending: status === 'pending' };
}

/**
 * The roles an admin sets for a user: roles dropped go at once (and their pending grants are
 * withdrawn); roles added are granted as above.
 */
export async function changeRoles(trx: Trx, userId: number, roles: readonly Role[], actorId: number, at: string): Promise<void> {
  const user = await trx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
  if (!user) throw notFound(`user ${userId}`, `المستخدم ${userId}`);
  const wanted = new Set(roles);
  const held = await rolesHeld(trx, userId);
  const waiting = await trx.selectFrom('role_grants').select('role').where('user_id', '=', userId).where('status', '=', 'pending').execute();
  const removed = held.filter((r) => !wanted.has(r));
  const withdrawn = waiting.map((w) => w.role).filter((r) => !wanted.has(r));
  const added = [...wanted].filter((r) => !held.includes(r) && !waiting.some((w) => w.role === r)).sort();
  if (removed.length) await trx.deleteFrom('user_roles').where('user_id', '=', userId).where('role', 'in', removed).execute();
  if (withdrawn.length || removed.length)
    await trx
      .updateTable('role_grants')
      .set({ status: 'withdrawn', decided_by: actorId, decided_at: at })
      .where('user_id', '=', userId)
      .where('status', 'in', ['pending', 'flagged'])
      .where('role', 'in', [...withdrawn, ...removed])
      .execute();
  await appendAudit(trx, {
    at,
    actorId,
    action: 'user.change_roles',
    entity: 'user',
    entityId: userId,
    data: { roles: [...wanted].sort(), removed, withdrawn: withdrawn.sort(), granted: added },
  });
  if (added.length) await grantRoles(trx, userId, added, actorId, at);
  await endSessionsIfRoleless(trx, userId);
}

async function openGrant(trx: Trx, grantId: number) {
  const g = await trx.selectFrom('role_grants').selectAll().where('id', '=', grantId).executeTakeFirst();
  if (!g) throw notFound(`role grant ${grantId}`, `منح الصلاحية ${grantId}`);
  if (g.status !== 'pending' && g.status !== 'flagged')
    throw new DeskFault('conflict', `role grant ${grantId} was decided already (${g.status})`, `تم البت في منح الصلاحية ${grantId} من قبل`);
  return g;
}

/** Moves a grant on from the status it was read in; a second admin deciding at the same moment gets a conflict. */
async function decide(trx: Trx, g: { id: number; status: string }, status: 'confirmed' | 'refused', actorId: number, at: string) {
  const r = await trx
    .updateTable('role_grants')
    .set({ status, decided_by: actorId, decided_at: at })
    .where('id', '=', g.id)
    .where('status', '=', g.status as 'pending' | 'flagged')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1)
    throw new DeskFault('conflict', `role grant ${g.id} was decided already`, `تم البت في منح الصلاحية ${g.id} من قبل`);
}

/** A second admin confirms: a pending role takes effect; a flagged one is kept. Never the admin who asked, nor the grantee. */
export async function confirmGrant(trx: Trx, grantId: number, actorId: number, at: string): Promise<void> {
  const g = await openGrant(trx, grantId);
  if (g.requested_by === actorId)
    throw new DeskFault('forbidden', 'another admin must confirm a role you granted', 'يجب أن يؤكد منح الصلاحية مشرف غير الذي منحها');
  if (g.user_id === actorId) throw new DeskFault('forbidden', 'you cannot confirm a role granted to you', 'لا يمكنك تأكيد صلاحية ممنوحة لك');
  await decide(trx, g, 'confirmed', actorId, at);
  if (g.status === 'pending') await addRole(trx, g.user_id, g.role);
  await appendAudit(trx, { at, actorId, action: 'role.grant_confirmed', entity: 'user', entityId: g.user_id, data: { grantId, role: g.role } });
}

/** Any admin refuses: a pending role never takes effect; a flagged one is removed at once. */
export async function refuseGrant(trx: Trx, grantId: number, actorId: number, at: string): Promise<void> {
  const g = await openGrant(trx, grantId);
  await decide(trx, g, 'refused', actorId, at);
  if (g.status === 'flagged') {
    await trx.deleteFrom('user_roles').where('user_id', '=', g.user_id).where('role', '=', g.role).execute();
    await endSessionsIfRoleless(trx, g.user_id);
  }
  await appendAudit(trx, { at, actorId, action: 'role.grant_refused', entity: 'user', entityId: g.user_id, data: { grantId, role: g.role } });
}

/** Grants waiting for a second admin, oldest first, with whether `viewerId` may confirm each. */
export async function listGrants(db: DeskDb, viewerId: number): Promise<RoleGrantView[]> {
  const rows = await db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .leftJoin('users as r', 'r.id', 'g.requested_by')
    .select([
      'g.id',
      'g.role',
      'g.status',
      'g.requested_at',
      'g.requested_by',
      'u.id as user_id',
      'u.username',
      'u.display_name',
      sql<string | null>`r.display_name`.as('requester_name'),
    ])
    .where('g.status', 'in', ['pending', 'flagged'])
    .orderBy('g.requested_at')
    .orderBy('g.id')
    .execute();
  return rows.map((g) => ({
    id: g.id,
    user: { id: g.user_id, username: g.username, displayName: g.display_name },
    role: g.role,
    status: g.status as 'pending' | 'flagged',
    requestedBy: g.requested_by === null ? null : { id: g.requested_by, displayName: g.requester_name ?? '' },
    requestedAt: g.requested_at,
    mayConfirm: g.requested_by !== viewerId && g.user_id !== viewerId,
  }));
}
