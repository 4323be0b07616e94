/**
 * Least privilege: what each role sees of a request and its applicant, in one table. Every method that
 * hands out case data (case view, case report, exports, outbox, attachments) asks this table; hiding a
 * field in the renderer is not enforcement. A user with several roles sees what any of them sees.
 */
import type { Role, UserInfo } from '../../../shared/domain';
import { DeskFault } from '../errors';

/**
 * - contact: the applicant's e-mail and mobile (and the addresses of the e-mails sent to them).
 * - internalNotes: staff notes not meant for the applicant.
 * - applicantNotes: notes to and from the applicant (what was asked and answered).
 * - historyDetails: who took each step and the reason written with it (otherwise: the step, the statuses and the time).
 * - audit: the request's audit entries (every action on it, with its actor).
 * - application: what the application holds beyond the identity printed on a card: CPD, questionnaire,
 *   experiences, employer, the eligibility checks.
 * - attachments: every attachment, or only the personal photo (what a card needs).
 */
export interface Visibility {
  contact: boolean;
  internalNotes: boolean;
  applicantNotes: boolean;
  historyDetails: boolean;
  audit: boolean;
  application: boolean;
  attachments: 'all' | 'photo';
}

/** The least anyone sees (a user with no role): nothing of the request beyond the photo among its attachments. */
const NOTHING: Visibility = {
  contact: false,
  internalNotes: false,
  applicantNotes: false,
  historyDetails: false,
  audit: false,
  application: false,
  attachments: 'photo',
};

/**
 * Reviewers, approvers and administrators work the request itself: they see all of it. A finance
 * officer works its money: the refund facts come from the request's statuses, invoices and the proofs
 * among its attachments, never from its contact details or staff notes (payouts go by bank reference,
 * the applicant is written to through the outbox). A card clerk prints and hands over the card: the
 * identity it prints and the photo, nothing else.
 */
export const VISIBILITY: Record<Role, Visibility> = {
  reviewer: { contact: true, internalNotes: true, applicantNotes: true, historyDetails: true, audit: true, application: true, attachments: 'all' },
  approver: { contact: true, internalNotes: true, applicantNotes: true, historyDetails: true, audit: true, application: true, attachments: 'all' },
  admin: { contact: true, internalNotes: true, applicantNotes: true, historyDetails: true, audit: true, application: true, attachments: 'all' },
  finance: { ...NOTHING, attachments: 'all' },
  card_clerk: { ...NOTHING },
};

/** What a user holding `roles` sees: the union of their roles' rows (no role: nothing). */
export function visibilityOf(user: Pick<UserInfo, 'roles'>): Visibility {
  return user.roles.reduce<Visibility>((seen, role) => {
    const row = VISIBILITY[role];
    if (!row) return seen;
    return {
      contact: seen.contact || row.contact,
      internalNotes: seen.internalNotes || row.internalNotes,
      applicantNotes: seen.applicantNotes || row.applicantNotes,
      historyDetails: seen.historyDetails || row.historyDetails,
      audit: seen.audit || row.audit,
      application: seen.application || row.application,
      attachments: seen.attachments === 'all' || row.attachments === 'all' ? 'all' : 'photo',
    };
  }, NOTHING);
}

/** The roles that see the applicant's contact details (export columns, outbox addresses). */
export const CONTACT_ROLES: readonly Role[] = (Object.keys(VISIBILITY) as Role[]).filter((r) => VISIBILITY[r].contact);

/** May this user open an attachment of this kind? */
export const mayOpenAttachment = (user: Pick<UserInfo, 'roles'>, kind: string): boolean => {
  const v = visibilityOf(user);
  return v.attachments === 'all' || kind === 'photo';
};

/**
 * A queue search for a mobile number (05…, +9665…, +…, 00…) by a role that does not see contact
 * details would tell them whose number it is: refused, saying why. An ID or a reference is fine.
 */
export function refuseContactSearch(user: Pick<UserInfo, 'roles'>, tokens: readonly string[]): void {
  if (visibilityOf(user).contact) return;
  const mobile = tokens.find((t) => /^(05\d{2,}|9665\d{2,}|\+\d{4,}|00\d{4,})$/.test(t));
  if (mobile)
    throw new DeskFault(
      'forbidden',
      'search: your role does not see applicants’ mobile numbers, so it cannot search by one',
      'search: لا يعرض لدورك رقم جوال المتقدمين، فلا يمكنه البحث به',
    );
}
