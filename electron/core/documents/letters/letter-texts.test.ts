import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { DOCUMENT_SERVICES, type Service } from '../../../../shared/domain';
import { letterText } from './letter-texts';
import { letterPdf } from './letter-pdf';
import { loadCardSigner } from '../card-signing';
import { pdfText } from '../testing/pdf-tools';
import { testLetter } from '../testing/document-facts';
import type { LetterFacts } from './letter-facts';

const signer = loadCardSigner(null);

function facts(service: Service, gender: 'male' | 'female'): LetterFacts {
  const person =
    gender === 'female'
      ? { nameAr: 'نورة بنت سعد العتيبي', nameEn: 'Noura Saad Alotaibi', idNumber: '1098765432' }
      : { nameAr: 'سعود بن أحمد آل سعود', nameEn: 'Saud Ahmed Al Saud', idNumber: '1012345678' };
  return testLetter(signer, { ...person, gender, service, specialty: { ar: 'طب الأطفال', en: 'Paediatrics' } });
}

/** "الممارس" as a whole word (not the start of "الممارسة"). */
const MASCULINE_PRACTITIONER = /الممارس(?![\u0621-\u064a])/;

describe('letters agree with their holder in Arabic', () => {
  it.each(DOCUMENT_SERVICES)('%s: الممارس for a man, الممارسة for a woman', (service) => {
    const man = letterText(facts(service, 'male')).body.ar;
    const woman = letterText(facts(service, 'female')).body.ar;
    expect(man).toMatch(MASCULINE_PRACTITIONER);
    expect(man).not.toContain('الممارسة');
    expect(woman).toContain('الممارسة');
    expect(woman).not.toMatch(MASCULINE_PRACTITIONER);
  });

  it('the certificate of good standing: مسجلة لديها، ولم يصدر بحقها ما يمس سلوكها for a woman', () => {
    expect(letterText(facts('GOOD_STANDING', 'female')).body.ar).toContain('، مسجلة لديها، ولم يصدر بحقها ما يمس سلوكها المهني');
    expect(letterText(facts('GOOD_STANDING', 'male')).body.ar).toContain('، مسجل لديها، ولم يصدر بحقه ما يمس سلوكه المهني');
  });

  it('the eligibility number: قد منحت for a woman, قد منح for a man', () => {
    expect(letterText(facts('ELIGIBILITY_NUMBER', 'female')).body.ar).toContain('قد منحت رقم الأحقية');
    expect(letterText(facts('ELIGIBILITY_NUMBER', 'male')).body.ar).toContain('قد منح رقم الأحقية');
  });

  it('the PDF reads back the agreeing words; a man and a woman of each kind are written for people to look at', async () => {
    mkdirSync('test-results/documents', { recursive: true });
    for (const service of DOCUMENT_SERVICES)
      for (const gender of ['male', 'female'] as const) {
        const pdf = await letterPdf(facts(service, gender));
        writeFileSync(`test-results/documents/letter-${service}-${gender}.pdf`, pdf);
        const text = pdfText(pdf).replace(/\s+/g, ' ');
        if (gender === 'female') expect(text, service).toContain('الممارسة');
        else expect(text, service).not.toContain('الممارسة');
      }
  });
});
