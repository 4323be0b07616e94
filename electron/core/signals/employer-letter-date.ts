/**
 * employer-letter-date (issue #20): the employer letter's date as its own text prints it (the PDF's text
 * layer, or OCR of a scan) against the `issuedAt` declared with it, which the 3-month rule (EMPLOYER-LETTER)
 * trusts. Apart by more than the policy's tolerance: warn, showing both. No date readable: pass, saying so
 * (a reviewer reads the letter; nothing suggests a problem). While a scan is still being read: pass with
 * `evidence.pending`, and the case view asks again.
 */
import type { SignalLink, SignalView } from '../../../shared/domain/signals';
import { calendarDate } from '../time/riyadh-day';
import { documentReading } from './letter-date/document-reading';
import { keptReading } from './letter-date/document-dates';
import { pickIssueDate } from './letter-date/pick-date';
import type { DocumentReading } from './letter-date/reading';
import type { IntegritySignal, SignalContext, SubjectAttachment } from './signal';
import { counted, DAYS } from '../../../shared/domain/counted';
import { dayWords } from '../../../shared/domain/day-words';

const TITLE = { ar: 'تاريخ خطاب جهة العمل كما في نصه', en: 'Employer letter’s date as printed' };

const SOURCE = {
  'text-layer': { ar: 'نص ملف PDF', en: 'the PDF’s text' },
  ocr: { ar: 'الصورة الممسوحة بالتعرف الضوئي', en: 'the scan, by OCR' },
  none: { ar: 'الملف', en: 'the file' },
} as const;

const DAY_MS = 86_400_000;
const daysApart = (a: string, b: string) => Math.round(Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / DAY_MS);

/**
 * `reads`: a letter not read yet is read (in the background for a stored request, awaited for a bundle);
 * `kept`: only letters already read are judged (no file is opened), for counts over many requests.
 */
function letterDateSignal(mode: 'reads' | 'kept'): IntegritySignal {
  return {
    id: 'employer-letter-date',
    title: TITLE,
    async run(ctx) {
      const letters = ctx.subject.attachments.filter((a) => a.kind === 'employer_letter');
      // A bundle judged before import (`desk check`) is answered in full: its command waits for the OCR.
      const wait = ctx.subject.requestId === null;
      const out: SignalView[] = [];
      for (const letter of letters) {
        const reading = mode === 'reads' ? await documentReading(ctx.db, letter, wait) : await keptReading(ctx.db, letter.sha256);
        if (reading) out.push(judge(ctx, letter, reading));
      }
      return out;
    },
  };
}

export const employerLetterDate = letterDateSignal('reads');
/** The same signal from kept readings only: the dashboard counts it for every request without reading files. */
export const employerLetterDateKept = letterDateSignal('kept');

function judge(ctx: SignalContext, letter: SubjectAttachment, reading: DocumentReading | 'pending'): SignalView {
  const { subject, policy } = ctx;
  const links: SignalLink[] =
    letter.id !== null && subject.requestId !== null
      ? [{ kind: 'attachment', attachmentId: letter.id, requestId: subject.requestId, reference: subject.reference, fileName: letter.fileName }]
      : [];
  const declared = letter.issuedAt ? calendarDate(letter.issuedAt) : null;
  const base = { file: letter.fileName, sha256: letter.sha256, declared };
  const view = (outcome: SignalView['outcome'], explanation: SignalView['explanation'], evidence: Record<string, unknown>): SignalView => ({
    signal: 'employer-letter-date',
    outcome,
    title: TITLE,
    explanation,
    evidence: { ...base, ...evidence },
    links,
  });
  if (reading === 'pending') {
    return view(
      'pass',
      {
        ar: `جارٍ قراءة المستند… (${letter.fileName})؛ تظهر النتيجة عند انتهاء القراءة`,
        en: `Reading the document… (${letter.fileName}); the result shows when it is done`,
      },
      { pending: true },
    );
  }
  const source = SOURCE[reading.source];
  const facts = {
    source: reading.source,
    languages: reading.languages,
    pagesRead: reading.pages,
    datesFound: reading.dates.length,
    readMillis: reading.millis,
  };
  const found = pickIssueDate(reading.dates, calendarDate(subject.submittedAt));
  if (!found) {
    return view(
      'pass',
      {
        ar: `لم يمكن قراءة أي تاريخ من ${source.ar} (${letter.fileName})، فلم يُقارن بالتاريخ المُدخل`,
        en: `No date could be read from ${source.en} (${letter.fileName}), so the declared date was not compared`,
      },
      { ...facts, read: null, problem: reading.problem },
    );
  }
  const read = {
    read: found.date,
    written: found.written,
    line: found.line,
    page: found.page,
    calendar: found.calendar,
    basis: found.labelled ? 'label' : 'latest',
  };
  const hijri = found.calendar === 'hijri';
  const where = {
    // A date written in Latin letters is quoted "…": the case view keeps a quoted value left to right in Arabic.
    ar: `${/[\u0600-\u06ff]/.test(found.written) ? `«${found.written}»` : `"${found.written}"`}${hijri ? ' هـ' : ''}، الصفحة ${found.page}، من ${source.ar}`,
    en: `"${found.written}"${hijri ? ' Hijri' : ''}, page ${found.page}, from ${source.en}`,
  };
  if (!declared) {
    return view(
      'pass',
      {
        ar: `نص الخطاب مؤرخ ${dayWords(found.date, 'ar')} (${where.ar}) ولم يُدخل تاريخ للخطاب`,
        en: `The letter’s text is dated ${dayWords(found.date, 'en')} (${where.en}); no issue date was declared`,
      },
      { ...facts, ...read },
    );
  }
  const apart = daysApart(found.date, declared);
  // A date read in Hijri gets a day more: Umm al-Qura and a month begun by sighting can differ by one.
  const tolerance = policy.employerLetterDateToleranceDays + (found.calendar === 'hijri' ? 1 : 0);
  const compared = { ...facts, ...read, daysApart: apart, toleranceDays: tolerance };
  if (apart <= tolerance) {
    return view(
      'pass',
      apart === 0
        ? {
            ar: `نص الخطاب مؤرخ ${dayWords(found.date, 'ar')} (${where.ar})، وهو التاريخ المُدخل`,
            en: `The letter’s text is dated ${dayWords(found.date, 'en')} (${where.en}), the declared date`,
          }
        : {
            ar: `نص الخطاب مؤرخ ${dayWords(found.date, 'ar')} (${where.ar})، والتاريخ المُدخل ${dayWords(declared, 'ar')}: الفرق ${counted(DAYS.ar, 'ar', apart)}، ضمن المقبول (${counted(DAYS.ar, 'ar', tolerance)} على الأكثر)`,
            en: `The letter’s text is dated ${dayWords(found.date, 'en')} (${where.en}) and ${dayWords(declared, 'en')} was declared: ${counted(DAYS.en, 'en', apart)} apart, within the ${counted(DAYS.en, 'en', tolerance)} accepted`,
          },
      compared,
    );
  }
  return view(
    'warn',
    {
      ar: `نص الخطاب مؤرخ ${dayWords(found.date, 'ar')} (${where.ar}) لكن التاريخ المُدخل ${dayWords(declared, 'ar')}: الفرق ${counted(DAYS.ar, 'ar', apart)}، والمقبول ${counted(DAYS.ar, 'ar', tolerance)} على الأكثر`,
      en: `The letter’s text is dated ${dayWords(found.date, 'en')} (${where.en}) but ${dayWords(declared, 'en')} was declared: ${counted(DAYS.en, 'en', apart)} apart, at most ${counted(DAYS.en, 'en', tolerance)} accepted`,
    },
    compared,
  );
}
