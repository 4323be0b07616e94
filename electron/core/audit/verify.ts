/**
 * The whole check of the audit log, for `desk audit verify` and the Audit page: the hash chain
 * walked entry by entry, then compared with a signed checkpoint when there is one. Reads only.
 */
import type { KeyObject } from 'node:crypto';
import type { DeskDb } from '../db/connection';
import type { AuditVerification } from '../../../shared/domain';
import { verifyAuditChain } from './chain';
import { compareWithCheckpoint, signedBy, type AuditCheckpoint } from './checkpoint';

export interface CheckpointToCompare {
  checkpoint: AuditCheckpoint;
  /** The file it came from, named in the answer. */
  file: string | null;
  /** Keys this installation trusts (its own card-signing key, or one named with --key). */
  keys: KeyObject[];
}

type Reason = { reason: string | null; reasonAr: string | null } | null;

/** Several findings as one reason, in each language (English joined with "; ", Arabic with "؛ "). */
export function reasons(found: Reason[]): { reason: string; reasonAr: string } {
  const present = found.filter((r): r is NonNullable<Reason> => r !== null && r.reason !== null);
  return {
    reason: present.map((r) => r.reason).join('; '),
    reasonAr: present.map((r) => r.reasonAr ?? r.reason).join('؛ '),
  };
}

export async function verifyAudit(db: DeskDb, against: CheckpointToCompare | null): Promise<AuditVerification> {
  const chain = await verifyAuditChain(db);
  if (!against) return { ...chain, checkpoint: null };
  const { checkpoint: cp, file } = against;
  if (!against.keys.some((k) => signedBy(cp, k))) {
    const message = `the checkpoint${file ? ` ${file}` : ''} is not signed by this installation's key (it names key ${cp.key.slice(0, 12)}…): it was changed, or it belongs to another desk (name its public key with --key FILE)`;
    const messageAr = `نقطة التحقق${file ? ` ${file}` : ''} غير موقعة بمفتاح هذا التثبيت (تذكر المفتاح ${cp.key.slice(0, 12)}…): إما أنها عدلت، أو أنها لمكتب آخر (حدد مفتاحها العام بالخيار --key FILE)`;
    return {
      ok: false,
      entries: chain.entries,
      brokenAt: chain.brokenAt,
      ...reasons([chain, { reason: message, reasonAr: messageAr }]),
      checkpoint: { file, seq: cp.seq, hash: cp.hash, at: cp.at, verdict: 'unverified', message, messageAr },
    };
  }
  const { brokenAt, ...check } = await compareWithCheckpoint(db, cp, file);
  const ok = chain.ok && check.verdict === 'matches';
  return {
    ok,
    entries: chain.entries,
    brokenAt: chain.brokenAt ?? brokenAt,
    ...(ok
      ? { reason: null, reasonAr: null }
      : reasons([chain, check.verdict === 'matches' ? null : { reason: check.message, reasonAr: check.messageAr }])),
    checkpoint: check,
  };
}
