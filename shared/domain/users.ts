import type { UserInfo } from './cases';
import type { Role } from './statuses';

/** A user as the Users page shows it to an admin. */
export interface UserAdminView extends UserInfo {
  active: boolean;
  /** An admin reset the password: the user picks a new one at next sign-in. */
  mustChangePassword: boolean;
  /** Sign-in is refused until then (ISO time); null when the account is not locked. */
  lockedUntil: string | null;
  /** Refused sign-ins since the last one that succeeded. */
  failedAttempts: number;
  createdAt: string;
}

/**
 * A role grant's life: `pending` until a second admin confirms it, `flagged` when it took effect at once on a
 * single-admin desk; then `confirmed`, `refused`, or `withdrawn` by its giver.
 */
export const ROLE_GRANT_STATUSES = ['pending', 'flagged', 'confirmed', 'refused', 'withdrawn'] as const;
export type RoleGrantStatus = (typeof ROLE_GRANT_STATUSES)[number];

/** A role given by one admin that a second admin has yet to confirm (`pending`) or review (`flagged`: it took effect at once). */
export interface RoleGrantView {
  id: number;
  user: { id: number; username: string; displayName: string };
  role: Role;
  status: Extract<RoleGrantStatus, 'pending' | 'flagged'>;
  requestedBy: { id: number; displayName: string } | null;
  requestedAt: string;
  /** The caller may confirm it: not their own grant, not a grant to themselves. */
  mayConfirm: boolean;
}
