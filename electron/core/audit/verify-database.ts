/**
 * `desk audit verify`: the audit log of a database file or server, checked without writing to it
 * (read-only open, no migration, no key created, no audit entry), and compared with a signed
 * checkpoint: the one named, else the newest kept for that database.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { KeyObject } from 'node:crypto';
import type { AuditVerification } from '../../../shared/domain';
import { DeskFault } from '../errors';
import { openReadOnly } from '../db/read-only';
import { cardKeyFileFor } from '../desk/open-desk';
import { checkpointPlaceFor, listCheckpoints, publicKeyFromFile, readCheckpoint } from './checkpoint';
import { verifyAudit } from './verify';

export interface VerifyDatabaseOptions {
  address: string;
  /** A checkpoint file; without it, the newest checkpoint kept for this database (if any). */
  checkpointFile?: string;
  /** A public (or the private) key file to check the checkpoint's signature with. */
  keyFile?: string;
  /** This desk's own folder (its card key for PostgreSQL, PostgreSQL's checkpoints). */
  deskFolder: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * The keys a checkpoint may be checked with: the one named, this installation's, and the one kept
 * beside the database the checkpoint was taken of (`<folder>/checkpoints/<name>-….json` beside
 * `<folder>/<name>.card-signing-key.pem`), so a copy of the database checked elsewhere still finds it.
 */
function candidateKeys(opts: VerifyDatabaseOptions, installationKey: string | null, checkpointFile: string | null): KeyObject[] {
  const keys: KeyObject[] = [];
  if (opts.keyFile) {
    try {
      keys.push(publicKeyFromFile(resolve(opts.keyFile)));
    } catch (e) {
      throw new DeskFault(
        'bad_input',
        `--key ${opts.keyFile}: not a key file (${e instanceof Error ? e.message : String(e)})`,
        `--key: ليس ملف مفتاح`,
      );
    }
  }
  const files = [installationKey];
  if (checkpointFile) {
    const home = dirname(dirname(resolve(checkpointFile)));
    const name = /^(.+)-\d{8}-\d{6}-\d+\.checkpoint\.json$/.exec(basename(checkpointFile))?.[1];
    if (name) files.push(join(home, `${name}.card-signing-key.pem`));
    files.push(join(home, 'card-signing-key.pem'));
  }
  for (const f of files) {
    if (!f || !existsSync(f)) continue;
    try {
      keys.push(publicKeyFromFile(f));
    } catch {
      /* not a key: the ones that are still count */
    }
  }
  return keys;
}

export async function verifyDatabaseAudit(opts: VerifyDatabaseOptions): Promise<AuditVerification & { database: string }> {
  const ro = await openReadOnly(opts.address);
  try {
    const place = checkpointPlaceFor(ro.location, opts.deskFolder);
    const file = opts.checkpointFile ? resolve(opts.checkpointFile) : place ? (listCheckpoints(place)[0]?.file ?? null) : null;
    let against = null;
    if (file) {
      let checkpoint;
      try {
        checkpoint = readCheckpoint(file);
      } catch (e) {
        throw new DeskFault(
          'bad_input',
          e instanceof Error ? e.message : String(e),
          (e instanceof DeskFault && e.messageAr) || 'ملف نقطة التحقق غير صالح',
        );
      }
      const installationKey = cardKeyFileFor(ro.location, opts.env ?? process.env, opts.deskFolder);
      against = { checkpoint, file, keys: candidateKeys(opts, installationKey, file) };
    }
    return { ...(await verifyAudit(ro.db, against)), database: ro.describe };
  } finally {
    await ro.close();
  }
}
