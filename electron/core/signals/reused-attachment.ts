/**
 * reused-attachment: a file of this request (the same SHA-256, byte for byte) is attached to a request of
 * another applicant (another ID number). The same applicant sending their degree again on a renewal is
 * normal and not flagged; someone else's certificate is not. Fails, with the other request and file linked.
 */
import type { SignalLink, SignalView } from '../../../shared/domain/signals';
import { idKey } from './person-index';
import { requestsWithSameFile } from './same-file';
import type { IntegritySignal } from './signal';

const TITLE = { ar: 'مرفق مستخدم في طلب لشخص آخر', en: "Attachment used on another applicant's request" };

export const reusedAttachment: IntegritySignal = {
  id: 'reused-attachment',
  title: TITLE,
  async run({ db, subject }): Promise<SignalView[]> {
    const mine = idKey(subject.applicant.idNumber);
    const views: SignalView[] = [];
    const seen = new Set<string>();
    for (const att of subject.attachments) {
      if (seen.has(att.sha256)) continue;
      seen.add(att.sha256);
      const holders = (await requestsWithSameFile(db, att.sha256, subject.requestId)).filter(
        (h) => h.reference !== subject.reference && idKey(h.idNumber) !== mine,
      );
      if (holders.length === 0) continue;
      const h = holders[0]!;
      const more = new Set(holders.map((x) => x.requestId)).size - 1;
      const links: SignalLink[] = holders.map((x) => ({
        kind: 'attachment',
        attachmentId: x.attachmentId,
        requestId: x.requestId,
        reference: x.reference,
        fileName: x.fileName,
      }));
      views.push({
        signal: 'reused-attachment',
        outcome: 'fail',
        title: TITLE,
        explanation: {
          ar:
            `الملف «${att.fileName}» مطابق بايتاً ببايت (البصمة SHA-256 نفسها) للملف «${h.fileName}» في الطلب ${h.reference} ` +
            `لمقدم طلب آخر (هوية ${h.idNumber})` +
            (more > 0 ? `، وفي ${more} طلب آخر` : '') +
            '. مستند شخص لا يكون في طلب شخص آخر: افتح الطلب الآخر وقارن.',
          en:
            `"${att.fileName}" is byte for byte the file "${h.fileName}" (the same SHA-256) on ${h.reference}, ` +
            `another applicant's request (ID ${h.idNumber})` +
            (more > 0 ? `, and on ${more} more request(s)` : '') +
            ". One person's document does not belong on another's request: open the other request and compare.",
        },
        evidence: {
          file: att.fileName,
          kind: att.kind,
          sha256: att.sha256,
          others: holders.map((x) => ({ reference: x.reference, idNumber: x.idNumber, file: x.fileName })),
        },
        links,
      });
    }
    if (views.length > 0) return views;
    return [
      {
        signal: 'reused-attachment',
        outcome: 'pass',
        title: TITLE,
        explanation: {
          ar: `لا يوجد أي من مرفقات الطلب (${seen.size}) في طلب لمقدم طلب آخر.`,
          en: `None of the request's ${seen.size} file(s) is on another applicant's request.`,
        },
        evidence: { files: seen.size },
        links: [],
      },
    ];
  },
};
