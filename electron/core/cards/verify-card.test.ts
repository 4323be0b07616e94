import { describe, expect, it } from 'vitest';
import { loadCardSigner } from '../documents/card-signing';
import { verificationSummary } from './verify-card';

describe('verify-card', () => {
  const holder = { nameAr: 'نورة الحربي', nameEn: 'Noura Alharbi', idMasked: '******5678' };

  it('words the answer by what the payload names: a card, or a letter', () => {
    expect(verificationSummary({ verdict: 'valid', kind: 'card', number: 'C-2026-000001', holder, expiresAt: '2029-11-23' })).toBe(
      'VALID card C-2026-000001 — Noura Alharbi / نورة الحربي (ID ******5678), expires 2029-11-23',
    );
    const letter = verificationSummary({
      verdict: 'valid',
      kind: 'document',
      number: 'REQ-2026-000123',
      service: 'GOOD_STANDING',
      holder,
      issuedAt: '2026-11-23',
    });
    expect(letter).toBe(
      'VALID document REQ-2026-000123 (Good-standing certificate) — Noura Alharbi / نورة الحربي (ID ******5678), issued 2026-11-23',
    );
    expect(letter).not.toMatch(/card/i);
    expect(verificationSummary({ verdict: 'void', kind: 'document', number: 'REQ-2026-000124', reason: 'not_on_record' })).toBe(
      'VOID document REQ-2026-000124 (not on record)',
    );
    expect(verificationSummary({ verdict: 'forged' })).toMatch(/^FORGED/);
  });

  it('accepts only the canonical base64url spelling of a signature', () => {
    const signer = loadCardSigner(null);
    const payload = signer.payload({ kind: 'D', number: 'REQ-2026-000123', holderId: '1012345678', date: '2026-11-23' });
    expect(signer.read(payload)?.signatureValid).toBe(true);
    // 64 bytes are 86 characters; the last carries 2 bits of signature and 4 padding bits.
    const signature = payload.split('|').at(-1)!;
    expect(signature).toHaveLength(86);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(signature.at(-1)!);
    const sameBits = alphabet[last ^ 0b0001]!; // differs in a padding bit only: decodes to the same bytes
    expect(Buffer.from(signature.slice(0, -1) + sameBits, 'base64url')).toEqual(Buffer.from(signature, 'base64url'));
    expect(signer.read(payload.slice(0, -1) + sameBits)?.signatureValid).toBe(false);
    expect(signer.read(`${payload}=`)?.signatureValid).toBe(false);
  });
});
