import { createHash } from 'node:crypto';
import { BlobCorruptError } from './blob-store';

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The bytes, if they still hash to their name; a BlobCorruptError otherwise. */
export function checked(sha256: string, bytes: Uint8Array): Uint8Array {
  const actual = sha256Of(bytes);
  if (actual !== sha256) throw new BlobCorruptError(sha256, actual);
  return bytes;
}
