/**
 * The one implementation of shared/contract.ts. Arguments arrive validated and the
 * caller's access already checked by dispatch.ts; a missing or mistyped handler fails to compile.
 */
import type { CallContext, Handlers } from './call-context';
import type { UserInfo } from '../../shared/domain';
import type { Desk } from './desk/open-desk';
import { DeskFault, notFound } from './errors';
import { countUsers, getUser, listUsers, signOut } from './auth/users';
import { userHandlers } from './auth/user-handlers';
import { createPersonalDataLog } from './audit/personal-data';
import { lastCheckpoint, verifyDeskAudit } from './audit/desk-checkpoints';
import { browseAuditTrail } from './audit/browse';
import { LATEST_SCHEMA } from './db/migrate';
import { queuePage } from './cases/queues';
import { queueCounts } from './cases/queue-counts';
import { caseDetail } from './cases/case-detail';
import { mayOpenAttachment } from './auth/visibility';
import * as decide from './cases/decisions';
import type { Actor } from './actor';
import { listOutbox } from './cases/outbox';
import { deliveryHandlers } from './delivery/delivery-handlers';
import { cpdHandlers } from './cpd/cpd-handlers';
import { supervisorHandlers } from './cases/supervisor-handlers';
import { signalHandlers } from './signals/signal-handlers';
import { referralHandlers } from './cases/referral-handlers';
import { applicantHistoryHandlers } from './cases/applicant-history-handlers';
import { nudgingDelivery } from './delivery/nudge';
import { currentPolicy } from './policy/current-policy';
import { importUploadedZip } from './intake/import-batch';
import * as finance from './finance/refunds';
import { caseFinance } from './finance/refunds';
import { awaitingPayments, paymentImports, pendingManualPayments, refundsByStage, unmatchedPayments } from './finance/finance-lists';
import { reconciliationSummary } from './finance/reconciliation-summary';
import { importReconciliationFile } from './finance/payments-import';
import { assignUnmatchedPayment } from './finance/assign-unmatched';
import { confirmManualPayment, recordManualPayment, refuseManualPayment, type FinanceOfficer } from './finance/manual-payments';
import { XLSX_MIME, reconciliationFileName, reconciliationWorkbook } from './finance/reconciliation-export';
import { confirmPrints, previewCards, printQueue, recordDelivery } from './cards/print-centre';
import { verifyCard } from './cards/verify-card';
import { storedLetterPdf } from './documents/letters/issued-letters';
import { policyHistory, policyInForce, updatePolicy } from './policy/versions';
import { caseReport } from './reports/case-report';
import { createExportJobs } from './reports/export-jobs';
import { dashboardFigures } from './reports/dashboard';
import { escalationList } from './cases/escalations';
import { listBackups, runBackup } from './backups/scheduled-backups';
import { riyadhDate } from './time/riyadh-day';
import { changesCursor, databaseSettingsView, saveDatabaseChoice } from './desk/database-choice';
import { probeDatabase } from './db/probe';
import { sql } from 'kysely';
import { assertAttachmentPresent } from './blobs/attachment-blobs';
import { updatesView } from './updates/update-settings';

const signedIn = (ctx: CallContext): UserInfo => {
  if (!ctx.user) throw new DeskFault('unauthenticated', 'sign in first', 'سجل الدخول أولاً');
  return ctx.user;
};

export function createHandlers(deps: Desk): Handlers {
  const { db, clock } = deps;
  const actor = (ctx: CallContext): Actor => ({ user: signedIn(ctx), clock, cardSigner: deps.cardSigner });
  /**
   * A decision on a case by the caller (cases/decisions.ts). It answers with the case as the caller's roles see it
   * (auth/visibility.ts), read in the decision's own transaction (cases/decide-on.ts): nothing here reads it again.
   */
  const decision =
    <A, R>(run: (a: Actor, args: A) => Promise<R>) =>
    (args: A, ctx: CallContext) =>
      run(actor(ctx), args);
  /** The session a file link belongs to: it opens only for that session, and ends with it (files/tickets.ts). */
  const fileSession = (ctx: CallContext): string => {
    if (!ctx.sessionToken) throw new DeskFault('unauthenticated', 'sign in first', 'سجل الدخول أولاً');
    return ctx.sessionToken;
  };
  const views = createPersonalDataLog(db, clock);
  /** A PDF the desk made, held for the viewer behind a short-lived link of the caller's session. */
  const pdfLink = (ctx: CallContext, { pdf, fileName }: { pdf: Uint8Array; fileName: string }) => ({
    url: `/files/${deps.fileTickets.issueGenerated({ bytes: pdf, mime: 'application/pdf', fileName }, fileSession(ctx))}`,
    fileName,
  });
  /** Who writes money in: the signed-in officer, the desk's clock and card signer (a letter may be issued). */
  const officer = (ctx: CallContext): FinanceOfficer => ({ actorId: signedIn(ctx).id, now: () => clock.now(), signer: deps.cardSigner });
  const exportJobs = createExportJobs(db, deps.fileTickets, () => clock.now());

  const handlers = {
    'app.info': async () => ({
      version: deps.version,
      schemaVersion: LATEST_SCHEMA,
      firstRun: (await countUsers(db)) === 0,
      empty: !(await db.selectFrom('requests').select('id').limit(1).executeTakeFirst()),
    }),
    'app.updates': async () => updatesView(deps.settingsFolder, deps.version),
    // Sign-in and user administration (auth/user-handlers.ts).
    ...userHandlers(deps),
    'auth.signOut': async (_args, ctx) => {
      if (ctx.sessionToken) {
        await signOut(db, ctx.sessionToken, clock);
        // Its file links end with it.
        deps.fileTickets.endSession(ctx.sessionToken);
      }
      return null;
    },

    'queues.counts': (_args, ctx) => queueCounts(db, signedIn(ctx)),
    'queues.page': (args, ctx) => queuePage(db, signedIn(ctx), args, clock.now()),

    'cases.get': async (args, ctx) => {
      // The case as the caller's roles see it (auth/visibility.ts).
      const shown = await caseDetail(db, args.id, clock.now(), signedIn(ctx));
      // A view of the applicant's personal data: recorded before it is handed out.
      await views.caseViewed(signedIn(ctx), args.id);
      return shown;
    },
    'cases.claim': decision((a, x) => decide.claim(db, a, x.id, x.version)),
    'cases.claimNext': decision((a, x) => decide.claimNext(db, a, x.service, x.queue)),
    'cases.claimMany': decision((a, x) => decide.claimMany(db, a, x.items)),
    'cases.reassign': decision((a, x) => decide.reassign(db, a, x.id, x.version, x.assigneeId)),
    'cases.reroute': decision((a, x) => decide.reroute(db, a, x.id, x.version, x.service)),
    'users.assignable': async () =>
      (await listUsers(db))
        .filter((u) => u.roles.includes('reviewer') || u.roles.includes('approver'))
        .map((u) => ({ id: u.id, displayName: u.displayName })),
    'cases.release': decision((a, x) => decide.release(db, a, x.id, x.version)),
    'cases.addNote': decision((a, x) => decide.addNote(db, a, x.id, x.kind, x.text)),
    'cases.returnToApplicant': decision((a, x) => decide.returnToApplicant(db, a, x.id, x.version, x.message)),
    'cases.approve': decision((a, x) => decide.approve(db, a, x.id, x.version, x.override)),
    'cases.countersign': decision((a, x) => decide.countersign(db, a, x.id, x.version)),
    'cases.reject': decision((a, x) => decide.reject(db, a, x.id, x.version, x.reason, x.text)),
    'cases.answer': decision((a, x) => decide.answer(db, a, x.id, x.version, x.text)),
    'policy.current': () => policyInForce(db, clock.now().toISOString()),
    'policy.history': () => policyHistory(db, clock.now().toISOString()),
    'policy.update': (args, ctx) => updatePolicy(db, actor(ctx), args),
    // The CPD audit, and the policy what-if with its second-admin activation (cpd/cpd-handlers.ts).
    ...cpdHandlers(deps),
    // Saved queue views, bulk assignment and each reviewer's workload (cases/supervisor-handlers.ts).
    ...supervisorHandlers(deps),
    ...signalHandlers(deps),
    // Questions on a case to a colleague, and their answers (cases/referral-handlers.ts).
    ...referralHandlers(deps),
    ...applicantHistoryHandlers(deps),

    'attachments.open': async (args, ctx) => {
      const a = await db
        .selectFrom('attachments as a')
        .innerJoin('attachment_blobs as b', 'b.sha256', 'a.sha256')
        .innerJoin('requests as r', 'r.id', 'a.request_id')
        .select(['a.id', 'a.file_name', 'a.request_id', 'a.kind', 'b.mime', 'b.sha256', 'b.stored', 'r.reference'])
        .select(sql<number>`case when b.data is null then 0 else 1 end`.as('in_row'))
        .where('a.id', '=', args.id)
        .executeTakeFirst();
      if (!a) throw notFound(`attachment ${args.id}`, `المرفق ${args.id}`);
      if (!mayOpenAttachment(signedIn(ctx), a.kind))
        throw new DeskFault(
          'forbidden',
          'your role sees only the personal photo among the attachments',
          'لا يعرض لدورك من المرفقات إلا الصورة الشخصية',
        );
      // A file missing from the store is said now, naming the request and the file, rather than as a broken link.
      await assertAttachmentPresent(
        deps.blobs,
        { sha256: a.sha256, stored: a.stored, inRow: Number(a.in_row) === 1 },
        { reference: a.reference, fileName: a.file_name },
      );
      const session = fileSession(ctx);
      await views.attachmentOpened(signedIn(ctx), { id: a.id, requestId: a.request_id, kind: a.kind, fileName: a.file_name });
      return { url: `/files/${deps.fileTickets.issue(a.id, session)}`, mime: a.mime, fileName: a.file_name };
    },
    'refunds.forCase': (args) => caseFinance(db, args.requestId),
    'refunds.request': async (args, ctx) => {
      await finance.requestRefund(db, actor(ctx), args.requestId, args.grounds);
      return caseFinance(db, args.requestId);
    },
    'refunds.compute': async (args, ctx) => {
      await finance.computeCaseRefund(db, actor(ctx), args.requestId, args.requestedAt, args.grounds);
      return caseFinance(db, args.requestId);
    },
    'refunds.approve': async (args, ctx) => caseFinance(db, await finance.approveRefund(db, actor(ctx), args.refundId)),
    'refunds.recordPayout': async (args, ctx) => caseFinance(db, await finance.recordPayout(db, actor(ctx), args.refundId, args.reference)),
    // The finance officer's lists and the daily reconciliation (read only; finance-lists.ts, reconciliation-summary.ts).
    'refunds.list': (args) => refundsByStage(db, args.stage),
    'payments.awaiting': (args) => awaitingPayments(db, riyadhDate(clock.now()), args.search),
    'payments.unmatched': (args) => unmatchedPayments(db, args.status),
    'payments.imports': (args) => paymentImports(db, args.limit),
    'payments.pendingManual': () => pendingManualPayments(db),
    // The money in (payments-import.ts, assign-unmatched.ts, manual-payments.ts): each write settles the invoice it pays.
    'payments.import': (args, ctx) => importReconciliationFile(db, officer(ctx), args.name, args.content),
    'payments.assign': (args, ctx) => assignUnmatchedPayment(db, officer(ctx), args),
    'payments.recordManual': async (args, ctx) => caseFinance(db, await recordManualPayment(db, officer(ctx), args, deps.blobs)),
    'payments.confirmManual': async (args, ctx) => caseFinance(db, await confirmManualPayment(db, officer(ctx), args.paymentId)),
    'payments.refuseManual': async (args, ctx) => caseFinance(db, await refuseManualPayment(db, officer(ctx), args.paymentId, args.reason)),
    'finance.reconciliation': (args) => reconciliationSummary(db, args.from, args.to),
    'finance.reconciliationExport': async (args, ctx) => {
      const bytes = await reconciliationWorkbook(await reconciliationSummary(db, args.from, args.to), args);
      const fileName = reconciliationFileName(args.from, args.to);
      return { url: `/files/${deps.fileTickets.issueGenerated({ bytes, mime: XLSX_MIME, fileName }, fileSession(ctx))}`, fileName };
    },
    'intake.upload': async (args, ctx) => {
      const { policy } = await currentPolicy(db, clock.now().toISOString());
      return importUploadedZip(db, clock, policy, args.name, Buffer.from(args.data, 'base64'), signedIn(ctx).id, deps.blobs);
    },
    'print.queue': (args) => printQueue(db, args.stage, args.search),
    'print.cards': async (args, ctx) => {
      const { pdf, cards } = await previewCards(db, clock, args, deps.blobs);
      return {
        ...pdfLink(ctx, { pdf, fileName: cards.length === 1 ? 'card-preview.pdf' : `cards-${cards.length}-${args.layout}-preview.pdf` }),
        cards,
      };
    },
    'print.markPrinted': async (args, ctx) => {
      const { pdf, cards, ...outcome } = await confirmPrints(db, { actorId: signedIn(ctx).id, clock, blobs: deps.blobs }, deps.cardSigner, args);
      if (!pdf) return { ...outcome, cards, url: null, fileName: null };
      return {
        ...outcome,
        cards,
        ...pdfLink(ctx, { pdf, fileName: cards.length === 1 ? `card-${cards[0]}.pdf` : `cards-${cards.length}-${args.layout}.pdf` }),
      };
    },
    'print.recordDelivery': async (args, ctx) => {
      await recordDelivery(db, actor(ctx), args.id, args.version, args.delivery);
      return null;
    },
    'documents.issued': async (args, ctx) => {
      // The letter kept when the document was issued: printed again, it is the same bytes.
      const doc = await storedLetterPdf(db, deps.cardSigner, args.requestId, clock.now());
      await views.documentOpened(signedIn(ctx), args.requestId, doc.fileName);
      return pdfLink(ctx, doc);
    },
    'reports.caseReport': async (args, ctx) => pdfLink(ctx, await caseReport(db, signedIn(ctx), clock.now(), args)),
    'escalations.list': () => escalationList(db, clock.now()),
    'dashboard.figures': (args) => dashboardFigures(db, args, clock.now()),
    'exports.start': async (args, ctx) => {
      const { format, lang, ...query } = args;
      return exportJobs.start(signedIn(ctx), { format, lang, query }, fileSession(ctx));
    },
    'exports.status': async (args, ctx) => exportJobs.status(signedIn(ctx), args.jobId),
    'exports.cancel': async (args, ctx) => exportJobs.cancel(signedIn(ctx), args.jobId),
    'cards.verify': (args) => verifyCard(db, deps.cardSigner, args.payload, riyadhDate(clock.now())),
    'outbox.list': (args, ctx) => listOutbox(db, args, signedIn(ctx)),
    // Outbox delivery: states, history, resend and cancel; the relay's settings (delivery/delivery-handlers.ts).
    ...deliveryHandlers(deps),
    'backups.list': async () => ({
      folder: deps.backupFolder,
      backups: deps.backupFolder ? listBackups(deps.backupFolder) : [],
      database: deps.database.kind,
    }),
    'backups.run': async (_args, ctx) => {
      if (deps.database.kind === 'postgres')
        throw new DeskFault(
          'bad_input',
          'the cases are on PostgreSQL: back them up on the server with pg_dump',
          'الطلبات على PostgreSQL: انسخها احتياطياً على الخادم بـ pg_dump',
        );
      if (!deps.backupFolder)
        throw new DeskFault('bad_input', 'an in-memory database has no backups folder', 'قاعدة البيانات المؤقتة ليس لها مجلد نسخ احتياطية');
      const { policy } = await currentPolicy(db, clock.now().toISOString());
      return {
        folder: deps.backupFolder,
        backups: await runBackup(deps, deps.backupFolder, policy.backupKeep, signedIn(ctx).id),
        database: deps.database.kind,
      };
    },
    // Read-only: a second read-only connection (SQLite) or a READ ONLY transaction (PostgreSQL).
    'audit.verify': () => verifyDeskAudit(deps),
    'audit.lastCheckpoint': async () => lastCheckpoint(deps),
    'audit.browse': (args) => browseAuditTrail(db, args),
    'desk.changes': () => changesCursor(deps),
    'settings.database': async () => databaseSettingsView(deps),
    'settings.testDatabase': (args) => probeDatabase(args.address),
    'settings.saveDatabase': (args, ctx) => saveDatabaseChoice(deps, args.address, signedIn(ctx).id),
  } satisfies Handlers;
  // A call that may queue an applicant's message starts a delivery round at once (delivery/nudge.ts).
  return nudgingDelivery(handlers, () => deps.nudgeDelivery?.());
}

export { getUser };
