import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))));

/** N = 2^15 keeps a sign-in near 50 ms here; parameters are stored with each hash so they can grow. */
const COST = 1 << 15;

/**
 * scrypt's N for new hashes: COST, except under the test runner (vitest sets VITEST in its workers), where
 * MUMARIS_TEST_SCRYPT_N may lower it. The suites create and sign in thousands of users and spent about a third
 * of their time in scrypt. A hash carries its own N, so it verifies the same way whatever N is now.
 */
export function costFactor(env: NodeJS.ProcessEnv): number {
  const n = env.VITEST ? Number(env.MUMARIS_TEST_SCRYPT_N) : NaN;
  return Number.isInteger(n) && n >= 1024 && n < COST && (n & (n - 1)) === 0 ? n : COST;
}

const PARAMS = { N: costFactor(process.env), r: 8, p: 1, keylen: 32 };

/** `scrypt$N$r$p$salt$key`, base64 parts. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, PARAMS.keylen, { N: PARAMS.N, r: PARAMS.r, p: PARAMS.p, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return timingSafeEqual(actual, expected);
}

/**
 * A hash of no one's password with today's parameters. A sign-in with an unknown user name is
 * checked against it, so it takes as long as one with a real name and cannot tell names apart.
 */
const NOBODY = 'scrypt$32768$8$1$LZYROZa+LBQiYODBk6v7RQ==$OKeHtdkdwAfNvOz51JAbiovZegpA0U7dfArgWBY4mGg=';
let nobodyAtTestCost: Promise<string> | undefined;
/** NOBODY, or under a test's lower N one made with it once: an unknown name still costs what a real one does. */
const nobody = () => (PARAMS.N === COST ? Promise.resolve(NOBODY) : (nobodyAtTestCost ??= hashPassword(randomBytes(24).toString('base64'))));

/** `verifyPassword` against the stored hash, or against NOBODY (always false) when there is none. */
export async function checkPassword(password: string, stored: string | null): Promise<boolean> {
  const ok = await verifyPassword(password, stored ?? (await nobody()));
  return stored !== null && ok;
}
