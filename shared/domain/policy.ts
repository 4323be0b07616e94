/**
 * Policy is data (architecture.md): fees, CPD hours, windows, four-eyes services. Admins edit it on
 * the Policy page; every decision and every invoice records the version it used. The schema is here,
 * beside the contract, so the page validates what the core will.
 */
import { z } from 'zod';
import { SERVICES } from './services';
import { slaPolicySchema } from './sla';

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

export const cpdAuditPolicySchema = z.object({
  /** A sample is drawn per period of this many months (1: monthly, 3: quarterly…). */
  periodMonths: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(6), z.literal(12)]),
  /** Share of the period's renewals drawn at random, in percent. */
  samplePercent: z.number().min(0).max(100),
  /** cpd-deadline-cramming: this many weeks before the card's expiry… */
  crammingWeeks: z.number().int().min(1).max(52),
  /** …holding at least this share of the activity hours, and at least `crammingMinHours` of them, warns. */
  crammingShare: z.number().gt(0).max(1),
  crammingMinHours: z.number().nonnegative().max(1000),
  /** cpd-unknown-provider: the providers whose activities are recognised (compared without case or extra spaces). */
  recognisedProviders: z.array(z.string().trim().min(1).max(200)),
  /** cpd-hours-per-day: the most hours one day of an activity kind can hold; a kind not listed takes `otherKindMaxHoursPerDay`. */
  maxHoursPerDay: z.record(z.string().min(1).max(40), z.number().positive().max(24)),
  otherKindMaxHoursPerDay: z.number().positive().max(24),
});
export type CpdAuditPolicy = z.infer<typeof cpdAuditPolicySchema>;

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
  /** Working days to decide a request of a service `sla.workingDays` does not list (and the dashboard's ageing bands). */
  slaWorkingDays: z.number().int().positive(),
  /** Working days by service and the public holidays the due days skip (issue #17). */
  sla: slaPolicySchema,
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
  /**
   * duplicate-person (issue #20): two applicants with different IDs and matching names are flagged when their
   * birth dates are at most this many years apart (a birth date mistyped by a year or re-registered).
   * Defaulted so policies saved before it parse.
   */
  duplicateBirthToleranceYears: z.number().int().min(0).max(20).default(3),
  /**
   * employer-letter-date (issue #20): the date read from the letter's text may differ from the declared `issuedAt`
   * by this many days before it warns. 0, the default: the declared date is typed from the letter, so they must be
   * the same day (a date read in Hijri gets one day more, where Umm al-Qura and a sighted month start differ).
   */
  employerLetterDateToleranceDays: z.number().int().min(0).max(60).default(0),
  /** CPD audit (issue #20): the sampling period and share, and the thresholds of the CPD risk signals. */
  cpdAudit: cpdAuditPolicySchema,
});
export type Policy = z.infer<typeof policySchema>;

/** What the policy table stores (0160); `in_force` and `superseded` are worked out from the active versions' order. */
export type StoredPolicyStatus = 'proposed' | 'active' | 'withdrawn';

/**
 * A version is proposed by one admin and takes effect only when another admin activates it (issue #20);
 * `superseded` is an active version a later one replaced, `withdrawn` a proposal that never took effect.
 */
export const POLICY_VERSION_STATES = ['proposed', 'in_force', 'superseded', 'withdrawn'] as const;
export type PolicyVersionState = (typeof POLICY_VERSION_STATES)[number];

/** One saved version of the policy, with what it changed from the version before. */
export interface PolicyVersionView {
  version: number;
  policy: Policy;
  note: string;
  createdAt: string;
  /** The admin who proposed it (null for the shipped sample). */
  createdBy: string | null;
  state: PolicyVersionState;
  activatedBy: string | null;
  activatedAt: string | null;
  /** Dotted paths (e.g. `fees.RENEWAL.service`) with the value before and after. */
  changes: Array<{ path: string; from: unknown; to: unknown }>;
}

/** A waiting request a proposed version would judge or price differently (the what-if list, issue #20). */
export interface PolicyWhatIfRow {
  requestId: number;
  reference: string;
  service: string;
  status: string;
  /** Each rule whose outcome changes, from the version in force to the proposed one. */
  checks: Array<{ rule: string; from: string; to: string }>;
  /** The fee in halalas under each version; null when it does not change. */
  fee: { from: number; to: number } | null;
}

export interface PolicyWhatIf {
  version: number;
  inForce: number;
  /** How many waiting (not yet decided) requests were compared. */
  waiting: number;
  rows: PolicyWhatIfRow[];
}
