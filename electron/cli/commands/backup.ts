/** `desk backup [--out FILE]`: a backup set in the backups folder, or an online backup of the database file alone. */
import { resolve } from 'node:path';
import { checkpointNow } from '../../core/audit/desk-checkpoints';
import { backupTo } from '../../core/backups/sqlite-backup';
import { runBackup } from '../../core/backups/scheduled-backups';
import { currentPolicy } from '../../core/policy/current-policy';
import type { Command } from '../command-line';
import { UsageError } from '../usage';

export const backup: Command = async ({ desk, values, print }) => {
  if (!values.out) {
    if (!desk.backupFolder) throw new UsageError('this database has no backups folder (PostgreSQL: pg_dump; in memory: none): use --out FILE');
    const { policy } = await currentPolicy(desk.db, desk.clock.now().toISOString());
    const kept = await runBackup(desk, desk.backupFolder, policy.backupKeep, null);
    print(kept[0], `backup set written to ${kept[0]!.file} (${(kept[0]!.bytes / 1024 / 1024).toFixed(1)} MB new)`);
    return 0;
  }
  // Every backup goes with a signed checkpoint of the chain, taken first (the backup holds at least that head).
  await checkpointNow(desk);
  const r = await backupTo(desk.opened, resolve(values.out));
  print(r, `backup written to ${r.file} (${r.pages} pages)`);
  return 0;
};
