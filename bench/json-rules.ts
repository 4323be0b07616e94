/**
 * The eligibility rules of domain.md written for json-rules-engine, the library a
 * team might pick instead, evaluated on the same facts for the benchmark's ratio.
 * Each rule fires an event naming its outcome; a rule that fires nothing passed.
 */
import { Engine, type RuleProperties } from 'json-rules-engine';
import type { Policy } from '../shared/domain/policy';
import type { RequestFacts } from '../electron/core/rules/types';
import { parseSaudiId, normaliseDigits } from '../electron/core/identity/national-id';
import { ageOn, plusMonths } from '../electron/core/time/day-arithmetic';
import { calendarDate } from '../electron/core/time/riyadh-day';

const CARD = ['CLASSIFICATION_INSIDE', 'CLASSIFICATION_OUTSIDE', 'REGISTRATION', 'RECLASSIFICATION', 'REREGISTRATION', 'RENEWAL', 'CARD_REPLACEMENT'];
const OUTSIDE = ['CLASSIFICATION_OUTSIDE', 'ELIGIBILITY_NUMBER'];

/** The flat facts json-rules-engine compares; derived the same way the desk's engine does. */
export function flatFacts(f: RequestFacts, policy: Policy): Record<string, unknown> {
  const submitted = calendarDate(f.submittedAt);
  const kinds = new Set(f.attachments.map((a) => a.kind));
  const letters = f.attachments
    .filter((a) => a.kind === 'employer_letter' && a.issuedAt)
    .map((a) => a.issuedAt!)
    .sort();
  const answers = f.questionnaire;
  return {
    service: f.service,
    idType: f.applicant.idType,
    idNumber: f.applicant.idNumber,
    idPrefix: normaliseDigits(f.applicant.idNumber.trim()).slice(0, 1),
    nationality: f.applicant.nationality,
    idExpiry: f.applicant.idExpiry ?? '',
    submitted,
    age: ageOn(f.applicant.birthDate, submitted),
    medicalReport: kinds.has('medical_report'),
    hasLetter: kinds.has('employer_letter'),
    newestLetter: letters.at(-1) ?? '',
    letterLimit: plusMonths(submitted, -policy.employerLetterMaxAgeMonths),
    cardExpires: f.applicant.card?.expiresAt ?? '',
    windowOpens: f.applicant.card ? plusMonths(f.applicant.card.expiresAt, -policy.renewalWindowMonths) : '',
    workCertificate: kinds.has('work_certificate'),
    employerComplete: Boolean(f.employer.type?.trim() && f.employer.facility?.trim()),
    cpdRecognised: f.cpd.recordedHours + f.cpd.activities.reduce((s, a) => s + a.hours, 0),
    cpdRequired: policy.cpdHours[f.applicant.category] ?? -1,
    declarations: answers.length,
    unanswered: answers.filter((q) => q.answer === null).length,
    yes: answers.filter((q) => q.answer === true).length,
    email: f.applicant.email.trim(),
    mobile: normaliseDigits(f.applicant.mobile.replace(/[\s-]/g, '')),
    photo: kinds.has('photo'),
    documentsComplete:
      ['bachelor_certificate', 'transcript', 'photo'].every((k) => kinds.has(k)) &&
      (!f.internshipCompleted || kinds.has('internship_certificate')) &&
      ['national_id', 'passport', 'iqama'].some((k) => kinds.has(k)),
  };
}

const on = (services: string[]) => ({ fact: 'service', operator: 'in', value: services });
const fail = (rule: string, outcome = 'fail') => ({ type: rule, params: { outcome } });

const RULES: RuleProperties[] = [
  {
    name: 'ID-FORMAT',
    conditions: {
      all: [
        { fact: 'idType', operator: 'notEqual', value: 'passport' },
        { fact: 'idNumber', operator: 'saudiIdInvalid', value: true },
      ],
    },
    event: fail('ID-FORMAT'),
  },
  {
    name: 'ID-FORMAT-passport',
    conditions: {
      all: [
        { fact: 'idType', operator: 'equal', value: 'passport' },
        { fact: 'idNumber', operator: 'blank', value: true },
      ],
    },
    event: fail('ID-FORMAT'),
  },
  {
    name: 'ID-NATIONALITY',
    conditions: {
      all: [
        { fact: 'service', operator: 'notIn', value: OUTSIDE },
        {
          any: [
            {
              all: [
                { fact: 'nationality', operator: 'equal', value: 'SA' },
                {
                  any: [
                    { fact: 'idType', operator: 'notEqual', value: 'national_id' },
                    { fact: 'idPrefix', operator: 'notEqual', value: '1' },
                  ],
                },
              ],
            },
            {
              all: [
                { fact: 'nationality', operator: 'notEqual', value: 'SA' },
                {
                  any: [
                    { fact: 'idType', operator: 'notEqual', value: 'iqama' },
                    { fact: 'idPrefix', operator: 'notEqual', value: '2' },
                    { fact: 'idExpiry', operator: 'before', value: { fact: 'submitted' } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
    event: fail('ID-NATIONALITY'),
  },
  {
    name: 'EMPLOYER-LETTER',
    conditions: {
      all: [
        on(['REGISTRATION', 'REREGISTRATION', 'CLASSIFICATION_INSIDE']),
        {
          any: [
            { fact: 'hasLetter', operator: 'equal', value: false },
            { fact: 'newestLetter', operator: 'before', value: { fact: 'letterLimit' } },
          ],
        },
      ],
    },
    event: fail('EMPLOYER-LETTER'),
  },
  {
    name: 'AGE-MEDICAL',
    conditions: {
      all: [on(CARD), { fact: 'age', operator: 'greaterThanInclusive', value: 65 }, { fact: 'medicalReport', operator: 'equal', value: false }],
    },
    event: fail('AGE-MEDICAL'),
  },
  {
    name: 'RENEWAL-WINDOW',
    conditions: {
      all: [
        on(['RENEWAL']),
        {
          any: [
            { fact: 'cardExpires', operator: 'equal', value: '' },
            { fact: 'submitted', operator: 'before', value: { fact: 'windowOpens' } },
          ],
        },
      ],
    },
    event: fail('RENEWAL-WINDOW'),
  },
  {
    name: 'RENEWAL-LATE',
    conditions: {
      all: [
        on(['RENEWAL']),
        { fact: 'cardExpires', operator: 'notEqual', value: '' },
        { fact: 'cardExpires', operator: 'before', value: { fact: 'submitted' } },
      ],
    },
    event: fail('RENEWAL-WINDOW', 'warn'),
  },
  {
    name: 'WORK-CERTIFICATE',
    conditions: { all: [on(['RENEWAL']), { fact: 'workCertificate', operator: 'equal', value: false }] },
    event: fail('WORK-CERTIFICATE'),
  },
  {
    name: 'EMPLOYER-DATA',
    conditions: { all: [on(['RENEWAL']), { fact: 'employerComplete', operator: 'equal', value: false }] },
    event: fail('EMPLOYER-DATA'),
  },
  {
    name: 'CPD-UNKNOWN',
    conditions: { all: [on(['RENEWAL', 'REREGISTRATION']), { fact: 'cpdRequired', operator: 'lessThan', value: 0 }] },
    event: fail('CPD-HOURS', 'needs_review'),
  },
  {
    name: 'CPD-HOURS',
    conditions: {
      all: [
        on(['RENEWAL', 'REREGISTRATION']),
        { fact: 'cpdRequired', operator: 'greaterThanInclusive', value: 0 },
        { fact: 'cpdRecognised', operator: 'lessThan', value: { fact: 'cpdRequired' } },
      ],
    },
    event: fail('CPD-HOURS'),
  },
  {
    name: 'QUESTIONNAIRE',
    conditions: {
      all: [
        on(CARD),
        {
          any: [
            { fact: 'declarations', operator: 'equal', value: 0 },
            { fact: 'unanswered', operator: 'greaterThan', value: 0 },
          ],
        },
      ],
    },
    event: fail('QUESTIONNAIRE'),
  },
  {
    name: 'QUESTIONNAIRE-YES',
    priority: 1,
    conditions: {
      all: [
        on(CARD),
        { fact: 'declarations', operator: 'greaterThan', value: 0 },
        { fact: 'unanswered', operator: 'equal', value: 0 },
        { fact: 'yes', operator: 'greaterThan', value: 0 },
      ],
    },
    event: fail('QUESTIONNAIRE', 'needs_review'),
  },
  { name: 'CONTACT-EMAIL', conditions: { all: [{ fact: 'email', operator: 'notEmail', value: true }] }, event: fail('CONTACT') },
  {
    name: 'CONTACT-MOBILE',
    conditions: {
      all: [
        { fact: 'service', operator: 'notIn', value: OUTSIDE },
        { fact: 'mobile', operator: 'notSaudiMobile', value: true },
      ],
    },
    event: fail('CONTACT'),
  },
  {
    name: 'DOCUMENTS',
    conditions: {
      all: [on(['REGISTRATION', 'CLASSIFICATION_INSIDE', 'CLASSIFICATION_OUTSIDE']), { fact: 'documentsComplete', operator: 'equal', value: false }],
    },
    event: fail('DOCUMENTS'),
  },
  { name: 'PHOTO', conditions: { all: [on(CARD), { fact: 'photo', operator: 'equal', value: false }] }, event: fail('PHOTO') },
];

export function buildJsonRulesEngine(): Engine {
  const engine = new Engine(RULES, { allowUndefinedFacts: true });
  engine.addOperator('saudiIdInvalid', (v: unknown) => !parseSaudiId(String(v)).ok);
  engine.addOperator('blank', (v: unknown) => String(v).trim() === '');
  engine.addOperator('before', (a: unknown, b: unknown) => String(a) < String(b));
  engine.addOperator('notEmail', (v: unknown) => !/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(String(v)));
  engine.addOperator('notSaudiMobile', (v: unknown) => !/^(05\d{8}|\+9665\d{8})$/.test(String(v)));
  return engine;
}

/** The rules that did not pass, by id and outcome, as json-rules-engine sees them. */
export async function runJsonRules(engine: Engine, facts: Record<string, unknown>): Promise<Map<string, string>> {
  const { events } = await engine.run(facts);
  const out = new Map<string, string>();
  for (const e of events) out.set(e.type, String(e.params?.outcome));
  return out;
}
