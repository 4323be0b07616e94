/**
 * Saved queue views (issue #17): a queue with its filters, search and order under a name. A user's
 * own views are theirs alone; a supervisor shares one with everyone or with one role. The view is the
 * queue call's own arguments (shared/contract.ts `savedQueueView`), checked again each time it is read,
 * so a view kept from an older desk that names a filter the queue no longer knows says so instead of
 * showing the wrong requests.
 */
import type { DeskDb } from '../db/connection';
import type { Trx } from './apply-transition';
import type { Clock } from '../time/clock';
import { savedQueueView } from '../../../shared/contract';
import { isSupervisor, type QueueViewFilters, type SavedViewEntry, type UserInfo, type ViewAudience } from '../../../shared/domain';
import { DeskFault, notFound } from '../errors';
import { appendAudit } from '../audit/chain';
import { SEARCH_LIST_CAP, queueTotal } from './queues';
import { arabicIssue } from '../validation/issue-arabic';

/** Enough for every queue twice over with its variants; a list longer than a navigation can show is refused. */
export const PERSONAL_VIEWS_LIMIT = 30;
const SHARED = 'shared';
const personalScope = (userId: number) => `u${userId}`;

export interface ViewActor {
  user: UserInfo;
  clock: Clock;
}

interface StoredView {
  id: number;
  owner_id: number;
  scope_key: string;
  audience: ViewAudience | null;
  name: string;
  view: string;
  owner_name: string;
}

const storedViews = (db: DeskDb | Trx) =>
  db
    .selectFrom('saved_views as v')
    .innerJoin('users as u', 'u.id', 'v.owner_id')
    .select(['v.id', 'v.owner_id', 'v.scope_key', 'v.audience', 'v.name', 'v.view', 'u.display_name as owner_name']);

/** Who sees a view: its owner, or for a shared one everyone in its audience. */
const sees = (user: UserInfo, v: Pick<StoredView, 'scope_key' | 'audience'>) =>
  v.scope_key === personalScope(user.id) || (v.scope_key === SHARED && (v.audience === 'everyone' || user.roles.some((r) => r === v.audience)));

/** Who may change it: the owner of a personal view; any supervisor a shared one (a team's views outlive who made them). */
const mayEdit = (user: UserInfo, v: Pick<StoredView, 'scope_key'>) =>
  v.scope_key === personalScope(user.id) || (v.scope_key === SHARED && isSupervisor(user.roles));

/** The stored JSON read with the queue call's schema; a refusal names the field and what is wrong with it. */
function readView(json: string): { view: QueueViewFilters } | { problem: { message: string; messageAr: string } } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { problem: { message: 'the saved view is not readable', messageAr: 'تعذرت قراءة العرض المحفوظ' } };
  }
  const parsed = savedQueueView.safeParse(raw);
  if (parsed.success) return { view: parsed.data };
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.') || 'view';
  return { problem: { message: `${field}: ${issue.message}`, messageAr: `${field}: ${arabicIssue(issue)}` } };
}

async function entryOf(db: DeskDb, user: UserInfo, v: StoredView): Promise<SavedViewEntry> {
  const base = {
    id: v.id,
    name: v.name,
    sharedWith: v.scope_key === SHARED ? (v.audience ?? 'everyone') : null,
    owner: { id: v.owner_id, displayName: v.owner_name },
    mayEdit: mayEdit(user, v),
  };
  const read = readView(v.view);
  if ('problem' in read) return { ...base, view: { queue: 'all', sort: 'age' }, count: null, problem: read.problem };
  try {
    // A search counts as far as the queue lists one, like the queue page itself.
    const cap = read.view.search ? SEARCH_LIST_CAP : undefined;
    const n = await queueTotal(db, user, read.view, cap);
    return { ...base, view: read.view, count: Math.min(n, cap ?? n), ...(cap !== undefined && n > cap ? { moreThanCount: true } : {}) };
  } catch (e) {
    // A shared search this role may not run (a mobile number, for a role that does not see them).
    if (!(e instanceof DeskFault)) throw e;
    return { ...base, view: read.view, count: null, problem: { message: e.message, messageAr: e.messageAr ?? e.message } };
  }
}

/** The caller's own views, then those shared with them, each with its count now; by name within each. */
export async function listSavedViews(db: DeskDb, user: UserInfo): Promise<SavedViewEntry[]> {
  const rows = await storedViews(db)
    .where('v.scope_key', 'in', [personalScope(user.id), SHARED])
    .orderBy('v.scope_key', 'desc')
    .orderBy('v.name')
    .orderBy('v.id')
    .execute();
  const shown = rows.filter((v) => sees(user, v)).sort((a, b) => Number(a.scope_key === SHARED) - Number(b.scope_key === SHARED));
  return Promise.all(shown.map((v) => entryOf(db, user, v)));
}

const sameName = (name: string) =>
  new DeskFault('conflict', `name: a view named “${name}” exists already; choose another name`, `name: يوجد عرض باسم «${name}»؛ اختر اسماً آخر`);

/** Two desks saving one name at the same moment: the unique key refuses the second, said like the first check. */
function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string } | null;
  return err?.code === '23505' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

async function loadEditable(trx: Trx, user: UserInfo, id: number): Promise<StoredView> {
  const v = await storedViews(trx).where('v.id', '=', id).executeTakeFirst();
  if (!v || !sees(user, v)) throw notFound(`saved view ${id}`, `العرض المحفوظ ${id}`);
  if (!mayEdit(user, v))
    throw new DeskFault(
      'forbidden',
      'only a supervisor (approver or administrator) changes a shared view',
      'لا يغير العرض المشترك إلا مشرف (معتمد أو مدير)',
    );
  return v;
}

/** A shared view concerns everyone it is shown to: its making, change and removal are in the audit log. */
async function auditShared(trx: Trx, a: ViewActor, action: string, v: { id: number; name: string; audience: string | null }, view?: unknown) {
  await appendAudit(trx, {
    at: a.clock.now().toISOString(),
    actorId: a.user.id,
    action,
    entity: 'saved_view',
    entityId: v.id,
    data: { name: v.name, audience: v.audience, ...(view ? { view } : {}) },
  });
}

export async function saveView(
  db: DeskDb,
  a: ViewActor,
  input: { name: string; view: QueueViewFilters; sharedWith: ViewAudience | null },
): Promise<SavedViewEntry> {
  const { user } = a;
  if (input.sharedWith && !isSupervisor(user.roles))
    throw new DeskFault(
      'forbidden',
      'sharedWith: only a supervisor (approver or administrator) shares a view with others',
      'sharedWith: لا يشارك العرض مع الآخرين إلا مشرف (معتمد أو مدير)',
    );
  const scope = input.sharedWith ? SHARED : personalScope(user.id);
  const at = a.clock.now().toISOString();
  let id: number;
  try {
    id = await db.transaction().execute(async (trx) => {
      if (await trx.selectFrom('saved_views').select('id').where('scope_key', '=', scope).where('name', '=', input.name).executeTakeFirst())
        throw sameName(input.name);
      if (!input.sharedWith) {
        const mine = await trx
          .selectFrom('saved_views')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('scope_key', '=', scope)
          .executeTakeFirstOrThrow();
        if (Number(mine.n) >= PERSONAL_VIEWS_LIMIT)
          throw new DeskFault(
            'bad_input',
            `you have ${PERSONAL_VIEWS_LIMIT} saved views already; delete one first`,
            `لديك ${PERSONAL_VIEWS_LIMIT} عرضاً محفوظاً؛ احذف واحداً أولاً`,
          );
      }
      const row = await trx
        .insertInto('saved_views')
        .values({
          owner_id: user.id,
          scope_key: scope,
          audience: input.sharedWith,
          name: input.name,
          view: JSON.stringify(input.view),
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (input.sharedWith) await auditShared(trx, a, 'saved_view.share', { id: row.id, name: input.name, audience: input.sharedWith }, input.view);
      return row.id;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw sameName(input.name);
    throw e;
  }
  return entryOf(db, user, (await storedViews(db).where('v.id', '=', id).executeTakeFirstOrThrow()) as StoredView);
}

export async function updateView(db: DeskDb, a: ViewActor, input: { id: number; name?: string; view?: QueueViewFilters }): Promise<SavedViewEntry> {
  if (input.name === undefined && input.view === undefined)
    throw new DeskFault('bad_input', 'name: give a new name or the view to keep', 'name: اكتب اسماً جديداً أو احفظ العرض الحالي');
  try {
    await db.transaction().execute(async (trx) => {
      const v = await loadEditable(trx, a.user, input.id);
      if (input.name !== undefined && input.name !== v.name) {
        const taken = await trx
          .selectFrom('saved_views')
          .select('id')
          .where('scope_key', '=', v.scope_key)
          .where('name', '=', input.name)
          .executeTakeFirst();
        if (taken) throw sameName(input.name);
      }
      await trx
        .updateTable('saved_views')
        .set({
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.view !== undefined ? { view: JSON.stringify(input.view) } : {}),
          updated_at: a.clock.now().toISOString(),
        })
        .where('id', '=', v.id)
        .execute();
      if (v.scope_key === SHARED)
        await auditShared(trx, a, 'saved_view.change', { id: v.id, name: input.name ?? v.name, audience: v.audience }, input.view);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw sameName(input.name ?? '');
    throw e;
  }
  return entryOf(db, a.user, (await storedViews(db).where('v.id', '=', input.id).executeTakeFirstOrThrow()) as StoredView);
}

export async function deleteView(db: DeskDb, a: ViewActor, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const v = await loadEditable(trx, a.user, id);
    await trx.deleteFrom('saved_views').where('id', '=', v.id).execute();
    if (v.scope_key === SHARED) await auditShared(trx, a, 'saved_view.remove', v);
  });
}
