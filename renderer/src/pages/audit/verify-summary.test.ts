import { describe, expect, it } from 'vitest';
import type { AuditVerification } from '../../../../shared/domain';
import { verifySummary } from './verify-summary';

const f = { number: (n: number) => String(n), dateTime: (iso: string) => `<${iso}>` };
const checkpoint = { file: '/x/cp.json', seq: 517, hash: 'h', at: '2026-11-30T15:23:02.033Z' };

describe('the audit check, written from its fields', () => {
  it('an intact chain that holds its checkpoint: counts and the time, in Arabic with no English left in', () => {
    const v: AuditVerification = {
      ok: true,
      entries: 529,
      brokenAt: null,
      reason: null,
      reasonAr: null,
      checkpoint: {
        ...checkpoint,
        verdict: 'matches',
        message: 'the chain holds the checkpoint of 2026-11-30T15:23:02.033Z (entry 517); 12 entries since',
        messageAr: '…',
      },
    };
    const ar = verifySummary(v, 'ar', f);
    expect(ar).toEqual({
      headline: 'السلسلة سليمة: 529 قيداً',
      detail: 'مطابقة لنقطة التحقق الموقّعة في <2026-11-30T15:23:02.033Z> عند القيد 517؛ بعدها 12 قيداً.',
    });
    expect(`${ar.headline} ${ar.detail}`).not.toMatch(/entry|chain|checkpoint/);
    expect(verifySummary(v, 'en', f)).toEqual({
      headline: 'The chain is intact: 529 entries',
      detail: 'It matches the signed checkpoint of <2026-11-30T15:23:02.033Z> at entry 517; 12 entries since.',
    });
  });

  it("a broken chain names the entry and the chain's reason in the language on screen", () => {
    const v: AuditVerification = {
      ok: false,
      entries: 11,
      brokenAt: 12,
      reason: 'entry 12 was changed after it was written',
      reasonAr: '…',
      checkpoint: null,
    };
    expect(verifySummary(v, 'ar', f)).toEqual({ headline: 'السلسلة مكسورة عند القيد 12: عُدّل القيد 12 بعد كتابته', detail: null });
    expect(verifySummary(v, 'en', f).headline).toBe('The chain is broken at entry 12: entry 12 was changed after it was written');
  });

  it('entries missing at the end, and a checkpoint signed by another key', () => {
    const missing: AuditVerification = {
      ok: false,
      entries: 500,
      brokenAt: 501,
      reason: 'entries after seq 500 are missing: …',
      reasonAr: '…',
      checkpoint: { ...checkpoint, verdict: 'missing', message: '…', messageAr: '…' },
    };
    expect(verifySummary(missing, 'ar', f)).toEqual({
      headline: 'السلسلة مكسورة عند القيد 501',
      detail: 'قيود محذوفة من آخر السلسلة: أُخذت نقطة التحقق في <2026-11-30T15:23:02.033Z> عند القيد 517.',
    });
    const foreign: AuditVerification = {
      ok: false,
      entries: 529,
      brokenAt: null,
      reason: 'the checkpoint … is not signed',
      reasonAr: '…',
      checkpoint: { ...checkpoint, verdict: 'unverified', message: '…', messageAr: '…' },
    };
    expect(verifySummary(foreign, 'en', f).headline).toBe('The chain could not be checked against the checkpoint');
    expect(verifySummary(foreign, 'ar', f).detail).toContain('ليست موقّعة بمفتاح هذه المنشأة');
  });
});
