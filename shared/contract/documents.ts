/** Intake, printing and issued documents, signals, supervision figures, exports and card verification. */
import { z } from 'zod';
import { isoDay, id, version, text, plain, STAFF, method } from './method';
import { queueView } from './cases';
import {
  type CardVerification,
  type DashboardFigures,
  type ExportJobView,
  type PrintQueueRow,
  type BundleOutcomeView,
  type CompareView,
  type SignalView,
  type SignalWeek,
  type EscalationList,
  SERVICES,
} from '../domain';
import { SUPERVISOR_ROLES } from '../domain/saved-views';

export const documentMethods = {
  'intake.upload': method(
    z.object({
      name: plain(z.string().trim().min(1).max(255)),
      /** The .zip bundle, base64. */
      data: z
        .string()
        .max(90 * 1024 * 1024)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64'),
    }),
    ['admin'],
  ).returns<BundleOutcomeView>(),

  'print.queue': method(z.object({ stage: z.enum(['ready', 'printed', 'delivered']), search: plain(z.string().trim().max(100).optional()) }), [
    'card_clerk',
    'admin',
  ]).returns<PrintQueueRow[]>(),
  /**
   * The preview of these requests' cards in one PDF (a link the viewer opens). It issues nothing and
   * records nothing: marked as a preview, no QR code, no number for a card not yet issued.
   */
  'print.cards': method(z.object({ requestIds: z.array(id).min(1).max(1000), layout: z.enum(['cr80', 'a4']) }), ['card_clerk', 'admin']).returns<{
    url: string;
    fileName: string;
    cards: string[];
  }>(),
  /**
   * "Confirm printed": issues each card's number on its first print, records every print (a card that
   * has a number already is a reprint and needs `reprintReason`), moves ready requests to printed, and
   * answers the PDF of the confirmed cards to send to the printer.
   */
  'print.markPrinted': method(
    z.object({
      items: z.array(z.object({ id, version })).min(1).max(1000),
      layout: z.enum(['cr80', 'a4']).default('cr80'),
      reprintReason: plain(z.string().trim().min(3).max(500).optional()),
    }),
    ['card_clerk', 'admin'],
  ).returns<{
    done: number[];
    refused: Array<{ id: number; message: string; messageAr?: string }>;
    /** The confirmed cards' PDF; null when none was confirmed. */
    url: string | null;
    fileName: string | null;
    cards: string[];
  }>(),
  'print.recordDelivery': method(
    z.object({
      id,
      version,
      delivery: z.discriminatedUnion('method', [
        z.object({ method: z.literal('mail'), trackingNumber: plain(z.string().trim().min(4).max(40)) }),
        z.object({ method: z.literal('branch'), branch: plain(z.string().trim().min(2).max(100)), receiverName: text(100) }),
      ]),
    }),
    ['card_clerk', 'admin'],
  ).returns<null>(),
  /** The A4 letter or certificate of a request whose document was issued; the answer is a link the viewer opens. */
  'documents.issued': method(z.object({ requestId: id }), STAFF).returns<{ url: string; fileName: string }>(),
  'reports.caseReport': method(z.object({ id, lang: z.enum(['ar', 'en']), copy: z.enum(['staff', 'applicant']).default('staff') }), STAFF).returns<{
    url: string;
    fileName: string;
  }>(),
  /** Integrity signals (#20): computed when asked, from the indexes of migration 0130 (electron/core/signals). */
  'signals.forCase': method(z.object({ requestId: id }), ['reviewer', 'approver', 'admin']).returns<SignalView[]>(),
  'signals.compare': method(
    z.object({ a: id, b: id }).refine((v) => v.a !== v.b, { message: 'compare two different requests', path: ['b'] }),
    ['reviewer', 'approver', 'admin'],
  ).returns<CompareView>(),
  'signals.perWeek': method(
    z
      .object({ from: isoDay.optional(), to: isoDay.optional() })
      .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'the start date is after the end date', path: ['from'] }),
    ['approver', 'admin'],
  ).returns<SignalWeek[]>(),
  /** Supervisors: the requests overdue or due today, by assignee (issue #17). */
  'escalations.list': method(z.object({}), SUPERVISOR_ROLES).returns<EscalationList>(),
  'dashboard.figures': method(
    z
      .object({ from: isoDay.optional(), to: isoDay.optional(), service: z.enum(SERVICES).optional() })
      .refine((v) => !v.from || !v.to || v.from <= v.to, {
        message: 'the start date is after the end date',
        path: ['from'],
      }),
    ['approver', 'admin', 'finance'],
  ).returns<DashboardFigures>(),
  /** Exports a queue view in the background; poll exports.status for progress and the file. */
  'exports.start': method(queueView.extend({ format: z.enum(['csv', 'xlsx', 'pdf']), lang: z.enum(['ar', 'en']) }), STAFF).returns<ExportJobView>(),
  'exports.status': method(z.object({ jobId: z.string().regex(/^[A-Za-z0-9_-]{8,32}$/, 'expected an export id') }), STAFF).returns<ExportJobView>(),
  'exports.cancel': method(z.object({ jobId: z.string().regex(/^[A-Za-z0-9_-]{8,32}$/, 'expected an export id') }), STAFF).returns<ExportJobView>(),
  /** Anyone holding a card can check it: no sign-in. */
  'cards.verify': method(z.object({ payload: z.string().trim().min(1).max(1000) }), 'public').returns<CardVerification>(),
} as const;
