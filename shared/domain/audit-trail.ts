/**
 * The audit log as the Audit page browses it (`audit.browse`): newest first, a page at a time, each
 * page ending where the next begins (the entry number, not an offset: the log can hold millions).
 */

/** One entry of the audit log as an administrator reads it. */
export interface AuditTrailEntry {
  seq: number;
  at: string;
  /** The user who acted (null: the desk itself, e.g. the sweep or an import run from the command line). */
  actorId: number | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  /** The request's reference when the entry is about a request. */
  reference: string | null;
  /** What the entry recorded beside the action (JSON, keys sorted), cut to a readable length. */
  data: string;
}

/** One page of the browse and where to go on. */
export interface AuditTrailPage {
  entries: AuditTrailEntry[];
  /**
   * Where the next (older) page starts: pass it back as `before`. Null: nothing older matches. A page
   * may come back short with a `before` when the desk stopped reading after its per-call budget of
   * entries (filters without an index of their own); "older" goes on from there.
   */
  before: number | null;
  /** The oldest entry number this call read down to (shown while a rare filter is still looking). */
  readDownTo: number | null;
}
