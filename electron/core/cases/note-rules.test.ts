import { afterEach, describe, expect, it } from 'vitest';
import { seededTestDesk } from '../testing/seeded-desk';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

type Answer = { ok: boolean; value?: { version: number }; error?: { code: string } };

async function setup() {
  const t = await seededTestDesk({ cases: 30, seed: 11 });
  close = () => t.desk.close();
  const holder = await t.as('rev1', ['reviewer']);
  const other = await t.as('rev2', ['reviewer']);
  const approver = await t.as('appr', ['approver']);
  const clerk = await t.as('clerk', ['card_clerk']);
  const call = async (token: string, name: string, args: unknown) => (await t.dispatch(name, args, token)) as Answer;
  /** The next waiting request, claimed by `token`'s user: its id and version now. */
  const claimed = async (token: string) => {
    const req = await t.desk.db
      .selectFrom('requests')
      .select(['id', 'version'])
      .where('status', '=', 'submitted')
      .where('assignee_id', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const r = await call(token, 'cases.claim', { id: req.id, version: req.version });
    expect(r.ok).toBe(true);
    return { id: req.id, version: r.value!.version };
  };
  /** The request's audit entries in chain order (the order their transactions committed). */
  const audit = (id: number) =>
    t.desk.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'data'])
      .where('entity', '=', 'request')
      .where('entity_id', '=', String(id))
      .orderBy('seq')
      .execute();
  return { ...t, holder, other, approver, clerk, call, claimed, audit };
}

describe('notes on a request', () => {
  it('only the holder writes to the applicant; a foreign note never reaches the return e-mail', async () => {
    const t = await setup();
    const req = await t.claimed(t.holder.token);
    const foreign = await t.call(t.other.token, 'cases.addNote', { id: req.id, kind: 'to_applicant', text: 'Send us your bank details.' });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // An approver who does not hold it is refused too; an internal note by anyone deciding is fine.
    expect(await t.call(t.approver.token, 'cases.addNote', { id: req.id, kind: 'to_applicant', text: 'x y z' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await t.call(t.other.token, 'cases.addNote', { id: req.id, kind: 'internal', text: 'Seen the same employer last week.' })).toMatchObject({
      ok: true,
    });
    expect(
      await t.call(t.holder.token, 'cases.addNote', { id: req.id, kind: 'to_applicant', text: 'Attach a recent employer letter.' }),
    ).toMatchObject({
      ok: true,
    });
    expect(await t.call(t.holder.token, 'cases.returnToApplicant', { id: req.id, version: req.version })).toMatchObject({ ok: true });
    const mail = await t.desk.db.selectFrom('outbox').select(['body_en']).where('request_id', '=', req.id).execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.body_en).toContain('Attach a recent employer letter.');
    expect(mail[0]!.body_en).not.toContain('bank details');
    expect(mail[0]!.body_en).not.toContain('Seen the same employer');
    const notes = await t.desk.db
      .selectFrom('notes')
      .select(['kind', 'author_id'])
      .where('request_id', '=', req.id)
      .where('author_id', 'is not', null)
      .execute();
    expect(notes).toEqual([
      { kind: 'internal', author_id: t.other.user.id },
      { kind: 'to_applicant', author_id: t.holder.user.id },
    ]);
  });

  it('no note to the applicant on a request nobody holds or that is not in review', async () => {
    const t = await setup();
    const waiting = await t.desk.db.selectFrom('requests').select('id').where('status', '=', 'submitted').orderBy('id').executeTakeFirstOrThrow();
    expect(await t.call(t.holder.token, 'cases.addNote', { id: waiting.id, kind: 'to_applicant', text: 'Please send it.' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition' },
    });
    expect(await t.call(t.holder.token, 'cases.addNote', { id: waiting.id, kind: 'internal', text: 'Looks like a duplicate.' })).toMatchObject({
      ok: true,
    });
    // Returned: waiting for the applicant, so nothing more goes to them until it is back in review.
    const req = await t.claimed(t.holder.token);
    await t.call(t.holder.token, 'cases.returnToApplicant', { id: req.id, version: req.version, message: 'Attach your transcript.' });
    expect(await t.call(t.holder.token, 'cases.addNote', { id: req.id, kind: 'to_applicant', text: 'And the photo.' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition' },
    });
  });

  it('no note of either kind on a closed request; a card clerk writes none', async () => {
    const t = await setup();
    const req = await t.claimed(t.holder.token);
    expect(
      await t.call(t.holder.token, 'cases.reject', { id: req.id, version: req.version, reason: 'duplicate', text: 'Filed twice.' }),
    ).toMatchObject({ ok: true });
    for (const kind of ['internal', 'to_applicant'])
      expect(await t.call(t.holder.token, 'cases.addNote', { id: req.id, kind, text: 'After the fact.' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_transition' },
      });
    const open = await t.claimed(t.holder.token);
    expect(await t.call(t.clerk.token, 'cases.addNote', { id: open.id, kind: 'internal', text: 'clerk note' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('notes racing a release, a claim by another and a rejection: every note was written by the holder of an open request', async () => {
    const t = await setup();
    for (let round = 0; round < 6; round++) {
      const req = await t.claimed(t.holder.token);
      const note = (token: string, kind: string) => t.call(token, 'cases.addNote', { id: req.id, kind, text: `round ${round}: note` });
      // The holder lets go while writing to the applicant; the other reviewer grabs it and writes too.
      await Promise.all([
        t.call(t.holder.token, 'cases.release', { id: req.id, version: req.version }),
        note(t.holder.token, 'to_applicant'),
        t.call(t.other.token, 'cases.claim', { id: req.id, version: req.version + 1 }),
        note(t.holder.token, 'to_applicant'),
        note(t.other.token, 'to_applicant'),
        note(t.other.token, 'internal'),
      ]);
      const now = await t.desk.db.selectFrom('requests').select(['version', 'assignee_id']).where('id', '=', req.id).executeTakeFirstOrThrow();
      const holder = now.assignee_id === t.holder.user.id ? t.holder : now.assignee_id === t.other.user.id ? t.other : null;
      if (holder)
        await Promise.all([
          t.call(holder.token, 'cases.reject', { id: req.id, version: now.version, reason: 'other', text: `round ${round}: rejected` }),
          note(holder.token, 'internal'),
          note(holder.token, 'to_applicant'),
          note(t.approver.token, 'internal'),
        ]);
      // Replay the chain: who held the request and whether it was open when each note committed.
      let heldBy: number | null = null;
      let open = true;
      let inReview = false;
      for (const e of await t.audit(req.id)) {
        const data = JSON.parse(e.data) as { kind?: string; to?: string };
        if (e.action === 'note.add') {
          expect(open).toBe(true);
          if (data.kind === 'to_applicant') {
            expect(inReview).toBe(true);
            expect(e.actor_id).toBe(heldBy);
          }
        } else if (e.action.startsWith('request.')) {
          if (e.action === 'request.claim') heldBy = e.actor_id;
          if (e.action === 'request.release') heldBy = null;
          inReview = data.to === 'in_review';
          open = !['rejected', 'withdrawn', 'delivered', 'document_issued'].includes(data.to ?? '');
        }
      }
    }
  });
});
