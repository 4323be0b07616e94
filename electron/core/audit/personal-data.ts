/**
 * Who looked at an applicant's personal data, and when: each case view, attachment opened and
 * issued document opened is an audit entry (case reports and exports record their own). The
 * entry is written before the data is handed out: no entry, no data.
 */
import type { DeskDb } from '../db/connection';
import type { Clock } from '../time/clock';
import type { UserInfo } from '../../../shared/domain';
import { appendAudit, type AuditEntry } from './chain';

/** Reads, not changes: the change cursor other desks poll (desk/database-choice.ts) skips them. */
export const VIEW_ACTIONS = ['case.view', 'attachment.open', 'document.open'] as const;

/**
 * A case screen refetches its request whenever any desk changes something and when its window
 * regains focus; those refreshes are the same look, not new ones. One entry per user and
 * request in this window keeps the chain from growing with every refresh.
 */
export const CASE_VIEW_WINDOW_MS = 5 * 60_000;

/** Appends one entry in a transaction of its own (on PostgreSQL the chain's lock lasts until commit). */
const record = (db: DeskDb, entry: AuditEntry) => db.transaction().execute((trx) => appendAudit(trx, entry));

export function createPersonalDataLog(db: DeskDb, clock: Clock) {
  const lastViews = new Map<string, number>();
  return {
    /** A user opened a request's case screen (`cases.get`). */
    async caseViewed(user: UserInfo, requestId: number): Promise<void> {
      const now = clock.now();
      const key = `${user.id}:${requestId}`;
      const last = lastViews.get(key);
      if (last !== undefined && now.getTime() - last < CASE_VIEW_WINDOW_MS && now.getTime() >= last) return;
      await record(db, { at: now.toISOString(), actorId: user.id, action: 'case.view', entity: 'request', entityId: requestId });
      // Forget views older than the window, so the map stays as small as the desk's open screens.
      for (const [k, t] of lastViews) if (now.getTime() - t >= CASE_VIEW_WINDOW_MS) lastViews.delete(k);
      lastViews.set(key, now.getTime());
    },
    /** A user opened one attachment of a request (every open is recorded). */
    async attachmentOpened(user: UserInfo, attachment: { id: number; requestId: number; kind: string; fileName: string }): Promise<void> {
      await record(db, {
        at: clock.now().toISOString(),
        actorId: user.id,
        action: 'attachment.open',
        entity: 'request',
        entityId: attachment.requestId,
        data: { attachmentId: attachment.id, kind: attachment.kind, fileName: attachment.fileName },
      });
    },
    /** A user opened the document (letter or certificate) issued on a request. */
    async documentOpened(user: UserInfo, requestId: number, fileName: string): Promise<void> {
      await record(db, {
        at: clock.now().toISOString(),
        actorId: user.id,
        action: 'document.open',
        entity: 'request',
        entityId: requestId,
        data: { fileName },
      });
    },
  };
}

export type PersonalDataLog = ReturnType<typeof createPersonalDataLog>;
