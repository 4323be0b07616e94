import type { DeskDb } from '../db/connection';
import type { UserInfo } from '../../../shared/domain';
import { caseDetail } from '../cases/case-detail';
import { caseFinance } from '../finance/refunds';
import { caseReportPdf } from '../documents/case-report-pdf';
import { appendAudit } from '../audit/chain';

/** The case report of one request, as the user asked it (language, staff or applicant copy); printing it is audited. */
export async function caseReport(
  db: DeskDb,
  user: Pick<UserInfo, 'id' | 'displayName' | 'roles'>,
  now: Date,
  input: { id: number; lang: 'ar' | 'en'; copy: 'staff' | 'applicant' },
): Promise<{ pdf: Uint8Array; fileName: string }> {
  // The report shows what its printer's roles see of the request, no more (auth/visibility.ts).
  const detail = await caseDetail(db, input.id, now, user);
  const finance = await caseFinance(db, input.id);
  const head = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const pdf = await caseReportPdf({
    detail,
    finance,
    lang: input.lang,
    copy: input.copy,
    printedBy: user.displayName,
    printedAt: now,
    auditHead: head ?? null,
  });
  await appendAudit(db, {
    at: now.toISOString(),
    actorId: user.id > 0 ? user.id : null,
    action: 'report.case',
    entity: 'request',
    entityId: String(input.id),
    data: { lang: input.lang, copy: input.copy, reflectsSeq: head?.seq ?? 0 },
  });
  return { pdf, fileName: `${detail.reference}-${input.copy}-${input.lang}.pdf` };
}
