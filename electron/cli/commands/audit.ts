/** `desk audit verify | checkpoint`: check the audit chain against a signed checkpoint, or write one now. */
import { verifyDatabaseAudit } from '../../core/audit/verify-database';
import { checkpointNow } from '../../core/audit/desk-checkpoints';
import type { Command, Options, Print } from '../command-line';
import { UsageError } from '../usage';

/** Opened read-only, not through openDesk (which migrates, makes a key and records it): a check writes nothing. */
export async function auditVerify(address: string, deskFolder: string, values: Options, print: Print): Promise<number> {
  const r = await verifyDatabaseAudit({ address, checkpointFile: values.checkpoint, keyFile: values.key, deskFolder });
  const against = r.checkpoint ? `\ncheckpoint ${r.checkpoint.file ?? ''}: ${r.checkpoint.message}` : '\n(no checkpoint to compare with)';
  print(r, `${r.ok ? `audit chain ok: ${r.entries} entries` : `audit chain BROKEN at entry ${r.brokenAt}: ${r.reason}`}${against}`);
  return r.ok ? 0 : 1;
}

export const auditCheckpoint: Command = async ({ desk, rest, print }) => {
  if (rest[0] !== 'checkpoint') throw new UsageError('usage: desk audit verify | desk audit checkpoint');
  const cp = await checkpointNow(desk);
  if (!cp) throw new UsageError('this database keeps no checkpoints (an in-memory database)');
  print(cp, `checkpoint of entry ${cp.seq} (${cp.at}) written to ${cp.file}`);
  return 0;
};
