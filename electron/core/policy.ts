import { z } from 'zod';
import type { DeskDb } from './db/connection';
import { SERVICES } from '../../shared/domain';
import TERMS from '../../shared/domain/terms.json';

/**
 * Policy is data (architecture.md): fees, CPD hours, windows, four-eyes services.
 * Admins edit it; every decision records the version it used.
 */
export const policySchema = z.object({
  /** true while these are the shipped sample values, not the commission's figures. */
  sample: z.boolean(),
  returnWindowDays: z.number().int().positive(),
  refundWindowMonths: z.number().int().positive(),
  /** rules.md: a general refund must also be requested within this many months of submission. */
  refundSubmissionWindowMonths: z.number().int().positive(),
  generalRefundRate: z.number().min(0).max(1),
  renewalWindowMonths: z.number().int().positive(),
  employerLetterMaxAgeMonths: z.number().int().positive(),
  medicalReportAge: z.number().int().positive(),
  /** CPD hours required per category, for the card's period. */
  cpdHours: z.record(z.string(), z.number().nonnegative()),
  /** Fees per service in halalas. */
  fees: z.record(z.string(), z.object({ service: z.number().int(), administrative: z.number().int(), latePerMonth: z.number().int().optional() })),
  fourEyesServices: z.array(z.enum(SERVICES)),
  maxAttachmentBytes: z.number().int().positive(),
  slaWorkingDays: z.number().int().positive(),
  /** How long a classification card is valid from its issue. */
  cardValidityYears: z.number().int().min(1).max(10),
  /** A session left idle this long ends: the desk asks for the password again. */
  sessionIdleMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** Online backups into the backups folder beside the database: how often, and how many are kept. */
  backupIntervalHours: z.number().int().min(1).max(168),
  backupKeep: z.number().int().min(1).max(365),
});
export type Policy = z.infer<typeof policySchema>;

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
    fourEyesServices: ['CLASSIFICATION_OUTSIDE', 'ELIGIBILITY_NUMBER', 'QUALIFICATION_STUDY'],
    maxAttachmentBytes: 20 * 1024 * 1024,
    slaWorkingDays: 5,
    cardValidityYears: 3,
    sessionIdleMinutes: 30,
    backupIntervalHours: 24,
    backupKeep: 14,
  };
}

export interface PolicyVersion {
  version: number;
  policy: Policy;
}

/** The policy in force; a new database gets the sample policy as version 1. */
export async function currentPolicy(db: DeskDb, at: string): Promise<PolicyVersion> {
  const row = await db.selectFrom('policy').select(['version', 'data']).orderBy('version', 'desc').limit(1).executeTakeFirst();
  // A field added to the policy after this version was saved takes its sample default until an admin sets it.
  if (row) return { version: row.version, policy: policySchema.parse({ ...samplePolicy(), ...(JSON.parse(row.data) as object) }) };
  const policy = samplePolicy();
  await db
    .insertInto('policy')
    .values({ version: 1, data: JSON.stringify(policy), note: 'sample defaults (not official figures)', created_by: null, created_at: at })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return { version: 1, policy };
}
