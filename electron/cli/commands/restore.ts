/** `desk restore SET|FILE`: replace the SQLite file with a checked backup (run with no desk open). */
import { resolve } from 'node:path';
import { isPostgresUrl } from '../../core/db/location';
import { restoreBackup } from '../../core/backups/backup-set';
import type { Print } from '../command-line';
import { UsageError } from '../usage';

export async function restore(file: string, rest: string[], print: Print): Promise<number> {
  if (isPostgresUrl(file))
    throw new UsageError('restore replaces a SQLite file; a PostgreSQL database is restored with pg_restore on its server (README)');
  const backup = rest[0];
  if (!backup) throw new UsageError('restore needs the backup file: desk restore FILE');
  const r = await restoreBackup(resolve(backup), file);
  print(
    { restored: file, previous: r.previous },
    `restored ${file} from ${backup}${r.previous ? ` (the previous file is kept as ${r.previous})` : ''}`,
  );
  return 0;
}
