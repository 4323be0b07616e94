import { openDatabase, type DeskDb, type OpenedDatabase } from '../db/connection';
import { currentPolicy } from '../policy/current-policy';
import { fillMissingDueDays } from '../cases/sla-due';
import { systemClock, type Clock } from '../time/clock';
import { createFileTickets, type FileTickets } from '../files/tickets';
import { loadCardSigner, type CardSigner } from '../documents/card-signing';
import { basename, dirname, join, resolve } from 'node:path';
import { registerSigningKey } from '../cards/signing-keys';
import { defaultDataFolder } from './data-folder';
import { inMemory, type DatabaseLocation } from '../db/location';
import type { DatabaseSource } from './settings-file';
import { checkpointPlaceFor, type CheckpointPlace } from '../audit/checkpoint';
import type { BlobStore } from '../blobs/blob-store';
import { chooseBlobStore } from '../blobs/choose-store';

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
  /**
   * Where the audit chain's signed checkpoints go (outside the database): beside a SQLite file, in
   * this desk's own folder for PostgreSQL; null when the signing key lives in this process only.
   */
  checkpoints: CheckpointPlace | null;
  /** Where scheduled and on-demand backups go; null for an in-memory or PostgreSQL database (pg_dump backs those up). */
  backupFolder: string | null;
  /** Which database this desk works on, without a password, and where that choice came from (the Settings page). */
  database: { kind: DatabaseLocation['kind']; describe: string; source: DatabaseSource };
  /** Where the admin's settings are saved; null for tests and other desks without a folder of their own. */
  settingsFolder: string | null;
  /** Where attachments' bytes live (blobs/choose-store.ts): a folder beside a SQLite file, a bucket or the database. */
  blobs: BlobStore;
  /** A demo desk's outbox goes to files here instead of any relay (delivery/capture-transport.ts); unset: the saved relay. */
  deliveryCapture?: string | null;
  /** Starts a delivery round now (set by background-jobs.ts while the worker runs): a decision's message need not wait for the tick. */
  nudgeDelivery?: () => void;
}

export interface Desk extends DeskDeps {
  opened: OpenedDatabase;
  close(): Promise<void>;
}

const DESK_VERSION = '0.1.0';

export interface OpenDeskOptions {
  clock?: Clock;
  cardKeyFile?: string | null;
  source?: DatabaseSource;
  settingsFolder?: string | null;
  /** SQLite: the whole file checked while the desk serves (the host); see db/sqlite-connection.ts. */
  checkLater?: boolean;
  /**
   * SQLite in memory only: start from this copy of a database (better-sqlite3's `serialize()`), which stays
   * untouched. The tests' seeded desks are made once and copied for each test (testing/seeded-desk.ts).
   */
  memoryImage?: Buffer;
}

/**
 * Opens the case database at `where` (a SQLite file or a postgres:// URL), migrates it, makes sure
 * a policy is in force and records this desk's card-signing key.
 */
export async function openDesk(where: string, opts: OpenDeskOptions = {}): Promise<Desk> {
  const opened = await openDatabase(where, { checkLater: opts.checkLater, memoryImage: opts.memoryImage });
  const clock = opts.clock ?? systemClock;
  try {
    await currentPolicy(opened.db, clock.now().toISOString());
    // Requests from before the SLA due day was kept (migration 0170) get theirs.
    await fillMissingDueDays(opened.db, clock.now().toISOString());
    const keyFile =
      opts.cardKeyFile !== undefined ? opts.cardKeyFile : cardKeyFileFor(opened.location, process.env, opts.settingsFolder ?? undefined);
    const cardSigner = loadCardSigner(keyFile);
    // A key for this process only (tests, in-memory) signs nothing that must outlive it.
    if (keyFile !== null) await registerSigningKey(opened.db, cardSigner, clock.now().toISOString());
    // Checkpoints signed by a key that dies with the process could never be checked: none then.
    const checkpoints = keyFile === null ? null : checkpointPlaceFor(opened.location, opts.settingsFolder ?? defaultDataFolder());
    return deskOn(opened, clock, cardSigner, checkpoints, opts);
  } catch (e) {
    await opened.close();
    throw e;
  }
}

function deskOn(opened: OpenedDatabase, clock: Clock, cardSigner: CardSigner, checkpoints: CheckpointPlace | null, opts: OpenDeskOptions): Desk {
  const loc = opened.location;
  const backupFolder = loc.kind === 'sqlite' && !inMemory(loc) ? backupFolderFor(loc.file) : null;
  const blobs = chooseBlobStore(opened.db, loc, { settingsFolder: opts.settingsFolder ?? null });
  return {
    opened,
    db: opened.db,
    clock,
    version: DESK_VERSION,
    fileTickets: createFileTickets(),
    cardSigner,
    checkpoints,
    backupFolder,
    database: { kind: loc.kind, describe: opened.describe, source: opts.source ?? 'command_line' },
    settingsFolder: opts.settingsFolder ?? null,
    blobs,
    close: async () => {
      // A bucket's client keeps connections alive; they end with the desk.
      (blobs as { close?: () => void }).close?.();
      await opened.close();
    },
  };
}

/** Where a SQLite file's backups go: a folder beside it (backups/scheduled-backups.ts writes them there). */
export function backupFolderFor(databaseFile: string): string {
  return join(dirname(resolve(databaseFile)), 'backups');
}

/**
 * The card-signing key: beside a SQLite file; for PostgreSQL in this desk's own folder (or
 * MUMARIS_CARD_KEY), since the database is shared and the key must not be. An in-memory
 * database gets a key for the process only.
 */
export function cardKeyFileFor(loc: DatabaseLocation, env: NodeJS.ProcessEnv = process.env, deskFolder = defaultDataFolder(env)): string | null {
  if (env.MUMARIS_CARD_KEY) return resolve(env.MUMARIS_CARD_KEY);
  if (loc.kind === 'postgres') return join(deskFolder, 'card-signing-key.pem');
  if (inMemory(loc)) return null;
  return join(dirname(resolve(loc.file)), `${basename(loc.file).replace(/\.[^.]+$/, '')}.card-signing-key.pem`);
}
