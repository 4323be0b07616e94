/**
 * cpd-same-certificate: a CPD certificate file (same SHA-256) filed with other requests too — the same
 * applicant's earlier renewal or someone else's. Warns with each other request linked (same-file.ts).
 */
import type { SignalLink } from '../../../shared/domain';
import type { IntegritySignal } from './signal';
import { requestsWithSameFile } from './same-file';
import { CPD_SERVICES, view } from './cpd-subject';

const ID = 'cpd-same-certificate';
const title = { ar: 'شهادة التطوير المهني نفسها في عدة طلبات', en: 'The same CPD certificate on several requests' };

export const cpdSameCertificate: IntegritySignal = {
  id: ID,
  title,
  async run(ctx) {
    if (!CPD_SERVICES.includes(ctx.subject.service)) return [];
    const certificates = ctx.subject.attachments.filter((a) => a.kind === 'cpd_certificate');
    const found: Array<{ fileName: string; sha256: string; others: string[] }> = [];
    const links: SignalLink[] = [];
    for (const c of certificates) {
      const others = await requestsWithSameFile(ctx.db, c.sha256, ctx.subject.requestId);
      if (others.length === 0) continue;
      found.push({ fileName: c.fileName, sha256: c.sha256, others: others.map((o) => o.reference) });
      for (const o of others)
        links.push({ kind: 'attachment', attachmentId: o.attachmentId, requestId: o.requestId, reference: o.reference, fileName: o.fileName });
    }
    if (found.length === 0)
      return [
        view(
          ID,
          title,
          'pass',
          certificates.length === 0
            ? { ar: 'لم ترفق شهادة تطوير مهني بالطلب', en: 'No CPD certificate is attached to the request' }
            : {
                ar: `لم تقدم أي من شهادات التطوير المهني الـ${certificates.length} في طلب آخر`,
                en: `None of the ${certificates.length} CPD certificates was filed with another request`,
              },
          { certificates: certificates.length, reused: [] },
        ),
      ];
    const refs = [...new Set(found.flatMap((f) => f.others))];
    return [
      view(
        ID,
        title,
        'warn',
        {
          ar: `${found.length} من شهادات التطوير المهني قدمت بالملف نفسه في ${refs.length} طلب آخر: ${refs.join('، ')}`,
          en: `${found.length} CPD certificate(s) were filed, as the very same file, with ${refs.length} other request(s): ${refs.join(', ')}`,
        },
        { certificates: certificates.length, reused: found },
        links,
      ),
    ];
  },
};
