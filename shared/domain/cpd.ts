/**
 * CPD audit (issue #20): each period a reproducible random sample of renewals, plus the renewals a CPD risk
 * signal flagged, wait in the CPD audit queue; a reviewer accepts or refuses each CPD activity with a reason
 * from this dictionary, the recognised hours are recomputed and the applicant is told.
 */
import type { Bilingual } from './terms';

export const CPD_DECISIONS = ['accepted', 'refused'] as const;
export type CpdDecision = (typeof CPD_DECISIONS)[number];

/** Why an activity was accepted or refused: one dictionary, both languages, each reason for one decision. */
export const CPD_REASONS = {
  certificate_verified: { decision: 'accepted', ar: 'تحقق من الشهادة لدى الجهة المقدمة', en: 'Certificate verified with the provider' },
  provider_recognised: { decision: 'accepted', ar: 'الجهة المقدمة معتمدة والساعات مطابقة', en: 'Recognised provider, hours as certified' },
  no_certificate: { decision: 'refused', ar: 'لا توجد شهادة حضور للنشاط', en: 'No attendance certificate for the activity' },
  provider_not_recognised: { decision: 'refused', ar: 'الجهة المقدمة غير معتمدة', en: 'The provider is not recognised' },
  hours_exceed_day: { decision: 'refused', ar: 'الساعات أكثر مما يتسع له يوم النشاط', en: 'More hours than the activity’s day allows' },
  certificate_reused: { decision: 'refused', ar: 'الشهادة نفسها قدمت في طلب آخر', en: 'The same certificate was filed with another request' },
  outside_period: { decision: 'refused', ar: 'النشاط خارج فترة البطاقة', en: 'The activity falls outside the card’s period' },
  not_verifiable: { decision: 'refused', ar: 'تعذر التحقق من الشهادة لدى الجهة المقدمة', en: 'The provider could not confirm the certificate' },
} as const satisfies Record<string, Bilingual & { decision: CpdDecision }>;
export type CpdReason = keyof typeof CPD_REASONS;
export const CPD_REASON_CODES = Object.keys(CPD_REASONS) as [CpdReason, ...CpdReason[]];

/** Why a renewal is in the CPD audit: drawn in a period's sample, or flagged by a CPD risk signal. */
export type CpdAuditReason =
  | { kind: 'sampled'; periodStart: string; periodEnd: string; seed: string; percent: number }
  | { kind: 'signal'; signal: string; title: Bilingual; explanation: Bilingual };

/** One row of the CPD audit queue. */
export interface CpdAuditRow {
  requestId: number;
  reference: string;
  nameAr: string;
  nameEn: string;
  status: string;
  submittedAt: string;
  assigneeName: string | null;
  reasons: CpdAuditReason[];
  activities: number;
  decided: number;
  completedAt: string | null;
}

/** One CPD activity of an audited request, with its decision once taken. */
export interface CpdActivityView {
  id: number;
  title: string;
  provider: string;
  kind: string;
  date: string;
  hours: number;
  decision: { decision: CpdDecision; reason: CpdReason; note: string | null; by: string; at: string } | null;
}

/** The CPD audit of one request, as the case's CPD audit tab shows it. */
export interface CpdAuditView {
  requestId: number;
  reference: string;
  reasons: CpdAuditReason[];
  activities: CpdActivityView[];
  recordedHours: number;
  /** recorded + the activities not refused (undecided ones still count as declared). */
  recognisedHours: number;
  refusedHours: number;
  requiredHours: number | null;
  completedAt: string | null;
  completedBy: string | null;
  /** Whether the caller may decide now (holds the request in review and the audit is open), and if not, why. */
  mayDecide: { ok: true } | { ok: false; why: Bilingual };
}

/** A drawn sample: the period, the seed it was drawn with, and what it drew from. */
export interface CpdSampleView {
  id: number;
  periodStart: string;
  periodEnd: string;
  seed: string;
  percent: number;
  population: number;
  /** SHA-256 of the population's references in order: the same seed on the same population draws the same sample. */
  populationDigest: string;
  sampled: number;
  triggered: number;
  drawnBy: string | null;
  drawnAt: string;
}

/** CPD activity kinds as a reviewer reads them; a kind a bundle names that is not here is shown as sent. */
export const CPD_ACTIVITY_KINDS: Record<string, Bilingual> = {
  course: { ar: 'دورة تدريبية', en: 'Course' },
  workshop: { ar: 'ورشة عمل', en: 'Workshop' },
  conference: { ar: 'مؤتمر', en: 'Conference' },
  lecture: { ar: 'محاضرة', en: 'Lecture' },
  online: { ar: 'تعلم عن بعد', en: 'Online learning' },
};

export const cpdActivityKind = (kind: string): Bilingual => CPD_ACTIVITY_KINDS[kind] ?? { ar: kind, en: kind };
