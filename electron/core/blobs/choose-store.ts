/**
 * Which blob store a desk uses, from where its database is: a SQLite file keeps its attachments in
 * a content-addressed folder beside it; a PostgreSQL desk in the S3-compatible bucket its settings
 * (storage.json in the desk's folder, or the standard AWS environment) name, else in the database;
 * an in-memory database in itself.
 */
import { basename, dirname, join, resolve } from 'node:path';
import type { DeskDb } from '../db/connection';
import { inMemory, type DatabaseLocation } from '../db/location';
import type { BlobStore } from './blob-store';
import { databaseStore } from './database-store';
import { folderStore } from './folder-store';
import { readS3Settings } from './s3-settings';
import { createS3Store } from './s3-store';

/** `<folder of the file>/<its name without extension>.blobs`, like the card-signing key beside it. */
export function blobFolderFor(databaseFile: string): string {
  const file = resolve(databaseFile);
  return join(dirname(file), `${basename(file).replace(/\.[^.]+$/, '')}.blobs`);
}

export function chooseBlobStore(db: DeskDb, location: DatabaseLocation, opts: { settingsFolder: string | null; env?: NodeJS.ProcessEnv }): BlobStore {
  if (location.kind === 'sqlite') return inMemory(location) ? databaseStore(db) : folderStore(blobFolderFor(location.file));
  const s3 = readS3Settings(opts.settingsFolder, opts.env ?? process.env);
  return s3 ? createS3Store(s3) : databaseStore(db);
}
