import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The installation's card-signing key (Ed25519). It lives in its own file beside the database,
 * never in it, so a database dump or backup cannot be used to forge cards; the public key can be
 * exported for anyone who verifies cards offline.
 */
export interface CardSigner {
  /** The QR payload for a card: its fields and a signature over them. */
  payload(fields: SignedCardFields): string;
  /**
   * Reads a payload; `signatureValid` is false for anything signed by neither this desk's key nor
   * one of `alsoTrusted` (the public keys of the other desks on the same database, PEM).
   */
  read(payload: string, alsoTrusted?: readonly string[]): { fields: SignedCardFields; signatureValid: boolean } | null;
  publicKeyPem: string;
  /**
   * Signs other records of this installation (the audit chain's checkpoints), base64url. Callers
   * prefix their own tag to the message so it can never pass for a card payload.
   */
  sign(message: Uint8Array): string;
  /** SHA-256 of the public key, hex: how the database names this desk's key. */
  fingerprint: string;
}

export const keyFingerprint = (publicKey: KeyObject): string =>
  createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');

export interface SignedCardFields {
  /** 'C' a card, 'D' an issued document (letter or certificate). */
  kind: 'C' | 'D';
  /** Card number or document reference. */
  number: string;
  holderId: string;
  /** YYYY-MM-DD: a card's expiry, a document's issue date. */
  date: string;
}

const PREFIX = 'SCFHS1';

export function cardSignerFromKey(privateKey: KeyObject): CardSigner {
  const publicKey = createPublicKey(privateKey);
  const message = (f: SignedCardFields) => Buffer.from([PREFIX, f.kind, f.number, f.holderId, f.date].join('|'), 'utf8');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: keyFingerprint(publicKey),
    sign: (bytes) => sign(null, bytes, privateKey).toString('base64url'),
    payload(f) {
      for (const v of [f.number, f.holderId, f.date]) if (v.includes('|')) throw new Error(`a card field cannot contain "|": ${v}`);
      const signature = sign(null, message(f), privateKey).toString('base64url');
      return [PREFIX, f.kind, f.number, f.holderId, f.date.replaceAll('-', ''), signature].join('|');
    },
    read(payload, alsoTrusted = []) {
      const parts = payload.trim().split('|');
      if (parts.length !== 6 || parts[0] !== PREFIX) return null;
      const [, kind, number, holderId, compactDate, signature] = parts as [string, string, string, string, string, string];
      if ((kind !== 'C' && kind !== 'D') || !/^\d{8}$/.test(compactDate) || !number || !holderId) return null;
      const fields: SignedCardFields = {
        kind,
        number,
        holderId,
        date: `${compactDate.slice(0, 4)}-${compactDate.slice(4, 6)}-${compactDate.slice(6)}`,
      };
      // Only the canonical encoding counts: Node's decoder ignores the padding bits of the last
      // character (and stray characters), so one signature would otherwise have several spellings.
      const signatureBytes = Buffer.from(signature, 'base64url');
      if (signatureBytes.toString('base64url') !== signature) return { fields, signatureValid: false };
      const signedBy = (key: KeyObject | string) => {
        try {
          return verify(null, message(fields), key, signatureBytes);
        } catch {
          return false;
        }
      };
      return { fields, signatureValid: signedBy(publicKey) || alsoTrusted.some(signedBy) };
    },
  };
}

/** Loads the key from `file`, creating it (readable by the owner only) on first use; null: a key for this process only. */
export function loadCardSigner(file: string | null): CardSigner {
  if (file === null) return cardSignerFromKey(generateKeyPairSync('ed25519').privateKey);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  }
  return cardSignerFromKey(createPrivateKey(readFileSync(file)));
}
