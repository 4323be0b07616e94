/**
 * Demo CPD audit: a few waiting renewals of the busiest recent month carry a CPD risk (a provider not on the
 * list, hours crammed before the card's expiry, a day with more hours than a course holds, one certificate
 * filed with two renewals), and that month's sample is drawn with a recorded seed — so the CPD audit queue
 * has work, each renewal there for a reason a reviewer can read.
 */
import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { DeskDb } from '../db/connection';
import type { Clock } from '../time/clock';
import type { BlobStore } from '../blobs/blob-store';
import { putBeforeCommit, recordBlob } from '../blobs/attachment-blobs';
import { getUser } from '../auth/users';
import { parseSnapshot } from '../cases/applicant-snapshot';
import { addDays } from '../time/day-arithmetic';
import { riyadhDate } from '../time/riyadh-day';
import { plusMonths } from '../time/day-arithmetic';
import { calendarDate } from '../time/riyadh-day';
import { drawCpdSample } from '../cpd/draw-sample';

const WAITING = ['submitted', 'in_review', 'resubmitted', 'returned'];

/** One CPD certificate, the same bytes on two renewals (fixed dates: same seed, same SHA-256). */
async function certificatePdf(): Promise<{ bytes: Uint8Array; sha256: string; mime: 'application/pdf'; fileName: string }> {
  const doc = await PDFDocument.create();
  doc.setTitle('CPD activity certificate');
  doc.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  doc.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText('Certificate of attendance', { x: 60, y: 760, size: 22, font });
  page.drawText('Advanced Cardiac Life Support (ACLS), 8 CPD hours', { x: 60, y: 720, size: 13, font });
  page.drawText('Saudi Heart Association, certificate no. SHA-ACLS-2025-04417', { x: 60, y: 700, size: 11, font });
  const bytes = await doc.save();
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), mime: 'application/pdf', fileName: 'cpd-certificate-acls.pdf' };
}

export async function seedCpdAudit(db: DeskDb, clock: Clock, o: { seed: number; blobs: BlobStore; drawnBy: number }): Promise<void> {
  const today = riyadhDate(clock.now());
  const months = [today.slice(0, 7), plusMonths(`${today.slice(0, 7)}-01`, -1).slice(0, 7)];
  const renewals = await db
    .selectFrom('requests')
    .select(['id', 'submitted_at', 'status', 'applicant_snapshot'])
    .where('service', '=', 'RENEWAL')
    .orderBy('id')
    .execute();
  const waitingIn = (m: string) => renewals.filter((r) => WAITING.includes(r.status) && calendarDate(r.submitted_at).startsWith(m));
  // The busier of this month and the last: early in a month, most waiting renewals are last month's.
  const month = waitingIn(months[0]!).length >= waitingIn(months[1]!).length ? months[0]! : months[1]!;
  const picked = waitingIn(month).slice(0, 5);
  if (picked.length < 5) return; // a desk with too few renewals gets the sample alone
  type Renewal = (typeof picked)[number];
  const [unknown, crammed, longDay, certA, certB] = picked as [Renewal, Renewal, Renewal, Renewal, Renewal];
  const cert = await certificatePdf();
  await putBeforeCommit(o.blobs, [cert]);
  await db.transaction().execute(async (trx) => {
    const day = (r: { submitted_at: string }, back: number) => addDays(calendarDate(r.submitted_at), -back);
    await trx
      .insertInto('cpd_activities')
      .values({
        request_id: unknown.id,
        title: 'Weekend CME Marathon',
        provider: 'Quick CME Online',
        hours: 10,
        date: day(unknown, 60),
        kind: 'online',
      })
      .execute();
    // Every activity dated in the last weeks before the card's expiry.
    const expiry = parseSnapshot(crammed.applicant_snapshot).card?.expiresAt ?? calendarDate(crammed.submitted_at);
    const acts = await trx.selectFrom('cpd_activities').select('id').where('request_id', '=', crammed.id).orderBy('id').execute();
    for (const [i, a] of acts.entries())
      await trx
        .updateTable('cpd_activities')
        .set({ date: addDays(expiry, -(10 + 7 * i)) })
        .where('id', '=', a.id)
        .execute();
    await trx
      .insertInto('cpd_activities')
      .values({
        request_id: crammed.id,
        title: 'Emergency Medicine Update',
        provider: 'SCFHS',
        hours: 9,
        date: addDays(expiry, -20),
        kind: 'conference',
      })
      .execute();
    await trx
      .insertInto('cpd_activities')
      .values({ request_id: crammed.id, title: 'Pain Management', provider: 'MOH Academy', hours: 8, date: addDays(expiry, -33), kind: 'course' })
      .execute();
    await trx
      .insertInto('cpd_activities')
      .values({ request_id: longDay.id, title: 'Critical Care Review', provider: 'SCFHS', hours: 14, date: day(longDay, 90), kind: 'course' })
      .execute();
    await recordBlob(trx, o.blobs, cert);
    for (const r of [certA, certB]) {
      await trx
        .insertInto('cpd_activities')
        .values({ request_id: r.id, title: 'ACLS', provider: 'Saudi Heart Association', hours: 8, date: day(r, 120), kind: 'course' })
        .execute();
      await trx
        .insertInto('attachments')
        .values({
          request_id: r.id,
          kind: 'cpd_certificate',
          file_name: cert.fileName,
          sha256: cert.sha256,
          version: 1,
          issued_at: day(r, 120),
          certified: null,
          uploaded_at: r.submitted_at,
        })
        .execute();
    }
  });
  const user = (await getUser(db, o.drawnBy))!;
  await drawCpdSample(db, { user, clock, blobs: o.blobs }, { month, seed: `demo-${o.seed}-${month}` });
}
