/**
 * The one implementation of shared/contract.ts. Arguments arrive validated and the
 * caller's access already checked by dispatch.ts; a missing or mistyped handler fails to compile.
 */
import type { MethodName, ParsedArgsOf, ResultOf } from '../../shared/contract';
import type { UserInfo } from '../../shared/domain';
import type { Desk } from './desk';
import { DeskFault } from './errors';
import { countUsers, createUser, getUser, listUsers, setRoles, signIn, signOut } from './auth/users';
import { verifyAuditChain } from './audit/chain';
import { LATEST_SCHEMA } from './db/migrate';
import { queueCounts, queuePage } from './cases/queues';
import { caseDetail } from './cases/case-detail';
import * as decide from './cases/decisions';
import { listOutbox } from './cases/outbox';
import { currentPolicy } from './policy';
import { importUploadedZip } from './intake/import-batch';
import * as finance from './finance/refunds';
import { caseFinance } from './finance/refunds';
import { markPrinted, printCards, printQueue, recordDelivery } from './cards/print-centre';
import { verifyCard } from './cards/verify-card';
import { issuedDocumentPdf } from './cards/letters';
import { caseReport } from './reports/case-report';
import { createExportJobs } from './reports/export-jobs';
import { dashboardFigures } from './reports/dashboard';
import { listBackups, runBackup } from './backups';
import { riyadhDate } from './cases/working-days';
import { eachAlone } from './cases/each-alone';
import { changesCursor, databaseSettingsView, saveDatabaseChoice } from './database-settings';
import { probeDatabase } from './db/probe';

export interface CallContext {
  /** The signed-in user; null only for public calls. */
  user: UserInfo | null;
  sessionToken?: string;
}

export type Handlers = {
  [M in MethodName]: (args: ParsedArgsOf<M>, ctx: CallContext) => Promise<ResultOf<M>>;
};

const signedIn = (ctx: CallContext): UserInfo => {
  if (!ctx.user) throw new DeskFault('unauthenticated', 'sign in first', 'سجل الدخول أولاً');
  return ctx.user;
};

export function createHandlers(deps: Desk): Handlers {
  const { db, clock } = deps;
  const actor = (ctx: CallContext): decide.Actor => ({ user: signedIn(ctx), clock });
  const detail = (id: number) => caseDetail(db, id, clock.now());
  /** A PDF the desk made, held for the viewer behind a short-lived link. */
  const pdfLink = ({ pdf, fileName }: { pdf: Uint8Array; fileName: string }) => ({
    url: `/files/${deps.fileTickets.issueGenerated({ bytes: pdf, mime: 'application/pdf', fileName })}`,
    fileName,
  });
  const exportJobs = createExportJobs(db, deps.fileTickets, () => clock.now());

  return {
    'app.info': async () => ({
      version: deps.version,
      schemaVersion: LATEST_SCHEMA,
      firstRun: (await countUsers(db)) === 0,
      empty: !(await db.selectFrom('requests').select('id').limit(1).executeTakeFirst()),
    }),
    'auth.createFirstAdmin': async (args) => {
      // Only the very first user is created without an admin: afterwards this door is shut.
      if ((await countUsers(db)) > 0)
        throw new DeskFault('first_run_done', 'the first administrator exists already; sign in', 'تم إنشاء المشرف الأول من قبل؛ سجل الدخول');
      await createUser(
        db,
        clock,
        { username: args.username, displayName: args.displayName, password: args.password, roles: ['admin', 'approver', 'reviewer'] },
        null,
      );
      if (args.loadDemo && deps.loadDemo) await deps.loadDemo();
      return signIn(db, clock, args.username, args.password);
    },
    'auth.signIn': (args) => signIn(db, clock, args.username, args.password),
    'auth.signOut': async (_args, ctx) => {
      if (ctx.sessionToken) await signOut(db, ctx.sessionToken);
      return null;
    },
    'auth.me': async (_args, ctx) => signedIn(ctx),

    'users.list': () => listUsers(db),
    'users.create': (args, ctx) => createUser(db, clock, args, signedIn(ctx).id),
    'users.setRoles': async (args, ctx) => {
      if (args.userId === signedIn(ctx).id && !args.roles.includes('admin')) {
        throw new DeskFault('bad_input', 'you cannot remove your own administrator role', 'لا يمكنك إزالة صلاحية المشرف عن نفسك');
      }
      return setRoles(db, clock, args.userId, args.roles, signedIn(ctx).id);
    },

    'queues.counts': (_args, ctx) => queueCounts(db, signedIn(ctx)),
    'queues.page': (args, ctx) => queuePage(db, signedIn(ctx), args, clock.now()),

    'cases.get': (args) => detail(args.id),
    'cases.claim': async (args, ctx) => {
      await decide.claim(db, actor(ctx), args.id, args.version);
      return detail(args.id);
    },
    'cases.claimNext': async (args, ctx) => {
      const id = await decide.claimNext(db, actor(ctx), args.service);
      return id === null ? null : detail(id);
    },
    'cases.claimMany': (args, ctx) => decide.claimMany(db, actor(ctx), args.items),
    'cases.reassign': async (args, ctx) => {
      await decide.reassign(db, actor(ctx), args.id, args.version, args.assigneeId);
      return detail(args.id);
    },
    'cases.reroute': async (args, ctx) => {
      await decide.reroute(db, actor(ctx), args.id, args.version, args.service);
      return detail(args.id);
    },
    'users.assignable': async () =>
      (await listUsers(db))
        .filter((u) => u.roles.includes('reviewer') || u.roles.includes('approver'))
        .map((u) => ({ id: u.id, displayName: u.displayName })),
    'cases.release': async (args, ctx) => {
      await decide.release(db, actor(ctx), args.id, args.version);
      return detail(args.id);
    },
    'cases.addNote': async (args, ctx) => {
      await decide.addNote(db, actor(ctx), args.id, args.kind, args.text);
      return detail(args.id);
    },
    'cases.returnToApplicant': async (args, ctx) => {
      await decide.returnToApplicant(db, actor(ctx), args.id, args.version, args.message);
      return detail(args.id);
    },
    'cases.approve': async (args, ctx) => {
      await decide.approve(db, actor(ctx), args.id, args.version, args.override);
      return detail(args.id);
    },
    'cases.countersign': async (args, ctx) => {
      await decide.countersign(db, actor(ctx), args.id, args.version);
      return detail(args.id);
    },
    'cases.reject': async (args, ctx) => {
      await decide.reject(db, actor(ctx), args.id, args.version, args.reason, args.text);
      return detail(args.id);
    },

    'attachments.open': async (args) => {
      const a = await db
        .selectFrom('attachments as a')
        .innerJoin('attachment_blobs as b', 'b.sha256', 'a.sha256')
        .select(['a.id', 'a.file_name', 'b.mime'])
        .where('a.id', '=', args.id)
        .executeTakeFirst();
      if (!a) throw new DeskFault('not_found', `attachment ${args.id} was not found`, `المرفق ${args.id} غير موجود`);
      return { url: `/files/${deps.fileTickets.issue(a.id)}`, mime: a.mime, fileName: a.file_name };
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
    'intake.upload': async (args) => {
      const { policy } = await currentPolicy(db, clock.now().toISOString());
      return importUploadedZip(db, clock, policy, args.name, Buffer.from(args.data, 'base64'));
    },
    'print.queue': (args) => printQueue(db, args.stage, args.search),
    'print.cards': async (args, ctx) => {
      const { pdf, cards } = await printCards(db, { actorId: signedIn(ctx).id, clock }, deps.cardSigner, args);
      const fileName = cards.length === 1 ? `card-${cards[0]}.pdf` : `cards-${cards.length}-${args.layout}.pdf`;
      return { ...pdfLink({ pdf, fileName }), cards };
    },
    'print.markPrinted': (args, ctx) => eachAlone(args.items, (id, v) => markPrinted(db, actor(ctx), id, v)),
    'print.recordDelivery': async (args, ctx) => {
      await recordDelivery(db, actor(ctx), args.id, args.version, args.delivery);
      return null;
    },
    'documents.issued': async (args) => pdfLink(await issuedDocumentPdf(db, deps.cardSigner, args.requestId, clock.now())),
    'reports.caseReport': async (args, ctx) => pdfLink(await caseReport(db, signedIn(ctx), clock.now(), args)),
    'dashboard.figures': (args) => dashboardFigures(db, args, clock.now()),
    'exports.start': async (args, ctx) => {
      const { format, lang, ...query } = args;
      return exportJobs.start(signedIn(ctx), { format, lang, query });
    },
    'exports.status': async (args, ctx) => exportJobs.status(signedIn(ctx), args.jobId),
    'exports.cancel': async (args, ctx) => exportJobs.cancel(signedIn(ctx), args.jobId),
    'cards.verify': (args) => verifyCard(db, deps.cardSigner, args.payload, riyadhDate(clock.now())),
    'outbox.list': (args) => listOutbox(db, args.limit),
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
    'audit.verify': () => verifyAuditChain(db),
    'desk.changes': () => changesCursor(deps),
    'settings.database': async () => databaseSettingsView(deps),
    'settings.testDatabase': (args) => probeDatabase(args.address),
    'settings.saveDatabase': (args, ctx) => saveDatabaseChoice(deps, args.address, signedIn(ctx).id),
  } satisfies Handlers;
}

export { getUser };
