/** The documents a registration or classification needs, and the photo every card carries. */
import { attachmentRequired, ids, isCard, kindName, ofKind, type Rule } from './rule';

export const documents: Rule = {
  id: 'DOCUMENTS',
  source: '003',
  appliesTo: (s) => s === 'REGISTRATION' || s === 'CLASSIFICATION_INSIDE' || s === 'CLASSIFICATION_OUTSIDE',
  run: (f) => {
    const need = ['bachelor_certificate', 'transcript', 'photo', ...(f.internshipCompleted ? ['internship_certificate'] : [])];
    const missing = need.filter((k) => ofKind(f, k).length === 0);
    const identity = ['national_id', 'passport', 'iqama'].some((k) => ofKind(f, k).length > 0);
    if (!identity) missing.push('national_id');
    const bachelor = ofKind(f, 'bachelor_certificate');
    const uncertified = bachelor.length > 0 && bachelor.every((b) => b.certified === false);
    const looked = f.attachments.filter((a) => [...need, 'national_id', 'passport', 'iqama'].includes(a.kind));
    const facts = { required: need, identity, missing, bachelorCertified: !uncertified };
    if (missing.length === 0 && !uncertified)
      return {
        outcome: 'pass',
        facts,
        attachmentIds: ids(looked),
        explanation: { ar: 'جميع المستندات المطلوبة مرفقة', en: 'Every required document is attached' },
      };
    const names = missing.map((k) =>
      k === 'national_id' ? { ar: 'إثبات الهوية (هوية أو جواز أو إقامة)', en: 'proof of identity (national ID, passport or iqama)' } : kindName(k),
    );
    if (uncertified) names.push({ ar: 'تصديق شهادة البكالوريوس', en: "certification of the bachelor's certificate" });
    return {
      outcome: 'fail',
      facts,
      attachmentIds: ids(looked),
      explanation: { ar: `مستندات ناقصة: ${names.map((n) => n.ar).join('، ')}`, en: `Missing: ${names.map((n) => n.en).join(', ')}` },
      applicantMessage: { ar: `يرجى إرفاق: ${names.map((n) => n.ar).join('، ')}.`, en: `Please attach: ${names.map((n) => n.en).join(', ')}.` },
    };
  },
};

export const photo: Rule = { id: 'PHOTO', source: '003', appliesTo: isCard, run: attachmentRequired('photo') };
