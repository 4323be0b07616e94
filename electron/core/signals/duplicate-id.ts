/**
 * duplicate-id: another request carries the same ID number under a different name or birth date. One ID is
 * one person, so this fails and links every such request; the reviewer decides which record is right.
 * Names are compared by name-key.ts (a transliteration or a dropped "bin" is the same name). A data update
 * (DATA_UPDATE) changes the name on purpose, so a pair where either request is one is not compared.
 */
import type { SignalView } from '../../../shared/domain/signals';
import { anyNamesAgree } from './name-key';
import { othersByKeys, MAX_OTHERS, type OtherApplicant } from './other-requests';
import { idKey } from './person-index';
import type { IntegritySignal } from './signal';

const TITLE = { ar: 'رقم هوية واحد ببيانات شخص مختلفة', en: 'One ID number, different person details' };

export const duplicateId: IntegritySignal = {
  id: 'duplicate-id',
  title: TITLE,
  async run({ db, subject }): Promise<SignalView[]> {
    const a = subject.applicant;
    const others = await othersByKeys(db, subject, 'id', [idKey(a.idNumber)]);
    const compared = others.filter((o) => o.service !== 'DATA_UPDATE' && subject.service !== 'DATA_UPDATE');
    const conflicts = compared
      .map((o) => ({ o, name: !anyNamesAgree([a.nameAr, a.nameEn], [o.nameAr, o.nameEn]), birth: o.birthDate !== a.birthDate }))
      .filter((c) => c.name || c.birth)
      .slice(0, MAX_OTHERS);
    if (conflicts.length === 0) {
      return [
        {
          signal: 'duplicate-id',
          outcome: 'pass',
          title: TITLE,
          explanation:
            others.length === 0
              ? { ar: `لا يوجد طلب آخر برقم الهوية ${a.idNumber}.`, en: `No other request carries ID number ${a.idNumber}.` }
              : {
                  ar: `${others.length} طلب آخر برقم الهوية ${a.idNumber}، وكلها بالاسم وتاريخ الميلاد نفسيهما.`,
                  en: `${others.length} other request(s) carry ID number ${a.idNumber}, all with the same name and birth date.`,
                },
          evidence: { idNumber: a.idNumber, sameIdRequests: others.length, notComparedDataUpdates: others.length - compared.length },
          links: others.slice(0, MAX_OTHERS).map((o) => ({ kind: 'request', requestId: o.requestId, reference: o.reference })),
        },
      ];
    }
    const first = conflicts[0]!;
    const more = conflicts.length - 1;
    return [
      {
        signal: 'duplicate-id',
        outcome: 'fail',
        title: TITLE,
        explanation: {
          ar:
            `رقم الهوية ${a.idNumber} مستخدم في الطلب ${first.o.reference} باسم «${first.o.nameAr}» وتاريخ ميلاد ${first.o.birthDate}، ` +
            `وفي هذا الطلب باسم «${a.nameAr}» وتاريخ ميلاد ${a.birthDate}` +
            (more > 0 ? `، ومثله ${more} طلب آخر` : '') +
            '. الهوية الواحدة لشخص واحد: قارن الطلبين قبل القرار.',
          en:
            `ID number ${a.idNumber} is on ${first.o.reference} as "${first.o.nameEn}", born ${first.o.birthDate}, ` +
            `and on this request as "${a.nameEn}", born ${a.birthDate}` +
            (more > 0 ? `; ${more} more request(s) likewise` : '') +
            '. One ID belongs to one person: compare the requests before deciding.',
        },
        evidence: {
          idNumber: a.idNumber,
          thisRequest: { nameAr: a.nameAr, nameEn: a.nameEn, birthDate: a.birthDate },
          others: conflicts.map((c) => describe(c.o, c.name, c.birth)),
        },
        links: conflicts.map((c) => ({ kind: 'request', requestId: c.o.requestId, reference: c.o.reference })),
      },
    ];
  },
};

const describe = (o: OtherApplicant, nameDiffers: boolean, birthDiffers: boolean) => ({
  reference: o.reference,
  nameAr: o.nameAr,
  nameEn: o.nameEn,
  birthDate: o.birthDate,
  differs: [...(nameDiffers ? ['name'] : []), ...(birthDiffers ? ['birthDate'] : [])],
});
