import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeskFault } from '../errors';

/** Where a team desk keeps attachment bytes: an S3-compatible bucket (AWS S3, MinIO, Ceph RGW). */
export interface S3Settings {
  /** The server's address (http(s)://host[:port]); null: AWS S3 itself, found from the region. */
  endpoint: string | null;
  bucket: string;
  region: string;
  /** Bucket in the path (http://host/bucket/key) rather than the host name: what most self-hosted servers need. */
  forcePathStyle: boolean;
  /** Both or neither; neither: the AWS SDK's own chain (shared config, instance role). */
  accessKeyId: string | null;
  secretAccessKey: string | null;
  sessionToken: string | null;
  /** Server-side encryption asked for on every upload; 'none' for servers that refuse the header. */
  serverSideEncryption: 'AES256' | 'none';
  /** Where these settings came from (the Settings page, error messages). */
  source: 'file' | 'environment';
}

/** What an admin may write to storage.json: the settings without their source, with defaults filled in on read. */
export type S3SettingsInput = Omit<S3Settings, 'source' | 'sessionToken' | 'forcePathStyle' | 'serverSideEncryption' | 'region'> & {
  region?: string;
  forcePathStyle?: boolean;
  serverSideEncryption?: 'AES256' | 'none';
};

const FILE = 'storage.json';
export const storageFile = (folder: string) => join(folder, FILE);

const DEFAULT_REGION = 'us-east-1';

const bad = (message: string, messageAr: string) => new DeskFault('bad_input', message, messageAr);

/**
 * The S3 settings of the desk whose own folder is `folder`: the environment when MUMARIS_S3_BUCKET is
 * set (like MUMARIS_DB, it wins over what was saved), else storage.json's `s3` entry, else null (no
 * bucket: the desk keeps attachments in its database).
 */
export function readS3Settings(folder: string | null, env: NodeJS.ProcessEnv = process.env): S3Settings | null {
  if (env.MUMARIS_S3_BUCKET) return fromEnvironment(env);
  if (folder === null) return null;
  const file = storageFile(folder);
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`the desk's storage settings ${file} cannot be read (${e instanceof Error ? e.message : String(e)}); fix or remove it`);
  }
  const s3 = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).s3 : undefined;
  if (s3 === undefined) return null;
  const settings = checked(s3, `${file}: s3`);
  // A secret key others on this machine can read is no secret: refuse it rather than use it (ssh does the same).
  if (settings.secretAccessKey && process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) {
    throw new Error(
      `${file} holds the bucket's secret key but others can read it (mode ${(statSync(file).mode & 0o777).toString(8)}); run chmod 600 on it`,
    );
  }
  return { ...settings, sessionToken: null, source: 'file' };
}

/** Saved whole or not at all (a temporary file renamed over the old one), owner-only since it holds the secret key. */
export function writeS3Settings(folder: string, input: S3SettingsInput): S3Settings {
  const settings = checked(input, 'S3 settings');
  const file = storageFile(folder);
  mkdirSync(folder, { recursive: true });
  // Other entries of storage.json (if any) are kept; only `s3` is replaced.
  let rest: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      const old = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      if (typeof old === 'object' && old !== null && !Array.isArray(old)) rest = old as Record<string, unknown>;
    } catch {
      // An unreadable old file is replaced by the new settings.
    }
  }
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ ...rest, s3: settings }, null, 2)}\n`, { mode: 0o600 });
  // writeFileSync's mode applies only when it creates the file: a leftover temp file keeps its own.
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
  return { ...settings, sessionToken: null, source: 'file' };
}

function fromEnvironment(env: NodeJS.ProcessEnv): S3Settings {
  const pathStyle = env.MUMARIS_S3_PATH_STYLE;
  const sse = env.MUMARIS_S3_SSE;
  const settings = checked(
    {
      endpoint: env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL || null,
      bucket: env.MUMARIS_S3_BUCKET,
      region: env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined,
      forcePathStyle: pathStyle === undefined || pathStyle === '' ? undefined : yesNo(pathStyle, 'MUMARIS_S3_PATH_STYLE'),
      accessKeyId: env.AWS_ACCESS_KEY_ID || null,
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY || null,
      serverSideEncryption:
        sse === undefined || sse === '' ? undefined : sse === 'AES256' ? 'AES256' : yesNo(sse, 'MUMARIS_S3_SSE') ? 'AES256' : 'none',
    },
    'the environment (MUMARIS_S3_BUCKET, AWS_*)',
  );
  return { ...settings, sessionToken: env.AWS_SESSION_TOKEN || null, source: 'environment' };
}

function yesNo(value: string, name: string): boolean {
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw bad(`${name}: expected true or false, got "${value}"`, `${name}: القيمة المتوقعة true أو false`);
}

type Checked = Omit<S3Settings, 'source' | 'sessionToken'>;

/** Every field checked, defaults filled in: region us-east-1, path-style for a server of one's own, encryption on. */
function checked(raw: unknown, where: string): Checked {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw bad(`${where}: expected an object`, 'إعدادات التخزين غير صالحة');
  const o = raw as Record<string, unknown>;
  const text = (name: string): string | null => {
    const v = o[name];
    if (v === undefined || v === null || v === '') return null;
    if (typeof v !== 'string') throw bad(`${where}: ${name} must be text`, `إعدادات التخزين: ${name} يجب أن يكون نصاً`);
    return v.trim();
  };
  const bucket = text('bucket');
  if (!bucket) throw bad(`${where}: bucket is missing`, 'إعدادات التخزين: اسم الحاوية (bucket) مفقود');
  // S3's own naming rules: 3-63 characters, lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit.
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) || bucket.includes('..')) {
    throw bad(
      `${where}: bucket "${bucket}" is not a valid bucket name (3-63 lowercase letters, digits, dots and hyphens)`,
      `إعدادات التخزين: اسم الحاوية "${bucket}" غير صالح`,
    );
  }
  const endpoint = text('endpoint');
  if (endpoint !== null) {
    let url: URL;
    try {
      url = new URL(endpoint);
    } catch {
      throw bad(`${where}: endpoint "${endpoint}" is not a URL`, `إعدادات التخزين: عنوان الخادم "${endpoint}" غير صالح`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw bad(
        `${where}: endpoint "${endpoint}" must start with http:// or https://`,
        `إعدادات التخزين: عنوان الخادم يجب أن يبدأ بـ http:// أو https://`,
      );
    }
    if (url.username || url.password) {
      throw bad(
        `${where}: endpoint must not carry credentials; use accessKeyId and secretAccessKey`,
        'إعدادات التخزين: لا تضع بيانات الدخول في عنوان الخادم',
      );
    }
  }
  const region = text('region') ?? DEFAULT_REGION;
  if (!/^[a-z0-9-]{2,40}$/.test(region))
    throw bad(`${where}: region "${region}" is not a region name`, `إعدادات التخزين: المنطقة "${region}" غير صالحة`);
  const accessKeyId = text('accessKeyId');
  const secretAccessKey = text('secretAccessKey');
  if ((accessKeyId === null) !== (secretAccessKey === null)) {
    throw bad(
      `${where}: accessKeyId and secretAccessKey go together (give both, or neither to use the AWS SDK's own credentials)`,
      'إعدادات التخزين: معرّف المفتاح والمفتاح السري يُعطيان معاً',
    );
  }
  const forcePathStyle = o.forcePathStyle ?? endpoint !== null;
  if (typeof forcePathStyle !== 'boolean')
    throw bad(`${where}: forcePathStyle must be true or false`, 'إعدادات التخزين: forcePathStyle يجب أن يكون true أو false');
  const sse = o.serverSideEncryption ?? 'AES256';
  if (sse !== 'AES256' && sse !== 'none') {
    throw bad(`${where}: serverSideEncryption must be "AES256" or "none"`, 'إعدادات التخزين: التشفير في الخادم يجب أن يكون AES256 أو none');
  }
  return { endpoint, bucket, region, forcePathStyle, accessKeyId, secretAccessKey, serverSideEncryption: sse };
}

/** The settings as the Settings page and error messages may show them: never the secret. */
export function describeS3(s: S3Settings): string {
  return `s3://${s.bucket} at ${s.endpoint ?? `AWS ${s.region}`}`;
}
