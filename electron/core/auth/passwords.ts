import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))));

// N = 2^15 keeps a sign-in near 50 ms here; parameters are stored with each hash so they can grow.
const PARAMS = { N: 1 << 15, r: 8, p: 1, keylen: 32 };

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

/** `verifyPassword` against the stored hash, or against NOBODY (always false) when there is none. */
export async function checkPassword(password: string, stored: string | null): Promise<boolean> {
  const ok = await verifyPassword(password, stored ?? NOBODY);
  return stored !== null && ok;
}
