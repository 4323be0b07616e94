import { useEffect, useState } from 'react';
import { DELIVERY_STATES, QUEUES, type DeliveryState, type QueueId, type Role } from '../../shared/domain';

/** The desk's few places, kept in the address fragment so Back and reload work. */
export type Route =
  | { page: 'queue'; queue: QueueId }
  | { page: 'case'; id: number; tab?: CaseTab }
  /** A request by its reference (a mumaris-desk:// link, an address from an e-mail): resolved to its id after sign-in. */
  | { page: 'caseRef'; reference: string }
  | { page: 'outbox'; state?: DeliveryState }
  | { page: 'users' }
  | { page: 'audit' }
  | { page: 'import' }
  | { page: 'print' }
  | { page: 'verify'; payload?: string }
  | { page: 'dashboard' }
  | { page: 'backups' }
  | { page: 'settings' }
  | { page: 'finance'; tab: FinanceTab }
  | { page: 'policy' }
  | { page: 'cpdAudit' }
  /** Supervisors: overdue and due-today requests by assignee (issue #17). */
  | { page: 'escalations' }
  /** "Questions for me": requests colleagues referred to the user with a question (issue #17). */
  | { page: 'questions' }
  /** Two requests side by side (a possible duplicate, issue #20). */
  | { page: 'compare'; a: number; b: number }
  /** A saved queue view (issue #17). */
  | { page: 'view'; id: number }
  /** Each reviewer's load; with `reviewer`, that reviewer's requests (issue #17). */
  | { page: 'workload'; reviewer?: number };

/** A case's tabs that other pages link straight to: payments (finance lists), the CPD audit (its queue). */
export const CASE_TABS = ['payments', 'cpd'] as const;
export type CaseTab = (typeof CASE_TABS)[number];

/** The finance officer's pages, one address each. */
export const FINANCE_TABS = ['awaiting', 'import', 'unmatched', 'manual', 'refunds', 'reconciliation'] as const;
export type FinanceTab = (typeof FINANCE_TABS)[number];

/** A percent-encoded part of the address, or null when it is not valid (never an exception). */
function decodedPart(part: string): string | null {
  try {
    return part ? decodeURIComponent(part) : null;
  } catch {
    return null;
  }
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/');
  if (parts[0] === 'case' && /^REQ-\d{4}-\d{6}$/.test(parts[1] ?? '')) return { page: 'caseRef', reference: parts[1]! };
  if (parts[0] === 'case' && /^[0-9]+$/.test(parts[1] ?? ''))
    return (CASE_TABS as readonly string[]).includes(parts[2] ?? '')
      ? { page: 'case', id: Number(parts[1]), tab: parts[2] as CaseTab }
      : { page: 'case', id: Number(parts[1]) };
  if (parts[0] === 'finance')
    return { page: 'finance', tab: (FINANCE_TABS as readonly string[]).includes(parts[1] ?? '') ? (parts[1] as FinanceTab) : 'awaiting' };
  if (parts[0] === 'policy') return { page: 'policy' };
  if (parts[0] === 'cpdAudit') return { page: 'cpdAudit' };
  if (parts[0] === 'escalations') return { page: 'escalations' };
  if (parts[0] === 'questions') return { page: 'questions' };
  if (parts[0] === 'compare' && /^[0-9]+$/.test(parts[1] ?? '') && /^[0-9]+$/.test(parts[2] ?? ''))
    return { page: 'compare', a: Number(parts[1]), b: Number(parts[2]) };
  if (parts[0] === 'view' && /^[0-9]+$/.test(parts[1] ?? '')) return { page: 'view', id: Number(parts[1]) };
  if (parts[0] === 'workload') return /^[0-9]+$/.test(parts[1] ?? '') ? { page: 'workload', reviewer: Number(parts[1]) } : { page: 'workload' };
  if (parts[0] === 'outbox')
    return (DELIVERY_STATES as readonly string[]).includes(parts[1] ?? '')
      ? { page: 'outbox', state: parts[1] as DeliveryState }
      : { page: 'outbox' };
  if (parts[0] === 'users') return { page: 'users' };
  if (parts[0] === 'audit') return { page: 'audit' };
  if (parts[0] === 'import') return { page: 'import' };
  if (parts[0] === 'print') return { page: 'print' };
  if (parts[0] === 'verify') {
    const payload = decodedPart(parts.slice(1).join('/'));
    return payload ? { page: 'verify', payload } : { page: 'verify' };
  }
  if (parts[0] === 'dashboard') return { page: 'dashboard' };
  if (parts[0] === 'backups') return { page: 'backups' };
  if (parts[0] === 'settings') return { page: 'settings' };
  const queue = (QUEUES as readonly string[]).includes(parts[1] ?? '') ? (parts[1] as QueueId) : 'new';
  return { page: 'queue', queue };
}

export function routeHref(r: Route): string {
  switch (r.page) {
    case 'queue':
      return `#/queue/${r.queue}`;
    case 'case':
      return r.tab ? `#/case/${r.id}/${r.tab}` : `#/case/${r.id}`;
    case 'finance':
      return `#/finance/${r.tab}`;
    case 'caseRef':
      return `#/case/${r.reference}`;
    case 'verify':
      return r.payload ? `#/verify/${encodeURIComponent(r.payload)}` : '#/verify';
    case 'outbox':
      return r.state ? `#/outbox/${r.state}` : '#/outbox';
    case 'compare':
      return `#/compare/${r.a}/${r.b}`;
    case 'view':
      return `#/view/${r.id}`;
    case 'workload':
      return r.reviewer ? `#/workload/${r.reviewer}` : '#/workload';
    default:
      return `#/${r.page}`;
  }
}

export const navigate = (r: Route) => void (window.location.hash = routeHref(r));

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

/**
 * Forgets where the last user was (sign-out, session ended): the next user to sign in starts on their
 * own home (landAfterSignIn), never on the previous user's open case. Replaced, not pushed, so Back cannot return to it.
 */
export function forgetRoute(): void {
  history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/**
 * Where each role's work is: finance officers on the invoices awaiting payment, card clerks on the
 * print centre (unless they also review or approve), everyone else on the New queue.
 */
export function homeRoute(roles: readonly Role[]): Route {
  const reviews = roles.includes('reviewer') || roles.includes('approver');
  if (!reviews && roles.includes('finance')) return { page: 'finance', tab: 'awaiting' };
  if (!reviews && roles.includes('card_clerk')) return { page: 'print' };
  return { page: 'queue', queue: 'new' };
}

/**
 * After sign-in: from the bare address (where sign-out and an ended session leave it, so never the
 * previous user's case) to the user's own home; an address asked for on purpose is kept. Replaced,
 * not pushed, so Back does not return to the bare address.
 */
export function landAfterSignIn(roles: readonly Role[]): void {
  if (!/^#?\/?$/.test(window.location.hash)) return;
  history.replaceState(null, '', `${window.location.pathname}${window.location.search}${routeHref(homeRoute(roles))}`);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
