/** Users, their roles and sessions, and the audit log of what they did. */
import type { Generated } from 'kysely';
import type { Role, RoleGrantStatus } from '../../../../shared/domain';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  active: Generated<number>;
  failed_attempts: Generated<number>;
  locked_until: string | null;
  created_at: string;
  /** 1 after an admin reset the password: the user chooses a new one before a session opens. */
  must_change_password: Generated<number>;
  /** Wrong passwords since the last lock (the lock comes at MAX_FAILED_SIGN_INS); `lockouts` doubles the next lock. */
  attempts_since_lock: Generated<number>;
  lockouts: Generated<number>;
  /** The admin who created the account; null for the first admin and seeded users. */
  created_by: number | null;
  password_reset_by: number | null;
}
/** Sign-in failures and lockout per client address ('local' for the desktop app). */
export interface SignInSourcesTable {
  source: string;
  failed_attempts: Generated<number>;
  attempts_since_lock: Generated<number>;
  lockouts: Generated<number>;
  locked_until: string | null;
  last_failure_at: string | null;
}
/** A role an admin gave: `pending` until a second admin confirms, `flagged` when it took effect at once on a single-admin desk. */
export interface RoleGrantsTable {
  id: Generated<number>;
  user_id: number;
  role: Role;
  status: RoleGrantStatus;
  requested_by: number | null;
  requested_at: string;
  decided_by: number | null;
  decided_at: string | null;
}
export interface UserRolesTable {
  user_id: number;
  role: Role;
}
export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
}
export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  data: string;
  prev_hash: string;
  hash: string;
}
