/** A desk's checkpoints of its audit chain: written on a schedule and before every backup, read by the Audit page. */
import { createPublicKey } from 'node:crypto';
import type { Desk, DeskDeps } from '../desk/open-desk';
import type { AuditVerification, CheckpointView } from '../../../shared/domain';
import { withReadOnly } from '../db/read-only';
import { listCheckpoints, makeCheckpoint, readCheckpoint, writeCheckpoint, type AuditCheckpoint } from './checkpoint';
import { reasons, verifyAudit } from './verify';
import { DeskFault } from '../errors';

type CheckpointDeps = Pick<DeskDeps, 'db' | 'clock' | 'cardSigner' | 'checkpoints' | 'database'>;

/** The newest checkpoint of this desk's database, or null when there is none (or no place for them). */
export function lastCheckpoint(desk: Pick<DeskDeps, 'checkpoints'>): CheckpointView | null {
  if (!desk.checkpoints) return null;
  for (const { file } of listCheckpoints(desk.checkpoints)) {
    try {
      const cp = readCheckpoint(file);
      return { file, seq: cp.seq, hash: cp.hash, at: cp.at };
    } catch {
      /* an unreadable file is skipped here; verify names it when it is given */
    }
  }
  return null;
}

/**
 * Writes a checkpoint of the chain's head now, unless the newest one already holds that head.
 * Returns the checkpoint in force, or null when this desk keeps none (in-memory, a key for this process only).
 */
export async function checkpointNow(desk: CheckpointDeps): Promise<CheckpointView | null> {
  if (!desk.checkpoints) return null;
  const cp = await makeCheckpoint(desk.db, desk.cardSigner, desk.clock.now(), desk.database.describe);
  const last = lastCheckpoint(desk);
  if (last && last.seq === cp.seq && last.hash === cp.hash) return last;
  const file = writeCheckpoint(desk.checkpoints, cp);
  return { file, seq: cp.seq, hash: cp.hash, at: cp.at };
}

/** Every 15 minutes (and at start) while the desk runs: the most a truncation can hide is that long. */
export const CHECKPOINT_EVERY_MS = 15 * 60_000;

export function scheduleCheckpoints(desk: CheckpointDeps, log: (line: string) => void): () => void {
  const tick = async () => {
    try {
      await checkpointNow(desk);
    } catch (e) {
      log(`audit checkpoint failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), CHECKPOINT_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * The Audit page's check: the chain on a read-only view of the database, compared with the newest
 * checkpoint under this desk's own key. Writes nothing.
 */
export async function verifyDeskAudit(desk: Pick<Desk, 'opened' | 'cardSigner' | 'checkpoints'>): Promise<AuditVerification> {
  const newest = desk.checkpoints ? listCheckpoints(desk.checkpoints)[0] : undefined;
  const keys = [createPublicKey(desk.cardSigner.publicKeyPem)];
  return withReadOnly(desk.opened, async (db) => {
    if (!newest) return verifyAudit(db, null);
    let checkpoint: AuditCheckpoint;
    try {
      checkpoint = readCheckpoint(newest.file);
    } catch (e) {
      // A damaged checkpoint is itself a sign of tampering: say so rather than skip it.
      const chain = await verifyAudit(db, null);
      const message = e instanceof Error ? e.message : String(e);
      const messageAr = e instanceof DeskFault && e.messageAr ? e.messageAr : `تعذرت قراءة نقطة التحقق ${newest.file}`;
      return {
        ...chain,
        ok: false,
        ...reasons([chain, { reason: message, reasonAr: messageAr }]),
        checkpoint: { file: newest.file, seq: newest.seq, hash: '', at: newest.at, verdict: 'unverified', message, messageAr },
      };
    }
    return verifyAudit(db, { checkpoint, file: newest.file, keys });
  });
}
