/** Scheduled online backups into a folder beside the database, the newest kept, each one checked. */
import { isPostgresUrl, maskPassword } from './db/location';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Desk } from './desk';
import type { BackupView } from '../../shared/domain';
import { backupTo, inspectBackup } from './backup';
import { appendAudit } from './audit/chain';
import { currentPolicy } from './policy';
import { checkpointNow } from './audit/desk-checkpoints';
import { privateFolder } from './files/private-files';

const NAME = /^desk-(\d{8})-(\d{6})\.sqlite$/;

export function backupFolderFor(databaseFile: string): string {
  return join(dirname(resolve(databaseFile)), 'backups');
}

export function listBackups(folder: string): BackupView[] {
  let names: string[] = [];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((n) => NAME.test(n))
    .map((n) => {
      const [, d, t] = NAME.exec(n)!;
      const at = `${d!.slice(0, 4)}-${d!.slice(4, 6)}-${d!.slice(6)}T${t!.slice(0, 2)}:${t!.slice(2, 4)}:${t!.slice(4)}Z`;
      return { file: join(folder, n), name: n, at, bytes: statSync(join(folder, n)).size };
    })
    .sort((a, b) => (a.at < b.at ? 1 : -1));
}

/** One backup now: written with SQLite's online backup, then checked (integrity_check), then the oldest beyond `keep` removed. */
export async function runBackup(desk: Desk, folder: string, keep: number, actorId: number | null): Promise<BackupView[]> {
  // Backups are the whole database: 0600 files in a 0700 folder (files/private-files.ts).
  privateFolder(folder);
  const now = desk.clock.now();
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const file = join(folder, `desk-${stamp}.sqlite`);
  // A checkpoint of the chain goes with every backup, taken first: the backup holds at least that head.
  await checkpointNow(desk);
  await backupTo(desk.opened, file);
  try {
    inspectBackup(file);
  } catch (e) {
    rmSync(file, { force: true });
    throw e;
  }
  const all = listBackups(folder);
  for (const old of all.slice(keep)) rmSync(old.file, { force: true });
  await appendAudit(desk.db, {
    at: now.toISOString(),
    actorId,
    action: 'backup.run',
    entity: 'backup',
    entityId: basename(file),
    data: { kept: Math.min(all.length, keep) },
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
