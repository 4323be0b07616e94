import type { DeskDb } from './db/connection';
import { TERMS } from '../../shared/domain/terms';

import { policySchema, type Policy } from '../../shared/domain/policy';
import { sampleSla } from './sla-sample';

export { policySchema, type Policy };

const sar = (n: number) => Math.round(n * 100);

/** The shipped defaults: SAMPLE values from the handbook's terms.json, clearly marked `sample: true`. */
export function samplePolicy(): Policy {
  const fees: Policy['fees'] = {};
  for (const [service, f] of Object.entries(TERMS.fees_sample)) {
    if (typeof f !== 'object') continue;
    const fee = f as { service: number; administrative: number; late_per_month?: number };
    fees[service] = {
      service: sar(fee.service),
      administrative: sar(fee.administrative),
      ...(fee.late_per_month !== undefined ? { latePerMonth: sar(fee.late_per_month) } : {}),
    };
  }
  const cpdHours: Record<string, number> = {};
  // Sample: the handbook gives yearly hours; a card period here is counted as one year.
  for (const [cat, c] of Object.entries(TERMS.categories)) cpdHours[cat] = c.cpdHoursPerYear_sample;
  return {
    sample: true,
    returnWindowDays: 30,
    refundWindowMonths: 1,
    refundSubmissionWindowMonths: 1,
    generalRefundRate: 0.5,
    renewalWindowMonths: 3,
    employerLetterMaxAgeMonths: 3,
    medicalReportAge: 65,
    cpdHours,
    fees,
    // Sample: a government employer's letter exempts these services (domain.md's example).
    feeExemptions: [
      {
        id: 'government-employer',
        labelAr: 'إعفاء موظفي الجهات الحكومية بخطاب من جهة العمل',
        labelEn: 'Government employees, with their employer letter',
        services: ['TRAINING_LETTER', 'GOOD_STANDING'],
        employerTypes: ['government'],
      },
    ],
    paymentWindowDays: 14,
    fourEyesServices: ['CLASSIFICATION_OUTSIDE', 'ELIGIBILITY_NUMBER', 'QUALIFICATION_STUDY'],
    maxAttachmentBytes: 20 * 1024 * 1024,
    slaWorkingDays: 5,
    sla: sampleSla(),
    cardValidityYears: 3,
    sessionIdleMinutes: 30,
    backupIntervalHours: 24,
    backupKeep: 14,
    duplicateBirthToleranceYears: 3,
    employerLetterDateToleranceDays: 0,
    // Sample: a monthly 10 % draw (Texas and Florida sample a flat share); providers are the demo's accredited ones.
    cpdAudit: {
      periodMonths: 1,
      samplePercent: 10,
      crammingWeeks: 8,
      crammingShare: 0.8,
      crammingMinHours: 15,
      recognisedProviders: ['SCFHS', 'SHA', 'MOH Academy', 'Saudi Heart Association', 'KFSH&RC Academy'],
      maxHoursPerDay: { course: 12, workshop: 8, conference: 10, lecture: 4, online: 6 },
      otherKindMaxHoursPerDay: 8,
    },
  };
}

/** The note of the shipped sample policy (version 1), in both languages in one string: the Policy page shows it as is. */
export const SAMPLE_POLICY_NOTE = 'قيم تجريبية (ليست أرقام الهيئة) — sample defaults (not official figures)';
/** The English-only note databases made before this one were given; shown as the bilingual one. */
const ENGLISH_SAMPLE_NOTE = 'sample defaults (not official figures)';

/** A version's note as shown: the old English-only sample note reads in both languages like the new one. */
export const shownPolicyNote = (note: string): string => (note === ENGLISH_SAMPLE_NOTE ? SAMPLE_POLICY_NOTE : note);

/**
 * A stored version as the desk applies it: a field added to the policy after it was saved takes its sample
 * default until an admin sets it, in nested groups (cpdAudit) too, not only at the top level.
 */
export function appliedPolicy(data: string): Policy {
  const stored = JSON.parse(data) as Partial<Policy>;
  const sample = samplePolicy();
  return policySchema.parse({ ...sample, ...stored, cpdAudit: { ...sample.cpdAudit, ...(stored.cpdAudit ?? {}) } });
}

export interface PolicyVersion {
  version: number;
  policy: Policy;
}

/** The policy in force (the newest activated version; a proposal waits for a second admin); a new database gets the sample policy as version 1. */
export async function currentPolicy(db: DeskDb, at: string): Promise<PolicyVersion> {
  const row = await db
    .selectFrom('policy')
    .select(['version', 'data'])
    .where('status', '=', 'active')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  // A field added to the policy after this version was saved takes its sample default until an admin sets it.
  if (row) return { version: row.version, policy: appliedPolicy(row.data) };
  const policy = samplePolicy();
  await db
    .insertInto('policy')
    .values({ version: 1, data: JSON.stringify(policy), note: SAMPLE_POLICY_NOTE, created_by: null, created_at: at })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return { version: 1, policy };
}
