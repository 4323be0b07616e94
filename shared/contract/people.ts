/** The app itself, signing in, and user administration. */
import { z } from 'zod';
import { id, text, password, username, method } from './method';
import { type AppInfo, type SessionInfo, type UserInfo, ROLES } from '../domain';
import type { RoleGrantView, UserAdminView } from '../domain/users';
import type { UpdatesView } from '../updates';

export const peopleMethods = {
  'app.info': method(z.object({}), 'public').returns<AppInfo>(),
  /** The desktop app's version and updates (the update server is named in the desk folder's updates.json). */
  'app.updates': method(z.object({}), ['admin']).returns<UpdatesView>(),
  'auth.createFirstAdmin': method(
    z.object({ username, displayName: text(100), password, loadDemo: z.boolean().default(false) }),
    'public',
  ).returns<SessionInfo>(),
  'auth.signIn': method(z.object({ username: z.string().max(64), password: z.string().max(200) }), 'public').returns<SessionInfo>(),
  'auth.signOut': method(z.object({}), 'signed_in').returns<null>(),
  'auth.me': method(z.object({}), 'signed_in').returns<UserInfo>(),
  /** With the current (or, after a reset, the temporary) password; counted like a sign-in, and opens a session. */
  'auth.changePassword': method(
    z.object({ username: z.string().max(64), currentPassword: z.string().max(200), newPassword: password }),
    'public',
  ).returns<SessionInfo>(),

  'users.list': method(z.object({}), ['admin']).returns<UserAdminView[]>(),
  'users.create': method(z.object({ username, displayName: text(100), password, roles: z.array(z.enum(ROLES)).min(1) }), [
    'admin',
  ]).returns<UserInfo>(),
  /** Roles removed go at once; roles added wait for a second admin (users.grants). */
  'users.setRoles': method(z.object({ userId: id, roles: z.array(z.enum(ROLES)) }), ['admin']).returns<UserInfo>(),
  'users.update': method(z.object({ userId: id, displayName: text(100) }), ['admin']).returns<UserAdminView>(),
  /** Ends the user's sessions at once. */
  'users.disable': method(z.object({ userId: id }), ['admin']).returns<UserAdminView>(),
  'users.enable': method(z.object({ userId: id }), ['admin']).returns<UserAdminView>(),
  /** A temporary password the user must change at next sign-in. */
  'users.resetPassword': method(z.object({ userId: id, password }), ['admin']).returns<UserAdminView>(),
  'users.unlock': method(z.object({ userId: id }), ['admin']).returns<UserAdminView>(),
  /** Role grants waiting for a second admin's confirmation or review. */
  'users.grants': method(z.object({}), ['admin']).returns<RoleGrantView[]>(),
  'users.confirmGrant': method(z.object({ grantId: id }), ['admin']).returns<RoleGrantView[]>(),
  'users.refuseGrant': method(z.object({ grantId: id }), ['admin']).returns<RoleGrantView[]>(),
} as const;
