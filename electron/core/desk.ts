import { openDatabase, type DeskDb, type OpenedDatabase } from './db/connection';
import { currentPolicy } from './policy';
import { systemClock, type Clock } from './clock';
import { createFileTickets, type FileTickets } from './files/tickets';
import { loadCardSigner, type CardSigner } from './documents/card-signing';
import { basename, dirname, join, resolve } from 'node:path';
import { backupFolderFor } from './backups';

/** What every handler needs: the database and the time. */
export interface DeskDeps {
  db: DeskDb;
  clock: Clock;
  version: string;
  /** Loads demo data into an empty database (the first-run screen offers it). */
  loadDemo?: () => Promise<void>;
  /** Tickets for the attachment viewer's file URLs. */
  fileTickets: FileTickets;
  /** Signs and reads the cards' QR codes (the key lives beside the database, never in it). */
  cardSigner: CardSigner;
  /** Where scheduled and on-demand backups go; null for an in-memory database. */
  backupFolder: string | null;
}

export interface Desk extends DeskDeps {
  opened: OpenedDatabase;
  close(): Promise<void>;
}

export const DESK_VERSION = '0.1.0';

/** Opens the case database at `file`, migrates it and makes sure a policy is in force. */
export async function openDesk(file: string, opts: { clock?: Clock; cardKeyFile?: string | null } = {}): Promise<Desk> {
  const opened = await openDatabase(file);
  const clock = opts.clock ?? systemClock;
  await currentPolicy(opened.db, clock.now().toISOString());
  const cardSigner = loadCardSigner(opts.cardKeyFile !== undefined ? opts.cardKeyFile : cardKeyFileFor(file));
  const backupFolder = file === ':memory:' || file === '' ? null : backupFolderFor(file);
  return {
    opened,
    db: opened.db,
    clock,
    version: DESK_VERSION,
    fileTickets: createFileTickets(),
    cardSigner,
    backupFolder,
    close: () => opened.close(),
  };
}

/** The card-signing key beside the database file; an in-memory database gets a key for the process only. */
export function cardKeyFileFor(databaseFile: string): string | null {
  if (databaseFile === ':memory:' || databaseFile === '') return null;
  return join(dirname(resolve(databaseFile)), `${basename(databaseFile).replace(/\.[^.]+$/, '')}.card-signing-key.pem`);
}
