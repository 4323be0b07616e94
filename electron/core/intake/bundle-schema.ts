/**
 * The request bundle of formats.md ("mumaris-request/1"), one schema shared by
 * import and `desk check`. Every message names what is wrong; the path names where.
 */
import { z } from 'zod';
import { SERVICES } from '../../../shared/domain';
import { TERMS } from '../../../shared/domain/terms';
import { hasHiddenCharacters, isInternationalMobile, isOneEmailAddress, isRealDateTime, isRealDay, isSaudiMobile } from '../../../shared/text-rules';

const ATTACHMENT_KINDS = Object.keys(TERMS.attachment_kinds) as [string, ...string[]];
const EMPLOYER_TYPES = Object.keys(TERMS.employer_types) as [string, ...string[]];

/** A real calendar date: 2026-02-30 is refused, not rolled over. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isRealDay, 'not a real calendar date');

/** A real instant: `2026-02-30T09:00:00+03:00` (which Date would roll over to March) is refused. */
export const isoDateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/,
    'expected a date-time with its offset, e.g. 2026-03-01T09:30:00+03:00',
  )
  .refine(isRealDateTime, 'not a real date-time');

export { hasHiddenCharacters };

const HIDDEN = 'contains control or direction-override characters';

/** One address, as the applicant's notices are sent to it (never a list, a display name or a formula). */
const email = z
  .string()
  .trim()
  .max(254, 'at most 254 characters')
  .refine((s) => !hasHiddenCharacters(s), HIDDEN)
  .refine(isOneEmailAddress, 'expected one e-mail address, such as name@example.com');

/** A phone number's characters: digits (Latin or Arabic-Indic), a leading +, spaces and dashes. */
const mobile = z
  .string()
  .trim()
  .max(20, 'at most 20 characters')
  .refine((s) => !hasHiddenCharacters(s), HIDDEN)
  .refine((s) => /^\+?[\d\u0660-\u0669\u06f0-\u06f9\s-]{8,19}$/u.test(s), 'expected a mobile number');

/** Services whose applicants are abroad: any international mobile; everyone else gives a Saudi one (domain.md, CONTACT). */
const ABROAD: readonly string[] = ['CLASSIFICATION_OUTSIDE', 'ELIGIBILITY_NUMBER'];

/** Text from the portal: bounded, and free of hidden characters. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `at most ${max} characters`)
    .refine((s) => !hasHiddenCharacters(s), HIDDEN);

/** A path inside the bundle: relative, no "..", no drive letters, forward slashes. */
export const bundlePath = z
  .string()
  .min(1)
  .max(255)
  .refine((p) => !p.startsWith('/') && !p.startsWith('\\') && !/^[a-zA-Z]:/.test(p), 'must be a path relative to the bundle, not absolute')
  .refine((p) => !p.split(/[\\/]/).includes('..'), 'must not leave the bundle ("..")')
  .refine((p) => !p.includes('\u0000'), 'contains a NUL character')
  // A file name reversed by an override ("gpj.exe" shown as "exe.jpg") is refused like any hidden character.
  .refine((p) => !hasHiddenCharacters(p), HIDDEN);

const bilingual = z.object({ ar: text(1000), en: text(1000) });

export const bundleSchema = z
  .object({
    schema: z.literal('mumaris-request/1', { error: 'expected "mumaris-request/1"' }),
    reference: z
      .string()
      .regex(/^REQ-\d{4}-\d{6}$/, 'expected a reference like REQ-2026-000123')
      .optional(),
    service: z.enum(SERVICES, { error: `expected one of ${SERVICES.join(', ')}` }),
    submittedAt: isoDateTime,
    applicant: z.object({
      nameAr: text(200),
      nameEn: text(200),
      nationality: z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter country code such as SA'),
      idType: z.enum(['national_id', 'iqama', 'passport']),
      idNumber: text(20),
      idExpiry: isoDate.nullable(),
      birthDate: isoDate,
      gender: z.enum(['male', 'female']),
      email,
      mobile,
      registrationNumber: text(30).nullable().optional(),
      profession: text(100),
      specialty: text(100),
      category: text(64),
      card: z
        .object({ number: text(30), issuedAt: isoDate, expiresAt: isoDate })
        .nullable()
        .optional(),
    }),
    employer: z
      .object({ type: z.enum(EMPLOYER_TYPES), facility: text(200) })
      .nullable()
      .optional(),
    internshipCompleted: z.boolean().nullable().optional(),
    questionnaire: z
      .array(z.object({ id: text(64), question: bilingual.optional(), answer: z.boolean().nullable() }))
      .max(50)
      .default([]),
    cpd: z
      .object({
        recordedHours: z.number().min(0).max(10_000),
        activities: z
          .array(z.object({ title: text(200), provider: text(200), hours: z.number().min(0).max(1000), date: isoDate, kind: text(40) }))
          .max(500)
          .default([]),
      })
      .default({ recordedHours: 0, activities: [] }),
    experiences: z
      .array(
        z.object({
          employer: text(200),
          position: text(200),
          from: isoDate,
          to: isoDate.nullable(),
          country: z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter country code'),
        }),
      )
      .max(100)
      .default([]),
    attachments: z
      .array(
        z.object({
          kind: z.enum(ATTACHMENT_KINDS),
          file: bundlePath,
          issuedAt: isoDate.nullable().optional(),
          certified: z.boolean().nullable().optional(),
        }),
      )
      .max(100)
      .default([]),
    notes: z
      .array(z.object({ text: text(4000), at: isoDateTime }))
      .max(100)
      .default([]),
  })
  .superRefine((b, ctx) => {
    if (ABROAD.includes(b.service) ? !isInternationalMobile(b.applicant.mobile) : !isSaudiMobile(b.applicant.mobile)) {
      ctx.addIssue({
        code: 'custom',
        path: ['applicant', 'mobile'],
        message: ABROAD.includes(b.service)
          ? 'expected an international mobile such as +201001234567'
          : 'expected a Saudi mobile: 05XXXXXXXX or +9665XXXXXXXX',
      });
    }
    if (b.applicant.idType !== 'national_id' && !b.applicant.idExpiry) {
      ctx.addIssue({ code: 'custom', path: ['applicant', 'idExpiry'], message: `is required for ${b.applicant.idType}` });
    }
    if (b.applicant.card && b.applicant.card.expiresAt < b.applicant.card.issuedAt) {
      ctx.addIssue({ code: 'custom', path: ['applicant', 'card', 'expiresAt'], message: 'is before the issue date' });
    }
    b.experiences.forEach((e, i) => {
      if (e.to && e.to < e.from) ctx.addIssue({ code: 'custom', path: ['experiences', i, 'to'], message: 'is before "from"' });
    });
  });

export type RequestBundle = z.infer<typeof bundleSchema>;
