/**
 * Signed checkpoints of the audit chain, kept outside the database. The chain alone shows an entry
 * changed in place, but not its last entries deleted, nor a chain rewritten and hashed again by
 * someone who can write the file. A checkpoint records the head (seq, hash, when) and sparse marks
 * of the entries before it, signed with the installation's Ed25519 key (the card-signing key, which
 * is never in the database); `desk audit verify --checkpoint FILE` compares the chain with it.
 */
import { chmodSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createPrivateKey, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { sql } from 'kysely';
import type { DeskDb } from '../db/connection';
import type { DatabaseLocation } from '../db/location';
import { inMemory } from '../db/location';
import { keyFingerprint, type CardSigner } from '../documents/card-signing';
import { canonicalJson, GENESIS_HASH } from './chain';
import type { CheckpointCheck } from '../../../shared/domain';
import { DeskFault } from '../errors';
import { riyadhStamp } from '../time/riyadh-day';

export interface AuditCheckpoint {
  kind: 'mumaris-audit-checkpoint';
  version: 1;
  /** The database it was taken of, without a password. */
  database: string;
  /** The chain's head: its last entry (0 and the genesis hash for an empty chain). */
  seq: number;
  hash: string;
  /** When the checkpoint was made. */
  at: string;
  /**
   * [seq, first 16 hex digits of that entry's hash]: every entry of the last 256, and every
   * `step`-th entry before them (at most ~2,048), so a rewrite is placed, not just noticed.
   */
  marks: Array<[number, string]>;
  /** Fingerprint (SHA-256 of the public key) of the key that signed it. */
  key: string;
  signature: string;
}

/** Where one database's checkpoints go, and the name their files start with. */
export interface CheckpointPlace {
  folder: string;
  prefix: string;
}

const TAG = 'MUMARIS-AUDIT-CHECKPOINT-1\n';
const TAIL = 256;
const MAX_SPARSE = 2048;
const MARK = 16;
/** Checkpoints kept per database; each is small, and the newest is the one that counts. */
export const CHECKPOINTS_KEPT = 200;
const safe = (text: string) => text.replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 80) || 'desk';

/**
 * A SQLite file's checkpoints: `checkpoints/` beside it, named after it. PostgreSQL's: in this
 * desk's own folder (beside its card key), since the server is shared and the checkpoints must
 * not be on it. None for an in-memory database.
 */
export function checkpointPlaceFor(loc: DatabaseLocation, deskFolder: string): CheckpointPlace | null {
  if (loc.kind === 'postgres') {
    const db = decodeURIComponent(new URL(loc.url).pathname.slice(1));
    return { folder: join(deskFolder, 'checkpoints'), prefix: safe(`postgres-${db}-${loc.schema}`) };
  }
  if (inMemory(loc)) return null;
  return { folder: join(dirname(resolve(loc.file)), 'checkpoints'), prefix: safe(basename(loc.file).replace(/\.[^.]+$/, '')) };
}

const unsigned = (cp: AuditCheckpoint) => {
  const { signature: _s, ...rest } = cp;
  return Buffer.from(TAG + canonicalJson(rest), 'utf8');
};

/** The chain's head and marks, signed. Reads only. */
export async function makeCheckpoint(
  db: DeskDb,
  signer: Pick<CardSigner, 'sign' | 'fingerprint'>,
  at: Date,
  database: string,
): Promise<AuditCheckpoint> {
  const head = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const seq = head?.seq ?? 0;
  let step = 1;
  while (seq / step > MAX_SPARSE) step *= 2;
  const rows =
    seq === 0
      ? []
      : await db
          .selectFrom('audit_log')
          .select(['seq', 'hash'])
          .where('seq', '<=', seq)
          .where((eb) => eb.or([eb('seq', '>', seq - TAIL), sql<boolean>`seq % ${step} = 0`]))
          .orderBy('seq')
          .execute();
  const cp: AuditCheckpoint = {
    kind: 'mumaris-audit-checkpoint',
    version: 1,
    database,
    seq,
    hash: head?.hash ?? GENESIS_HASH,
    at: at.toISOString(),
    marks: rows.map((r) => [r.seq, r.hash.slice(0, MARK)]),
    key: signer.fingerprint,
    signature: '',
  };
  return { ...cp, signature: signer.sign(unsigned(cp)) };
}

const NAME = /^(.+)-(\d{8})-(\d{6})-(\d+)\.checkpoint\.json$/;

/** This database's checkpoint files, newest first. */
export function listCheckpoints(place: CheckpointPlace): Array<{ file: string; seq: number; at: string }> {
  let names: string[] = [];
  try {
    names = readdirSync(place.folder);
  } catch {
    return [];
  }
  return names
    .map((n) => NAME.exec(n))
    .filter((m): m is RegExpExecArray => m !== null && m[1] === place.prefix)
    .map((m) => {
      const [, , d, t, seq] = m as unknown as [string, string, string, string, string];
      return {
        file: join(place.folder, m[0]),
        seq: Number(seq),
        at: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4)}Z`,
      };
    })
    .sort((a, b) => (a.at === b.at ? b.seq - a.seq : a.at < b.at ? 1 : -1));
}

/**
 * Writes a checkpoint into the place's folder (0700, the file 0600, written whole then renamed)
 * and keeps the newest CHECKPOINTS_KEPT. Returns the file.
 */
export function writeCheckpoint(place: CheckpointPlace, cp: AuditCheckpoint): string {
  mkdirSync(place.folder, { recursive: true, mode: 0o700 });
  chmodSync(place.folder, 0o700);
  const stamp = cp.at.replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const file = join(place.folder, `${place.prefix}-${stamp}-${cp.seq}.checkpoint.json`);
  const tmp = `${file}.partial`;
  rmSync(tmp, { force: true });
  writeFileSync(tmp, `${JSON.stringify(cp, null, 1)}\n`, { mode: 0o600, flag: 'wx' });
  renameSync(tmp, file);
  for (const old of listCheckpoints(place).slice(CHECKPOINTS_KEPT)) rmSync(old.file, { force: true });
  return file;
}

/** Reads a checkpoint file; a file that is not one is refused with the reason. */
export function readCheckpoint(file: string): AuditCheckpoint {
  let v: unknown;
  try {
    v = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DeskFault(
      'bad_input',
      `the checkpoint ${file} cannot be read: ${e instanceof Error ? e.message : String(e)}`,
      `تعذرت قراءة نقطة التحقق ${file}`,
    );
  }
  const cp = v as Partial<AuditCheckpoint> | null;
  const fine =
    cp !== null &&
    typeof cp === 'object' &&
    cp.kind === 'mumaris-audit-checkpoint' &&
    cp.version === 1 &&
    Number.isInteger(cp.seq) &&
    (cp.seq ?? -1) >= 0 &&
    typeof cp.hash === 'string' &&
    typeof cp.at === 'string' &&
    typeof cp.key === 'string' &&
    typeof cp.signature === 'string' &&
    Array.isArray(cp.marks) &&
    cp.marks.every((m) => Array.isArray(m) && m.length === 2 && Number.isInteger(m[0]) && typeof m[1] === 'string');
  if (!fine) throw new DeskFault('bad_input', `${file} is not an audit checkpoint of this desk`, `الملف ${file} ليس نقطة تحقق لسجل تدقيق هذا المكتب`);
  return cp as AuditCheckpoint;
}

/** A key file as the desk keeps it (the private key) or as `desk card-key` exports it (the public key). */
export function publicKeyFromFile(file: string): KeyObject {
  const pem = readFileSync(file);
  try {
    return createPublicKey(createPrivateKey(pem));
  } catch {
    return createPublicKey(pem);
  }
}

export { keyFingerprint };

/** True when `key` made the checkpoint's signature over exactly what it says. */
export function signedBy(cp: AuditCheckpoint, key: KeyObject): boolean {
  try {
    return keyFingerprint(key) === cp.key && verify(null, unsigned(cp), key, Buffer.from(cp.signature, 'base64url'));
  } catch {
    return false;
  }
}

/**
 * Compares the chain in `db` with a checkpoint (already known to be genuine). Reads only. Names the
 * first entry that no longer matches (placed between the two nearest marks), or the entries missing
 * at the end.
 */
export async function compareWithCheckpoint(
  db: DeskDb,
  cp: AuditCheckpoint,
  file: string | null,
): Promise<CheckpointCheck & { brokenAt: number | null }> {
  const base = { file, seq: cp.seq, hash: cp.hash, at: cp.at };
  // The English keeps the checkpoint's own UTC time, as the CLI has always printed it; the Arabic is on Riyadh's clock.
  const whenAr = `نقطة التحقق المأخوذة في ${riyadhStamp(cp.at, 'ar')}`;
  const last = (await db.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst())?.seq ?? 0;
  const marks = [...cp.marks].filter(([seq]) => seq <= Math.min(last, cp.seq)).sort((a, b) => a[0] - b[0]);
  const hashes = new Map<number, string>();
  for (let i = 0; i < marks.length; i += 500) {
    const seqs = marks.slice(i, i + 500).map(([seq]) => seq);
    for (const r of await db.selectFrom('audit_log').select(['seq', 'hash']).where('seq', 'in', seqs).execute()) hashes.set(r.seq, r.hash);
  }
  let good = 0;
  for (const [seq, mark] of marks) {
    const hash = hashes.get(seq);
    const matches = hash !== undefined && hash.slice(0, MARK) === mark && (seq !== cp.seq || hash === cp.hash);
    if (!matches) {
      const from = good + 1;
      const message =
        from === seq
          ? `entry ${seq} was rewritten: it no longer matches the checkpoint of ${cp.at}`
          : `an entry from ${from} to ${seq} was rewritten: entry ${seq} no longer matches the checkpoint of ${cp.at}`;
      const messageAr =
        from === seq
          ? `أعيدت كتابة القيد ${seq}: لم يعد يطابق ${whenAr}`
          : `أعيدت كتابة قيد بين القيدين ${from} و${seq}: القيد ${seq} لم يعد يطابق ${whenAr}`;
      return { ...base, verdict: 'rewritten', message, messageAr, brokenAt: from };
    }
    good = seq;
  }
  if (last < cp.seq)
    return {
      ...base,
      verdict: 'missing',
      message: `entries after seq ${last} are missing: the checkpoint of ${cp.at} was taken at entry ${cp.seq}`,
      messageAr: `القيود بعد القيد ${last} مفقودة: ${whenAr} سجلت السلسلة حتى القيد ${cp.seq}`,
      brokenAt: last + 1,
    };
  return {
    ...base,
    verdict: 'matches',
    message: `the chain holds the checkpoint of ${cp.at} (entry ${cp.seq}); ${last - cp.seq} ${last - cp.seq === 1 ? 'entry' : 'entries'} since`,
    messageAr: `السلسلة تطابق ${whenAr} (القيد ${cp.seq})، ${entriesSinceAr(last - cp.seq)}`,
    brokenAt: null,
  };
}

/** "وأضيف بعدها 12 قيدًا": the count with the noun Arabic grammar gives it. */
function entriesSinceAr(n: number): string {
  if (n === 0) return 'ولم يضف بعدها أي قيد';
  if (n === 1) return 'وأضيف بعدها قيد واحد';
  if (n === 2) return 'وأضيف بعدها قيدان';
  if (n % 100 >= 3 && n % 100 <= 10) return `وأضيف بعدها ${n} قيود`;
  return `وأضيف بعدها ${n} قيدًا`;
}
