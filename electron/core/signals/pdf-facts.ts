/**
 * pdf-facts: what each PDF attachment says about its own making, shown as facts for the reviewer, never
 * as a verdict: made or changed after it was uploaded, last saved before the issue date it declares
 * (an old letter re-dated), saved again after it was signed (an incremental update past the signed
 * bytes), or produced by a tool made for editing finished documents. Any of these warns.
 */
import type { Bilingual } from '../../../shared/domain';
import type { SignalView } from '../../../shared/domain/signals';
import { calendarDate } from '../time/riyadh-day';
import { addDays } from '../time/day-arithmetic';
import { editingTool, readPdfFacts, type PdfFacts } from './pdf-structure';
import type { IntegritySignal, SignalSubject, SubjectAttachment } from './signal';
import { dayWords } from '../../../shared/domain/day-words';

const TITLE = { ar: 'وقائع من داخل ملفات PDF', en: 'Facts inside the PDF files' };

/** Clocks of phones and scanners drift; an hour after the upload is still the upload. */
const UPLOAD_SLACK_MS = 3600_000;
/** The issue date is a calendar day in Riyadh; a file saved the evening before it (another time zone) is no fact. */
const ISSUE_SLACK_DAYS = 1;

export const pdfFacts: IntegritySignal = {
  id: 'pdf-facts',
  title: TITLE,
  async run({ subject }): Promise<SignalView[]> {
    const pdfs = subject.attachments.filter((a) => a.mime === 'application/pdf');
    const views: SignalView[] = [];
    for (const a of pdfs) {
      const v = await judge(a, subject);
      if (v) views.push(v);
    }
    if (views.length > 0) return views;
    return [
      {
        signal: 'pdf-facts',
        outcome: 'pass',
        title: TITLE,
        explanation:
          pdfs.length === 0
            ? { ar: 'لا ملفات PDF في الطلب.', en: 'The request has no PDF files.' }
            : {
                ar: `قُرئت ${pdfs.length} ملفات PDF: تواريخها قبل الرفع ولا تسبق تاريخ الإصدار المعلن، ولا تعديل بعد التوقيع، ولا أداة تحرير معروفة.`,
                en: `${pdfs.length} PDF file(s) read: dated before the upload and not before their declared issue date, not saved again after signing, made by no known editing tool.`,
              },
        evidence: { pdfs: pdfs.length },
        links: [],
      },
    ];
  },
};

async function judge(a: SubjectAttachment, subject: SignalSubject): Promise<SignalView | null> {
  const links: SignalView['links'] =
    a.id !== null && subject.requestId !== null
      ? [{ kind: 'attachment', attachmentId: a.id, requestId: subject.requestId, reference: subject.reference, fileName: a.fileName }]
      : [];
  let f: PdfFacts;
  try {
    f = await readPdfFacts(await a.bytes());
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      signal: 'pdf-facts',
      outcome: 'warn',
      title: TITLE,
      explanation: {
        ar: `تعذّرت قراءة بنية الملف «${a.fileName}» فلم تُفحص وقائعه: افتحه وتحقق منه بنفسك.`,
        en: `The structure of "${a.fileName}" could not be read, so its facts were not checked: open it and check it yourself.`,
      },
      evidence: { file: a.fileName, sha256: a.sha256, error: why },
      links,
    };
  }
  const uploaded = a.uploadedAt ?? subject.submittedAt;
  const facts: Bilingual[] = [];
  const stamps = [
    ['created', f.created],
    ['modified', f.modified],
  ] as const;
  for (const [which, d] of stamps) {
    if (d && d.getTime() > Date.parse(uploaded) + UPLOAD_SLACK_MS)
      facts.push({
        ar: `تاريخ ${which === 'created' ? 'إنشاء' : 'تعديل'} الملف ${d.toISOString()} بعد رفعه في ${uploaded}.`,
        en: `The file's ${which === 'created' ? 'creation' : 'modification'} date ${d.toISOString()} is after its upload at ${uploaded}.`,
      });
  }
  const lastSaved = [f.created, f.modified].filter((d): d is Date => d !== null).sort((x, y) => y.getTime() - x.getTime())[0];
  if (a.issuedAt && lastSaved && calendarDate(lastSaved.toISOString()) < addDays(a.issuedAt, -ISSUE_SLACK_DAYS))
    facts.push({
      ar: `آخر حفظ للملف في ${dayWords(calendarDate(lastSaved.toISOString()), 'ar')}، قبل تاريخ الإصدار المعلن ${dayWords(a.issuedAt, 'ar')}: لا يُكتب مستند قبل تاريخه.`,
      en: `The file was last saved on ${dayWords(calendarDate(lastSaved.toISOString()), 'en')}, before its declared issue date ${dayWords(a.issuedAt, 'en')}: a document is not written before its date.`,
    });
  if (f.signatures > 0 && (f.updatesAfterSignature > 0 || f.bytesAfterSignature > 0))
    facts.push({
      ar: `الملف موقّع رقمياً ثم حُفظ بعد التوقيع (${f.updatesAfterSignature} تحديث تزايدي، ${f.bytesAfterSignature} بايت خارج ما يغطيه التوقيع): ما أضيف بعد التوقيع لا يشمله التوقيع.`,
      en: `The file is digitally signed and was saved again after signing (${f.updatesAfterSignature} incremental update(s), ${f.bytesAfterSignature} bytes outside what the signature covers): what was added after signing is not signed.`,
    });
  const tool = editingTool(f.producer, f.creator);
  if (tool)
    facts.push({
      ar: `صنعه أو حفظه برنامج تحرير: ${tool} (المنتِج «${f.producer ?? '—'}»، المنشئ «${f.creator ?? '—'}»).`,
      en: `It was made or saved by an editing tool: ${tool} (producer "${f.producer ?? '—'}", creator "${f.creator ?? '—'}").`,
    });
  if (facts.length === 0) return null;
  return {
    signal: 'pdf-facts',
    outcome: 'warn',
    title: TITLE,
    explanation: {
      ar: `في الملف «${a.fileName}»: ${facts.map((x) => x.ar).join(' ')} هذه وقائع من الملف للمراجع، لا حكم عليه.`,
      en: `In "${a.fileName}": ${facts.map((x) => x.en).join(' ')} These are facts read from the file for the reviewer, not a verdict on it.`,
    },
    evidence: {
      file: a.fileName,
      sha256: a.sha256,
      issuedAt: a.issuedAt,
      uploadedAt: uploaded,
      created: f.created?.toISOString() ?? null,
      modified: f.modified?.toISOString() ?? null,
      producer: f.producer,
      creator: f.creator,
      eofMarkers: f.eofMarkers,
      signatures: f.signatures,
      updatesAfterSignature: f.updatesAfterSignature,
      bytesAfterSignature: f.bytesAfterSignature,
    },
    links,
  };
}
