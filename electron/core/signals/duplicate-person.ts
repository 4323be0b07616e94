/**
 * duplicate-person: another request under a different ID number whose applicant has the same name, across
 * scripts and spellings (name-key.ts), and a birth date within the policy's tolerance
 * (duplicateBirthToleranceYears). Warns: namesakes exist, so a reviewer compares (the compare page) and decides.
 * The index range is signal_person_keys(kind, key, birth_date); namesAgree() then checks the middle names.
 */
import type { SignalView } from '../../../shared/domain/signals';
import { anyNamesAgree, lookUpKeys } from './name-key';
import { MAX_OTHERS, othersByKeys, shiftYears } from './other-requests';
import { idKey } from './person-index';
import type { IntegritySignal } from './signal';
import { dayWords } from '../../../shared/domain/day-words';

const TITLE = { ar: 'مقدم طلب قد يكون مكرراً بهوية أخرى', en: 'Possibly the same applicant under another ID' };

export const duplicatePerson: IntegritySignal = {
  id: 'duplicate-person',
  title: TITLE,
  async run({ db, subject, policy }): Promise<SignalView[]> {
    const a = subject.applicant;
    const tolerance = policy.duplicateBirthToleranceYears;
    const keys = [...new Set([...lookUpKeys(a.nameAr), ...lookUpKeys(a.nameEn)])];
    const candidates = await othersByKeys(db, subject, 'name', keys, {
      from: shiftYears(a.birthDate, -tolerance),
      to: shiftYears(a.birthDate, tolerance),
    });
    const matches = candidates
      .filter((o) => idKey(o.idNumber) !== idKey(a.idNumber) && anyNamesAgree([a.nameAr, a.nameEn], [o.nameAr, o.nameEn]))
      .slice(0, MAX_OTHERS);
    if (matches.length === 0) {
      return [
        {
          signal: 'duplicate-person',
          outcome: 'pass',
          title: TITLE,
          explanation: {
            ar: `لا يوجد طلب بهوية أخرى باسم «${a.nameAr}» وتاريخ ميلاد في حدود ${tolerance} سنة من ${dayWords(a.birthDate, 'ar')}.`,
            en: `No request under another ID has the name "${a.nameEn}" with a birth date within ${tolerance} year(s) of ${dayWords(a.birthDate, 'en')}.`,
          },
          evidence: { nameKeys: keys, toleranceYears: tolerance },
          links: [],
        },
      ];
    }
    const m = matches[0]!;
    const more = matches.length - 1;
    return [
      {
        signal: 'duplicate-person',
        outcome: 'warn',
        title: TITLE,
        explanation: {
          ar:
            `الطلب ${m.reference} باسم «${m.nameAr}» (${m.nameEn}) ومولود في ${m.birthDate} برقم هوية ${m.idNumber}، ` +
            `وهذا الطلب باسم «${a.nameAr}» ومولود في ${a.birthDate} برقم هوية ${a.idNumber}` +
            (more > 0 ? `، ومثله ${more} طلب آخر` : '') +
            `. الاسمان متطابقان بعد توحيد الكتابة، والفارق بين تاريخي الميلاد في حدود ${tolerance} سنة المسموح بها. ` +
            'قد يكونان شخصين بالاسم نفسه: قارن الطلبين.',
          en:
            `${m.reference} is "${m.nameEn}" (${m.nameAr}), born ${m.birthDate}, ID ${m.idNumber}; ` +
            `this request is "${a.nameEn}", born ${a.birthDate}, ID ${a.idNumber}` +
            (more > 0 ? `; ${more} more request(s) likewise` : '') +
            `. The names match once spelling and script are set aside, and the birth dates are within the ${tolerance}-year tolerance. ` +
            'They may be two people of the same name: compare the requests.',
        },
        evidence: {
          toleranceYears: tolerance,
          thisRequest: { idNumber: a.idNumber, nameAr: a.nameAr, nameEn: a.nameEn, birthDate: a.birthDate },
          others: matches.map((o) => ({ reference: o.reference, idNumber: o.idNumber, nameAr: o.nameAr, nameEn: o.nameEn, birthDate: o.birthDate })),
        },
        links: matches.map((o) => ({ kind: 'request', requestId: o.requestId, reference: o.reference })),
      },
    ];
  },
};
