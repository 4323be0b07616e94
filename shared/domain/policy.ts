/**
 * Policy is data (architecture.md): fees, CPD hours, windows, four-eyes services. Admins edit it on
 * the Policy page; every decision and every invoice records the version it used. The schema is here,
 * beside the contract, so the page validates what the core will.
 */
import { z } from 'zod';
import { SERVICES } from './services';

const halalas = z.number().int().nonnegative();

/** A fee of one service in halalas: the administrative part is never refundable (004 rule 2). */
export const feeSchema = z.object({
  service: halalas,
  administrative: halalas,
  /** Renewals filed after the card's expiry pay this per started month late (RENEWAL-WINDOW). */
  latePerMonth: halalas.optional(),
});
export type Fee = z.infer<typeof feeSchema>;

/**
 * An exemption sets a request's amount to zero when it is for one of `services` and the applicant
 * matches every condition given (e.g. a government employer's letter for some services).
 */
export const feeExemptionSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{2,40}$/, 'lower-case letters, digits and - (2 to 40)'),
  labelAr: z.string().trim().min(2).max(200),
  labelEn: z.string().trim().min(2).max(200),
  services: z.array(z.enum(SERVICES)).min(1),
  employerTypes: z.array(z.string().min(1).max(40)).optional(),
  categories: z.array(z.string().min(1).max(40)).optional(),
});
export type FeeExemption = z.infer<typeof feeExemptionSchema>;

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
  /** Fees per service in halalas; a service missing here costs nothing. */
  fees: z.record(z.string(), feeSchema),
  feeExemptions: z.array(feeExemptionSchema),
  /** An invoice is due this many days after it is issued (domain.md: default 14); unpaid after that, it expires. */
  paymentWindowDays: z.number().int().min(1).max(365),
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

/** One saved version of the policy, with what it changed from the version before. */
export interface PolicyVersionView {
  version: number;
  policy: Policy;
  note: string;
  createdAt: string;
  createdBy: string | null;
  /** Dotted paths (e.g. `fees.RENEWAL.service`) with the value before and after. */
  changes: Array<{ path: string; from: unknown; to: unknown }>;
}
