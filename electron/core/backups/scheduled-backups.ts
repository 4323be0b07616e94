/** Scheduled online backups into a folder beside the database, the newest kept, each one checked. */
import { isPostgresUrl, maskPassword } from '../db/location';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { backupFolderFor, type Desk } from '../desk/open-desk';
import type { BackupView } from '../../../shared/domain';
import { isBackupSet, setBytes, writeBackupSet } from './backup-set';
import { appendAudit } from '../audit/chain';
import { currentPolicy } from '../policy/current-policy';
import { checkpointNow } from '../audit/desk-checkpoints';
import { privateFolder } from '../files/private-files';

/** A backup set (a folder: backup-set.ts), or a single file from a desk before blob stores. */
const NAME = /^desk-(\d{8})-(\d{6})(\.sqlite)?$/;

export function listBackups(folder: string): BackupView[] {
  let names: string[] = [];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((n) => NAME.test(n) && (n.endsWith('.sqlite') || isBackupSet(join(folder, n))))
    .map((n) => {
      const [, d, t] = NAME.exec(n)!;
      const at = `${d!.slice(0, 4)}-${d!.slice(4, 6)}-${d!.slice(6)}T${t!.slice(0, 2)}:${t!.slice(2, 4)}:${t!.slice(4)}Z`;
      // A set's size is what it cost: its database and the blobs new in it (the rest are links to the previous set).
      const bytes = n.endsWith('.sqlite') ? statSync(join(folder, n)).size : setBytes(join(folder, n));
      return { file: join(folder, n), name: n, at, bytes };
    })
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.name.endsWith('.sqlite') ? 1 : -1));
}

/**
 * One backup now: a backup set (backup-set.ts) with SQLite's online backup, checked (integrity_check),
 * and the attachment blobs it names, shared with the previous set; then the oldest beyond `keep` removed.
 */
export async function runBackup(desk: Desk, folder: string, keep: number, actorId: number | null): Promise<BackupView[]> {
  // Backups are the whole database: 0600 files in a 0700 folder (files/private-files.ts).
  privateFolder(folder);
  const now = desk.clock.now();
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const dir = join(folder, `desk-${stamp}`);
  // A checkpoint of the chain goes with every backup, taken first: the backup holds at least that head.
  await checkpointNow(desk);
  const previous = listBackups(folder).find((b) => !b.name.endsWith('.sqlite') && b.file !== dir)?.file ?? null;
  let manifest;
  try {
    manifest = await writeBackupSet(desk.opened, desk.blobs, dir, previous, now.toISOString());
  } catch (e) {
    rmSync(`${dir}.partial`, { recursive: true, force: true });
    throw e;
  }
  const all = listBackups(folder);
  // Removing a set removes its links only: a blob stays as long as a kept set (or the desk) still links it.
  for (const old of all.slice(keep)) rmSync(old.file, { recursive: true, force: true });
  await appendAudit(desk.db, {
    at: now.toISOString(),
    actorId,
    action: 'backup.run',
    entity: 'backup',
    entityId: basename(dir),
    data: { kept: Math.min(all.length, keep), blobs: manifest.blobs, added: manifest.added, addedBytes: manifest.addedBytes },
  });
  return listBackups(folder);
}

/** A minute after start (when the newest backup is older than the interval), then checked every 15 minutes. */
export function scheduleBackups(desk: Desk, folder: string, log: (line: string) => void): () => void {
  const tick = async () => {
    try {
      const { policy } = await currentPolicy(desk.db, desk.clock.now().toISOString());
      const newest = listBackups(folder)[0];
      const due = !newest || desk.clock.now().getTime() - new Date(newest.at).getTime() >= policy.backupIntervalHours * 3600_000;
      if (due) {
        await runBackup(desk, folder, policy.backupKeep, null);
        log(`backup written to ${folder}`);
      }
    } catch (e) {
      log(`scheduled backup failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  // The first check waits a minute: a start-up is for opening the first queue, not for copying the file.
  const first = setTimeout(() => void tick(), 60_000);
  const timer = setInterval(() => void tick(), 15 * 60_000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

/** What to tell the person starting a desk whose database cannot be opened: what happened, and the backup that would restore it. */
export function startupFailureMessage(databaseFile: string, e: unknown): string {
  const why = maskPassword(e instanceof Error ? e.message : String(e));
  if (isPostgresUrl(databaseFile))
    return `${why}\nthe cases are on PostgreSQL (${maskPassword(databaseFile)}): check the server and this desk's address; restore with pg_restore from the server's dumps`;
  const latest = listBackups(backupFolderFor(databaseFile))[0];
  return (
    `${why}\n` +
    (latest
      ? `the latest backup is ${latest.file} (${latest.at}); to restore it: npm run --silent desk -- restore ${latest.file} --db ${databaseFile}`
      : `no backup was found in ${backupFolderFor(databaseFile)}`)
  );
}
