/** Verifying the audit chain, alone or against a signed checkpoint kept outside the database. */

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The first entry whose hash does not match, when the chain is broken. */
  brokenAt: number | null;
  reason: string | null;
  /** The same reason in Arabic, times on Riyadh's clock (null when `reason` is). */
  reasonAr: string | null;
  /** What the signed checkpoint (kept outside the database) says, when one was compared; null when there was none. */
  checkpoint?: CheckpointCheck | null;
}

/** A signed checkpoint of the audit chain's head, kept outside the database. */
export interface CheckpointView {
  /** The file it is kept in (null when it was given some other way). */
  file: string | null;
  seq: number;
  hash: string;
  at: string;
}

/**
 * The chain compared with a checkpoint: it holds it (`matches`), lost its last entries
 * (`missing`), was rewritten (`rewritten`), or the checkpoint is not signed by this installation
 * (`unverified`: it was changed, or its key was not given).
 */
export interface CheckpointCheck extends CheckpointView {
  verdict: 'matches' | 'missing' | 'rewritten' | 'unverified';
  message: string;
  /** The same message in Arabic, times on Riyadh's clock. */
  messageAr: string;
}
