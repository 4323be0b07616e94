import { openDatabase, type DeskDb, type OpenedDatabase } from './db/connection';
import { currentPolicy } from './policy';
import { systemClock, type Clock } from './clock';
import { createFileTickets, type FileTickets } from './files/tickets';

/** What every handler needs: the database and the time. */
export interface DeskDeps {
  db: DeskDb;
  clock: Clock;
  version: string;
  /** Loads demo data into an empty database (the first-run screen offers it). */
  loadDemo?: () => Promise<void>;
  /** Tickets for the attachment viewer's file URLs. */
  fileTickets: FileTickets;
}

export interface Desk extends DeskDeps {
  opened: OpenedDatabase;
  close(): Promise<void>;
}

export const DESK_VERSION = '0.1.0';

/** Opens the case database at `file`, migrates it and makes sure a policy is in force. */
export async function openDesk(file: string, opts: { clock?: Clock } = {}): Promise<Desk> {
  const opened = await openDatabase(file);
  const clock = opts.clock ?? systemClock;
  await currentPolicy(opened.db, clock.now().toISOString());
  return { opened, db: opened.db, clock, version: DESK_VERSION, fileTickets: createFileTickets(), close: () => opened.close() };
}
