/**
 * "The tables checked before serving, the whole file in the background" (db/sqlite-connection.ts, issue
 * #18), as the host and the app both open their desk (openDesk with `checkLater`): every table but the
 * attachments' bytes is checked before anything is written; damage found later in the file stops the desk the same way a
 * damaged file stops it at open (named, with the backup that restores it), never silently.
 */
import type { Desk } from './open-desk';

/** Calls `stop` with the damage if the whole file's check (still running in a worker) finds any. */
export function stopWhenDamaged(desk: Desk, stop: (damage: unknown) => void): void {
  if (desk.opened.kind === 'sqlite') desk.opened.wholeFileCheck?.catch(stop);
}

/** Resolves when the whole file is known to be whole (at once for PostgreSQL, memory or a check already done); rejects with the damage. */
export async function wholeFileChecked(desk: Desk): Promise<void> {
  if (desk.opened.kind === 'sqlite') await desk.opened.wholeFileCheck;
}
