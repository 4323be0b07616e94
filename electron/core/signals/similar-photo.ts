/**
 * similar-photo: this request's photo is near-identical (perceptual hash within NEAR_BITS of 256) to a photo
 * on another applicant's request: the same face re-saved, resized or retouched under another name. The
 * byte-identical file is reused-attachment's; this one catches what a new SHA-256 hides. Fails, linking
 * the other photo; the compare page shows both side by side.
 */
import type { SignalView } from '../../../shared/domain/signals';
import { hammingDistance, hashBands, HASH_BITS, NEAR_BITS, photoHash } from './photo-hash';
import { indexPhoto } from './photo-index';
import { idKey } from './person-index';
import { requestsWithSameFile } from './same-file';
import type { IntegritySignal } from './signal';

const TITLE = { ar: 'صورة شخصية شبه مطابقة لصورة مقدم طلب آخر', en: "Photo nearly identical to another applicant's" };

export const similarPhoto: IntegritySignal = {
  id: 'similar-photo',
  title: TITLE,
  async run({ db, subject }): Promise<SignalView[]> {
    const mine = idKey(subject.applicant.idNumber);
    const photos = subject.attachments.filter((a) => a.kind === 'photo' && (a.mime === 'image/jpeg' || a.mime === 'image/png'));
    const views: SignalView[] = [];
    const notCompared: string[] = [];
    for (const p of photos) {
      const stored = await db.selectFrom('photo_hashes').select('hash').where('sha256', '=', p.sha256).executeTakeFirst();
      // A bundle being checked (or a photo from before the index) is hashed now; a stored one is kept for next time.
      const hash = stored?.hash ?? (p.id !== null ? await indexPhoto(db, p.sha256, await p.bytes(), p.mime) : await hashOnly(p));
      if (!hash) {
        notCompared.push(p.fileName);
        continue;
      }
      const bands = hashBands(hash);
      const candidates = await db
        .selectFrom('photo_hash_bands as b')
        .innerJoin('photo_hashes as h', 'h.sha256', 'b.sha256')
        .select(['h.sha256', 'h.hash'])
        .distinct()
        .where((eb) => eb.or(bands.map((value, band) => eb.and([eb('b.band', '=', band), eb('b.value', '=', value)]))))
        .where('b.sha256', '<>', p.sha256)
        .limit(2000)
        .execute();
      const near = candidates
        .map((c) => ({ ...c, distance: hammingDistance(hash, c.hash) }))
        .filter((c) => c.distance <= NEAR_BITS)
        .sort((a, b) => a.distance - b.distance);
      for (const n of near) {
        const holders = (await requestsWithSameFile(db, n.sha256, subject.requestId)).filter(
          (h) => h.reference !== subject.reference && idKey(h.idNumber) !== mine,
        );
        if (holders.length === 0) continue;
        const h = holders[0]!;
        views.push({
          signal: 'similar-photo',
          outcome: 'fail',
          title: TITLE,
          explanation: {
            ar:
              `الصورة «${p.fileName}» شبه مطابقة للصورة «${h.fileName}» في الطلب ${h.reference} لمقدم طلب آخر (هوية ${h.idNumber}): ` +
              `يختلف ${n.distance} فقط من ${HASH_BITS} جزءاً في بصمتيهما الإدراكيتين، والملفان غير متطابقين بايتاً ببايت (حُفظت الصورة من جديد أو عُدّلت). ` +
              'قارن الصورتين: الوجه الواحد لا يكون لشخصين.',
            en:
              `The photo "${p.fileName}" is nearly identical to "${h.fileName}" on ${h.reference}, another applicant's request (ID ${h.idNumber}): ` +
              `only ${n.distance} of the ${HASH_BITS} bits of their perceptual hashes differ, though the files are not byte-identical (re-saved or edited). ` +
              'Compare the two photos: one face does not belong to two people.',
          },
          evidence: {
            file: p.fileName,
            sha256: p.sha256,
            otherSha256: n.sha256,
            distanceBits: n.distance,
            hashBits: HASH_BITS,
            nearAtMost: NEAR_BITS,
          },
          links: holders.map((x) => ({
            kind: 'attachment',
            attachmentId: x.attachmentId,
            requestId: x.requestId,
            reference: x.reference,
            fileName: x.fileName,
          })),
        });
      }
    }
    if (notCompared.length > 0)
      views.push({
        signal: 'similar-photo',
        outcome: 'warn',
        title: TITLE,
        explanation: {
          ar: `تعذّرت قراءة الصورة (${notCompared.join('، ')}) فلم تُقارن بصور الطلبات الأخرى: افتحها وتحقق منها بنفسك.`,
          en: `The photo (${notCompared.join(', ')}) could not be read, so it was not compared with other requests' photos: open it and check it yourself.`,
        },
        evidence: { notCompared },
        links: [],
      });
    if (views.length > 0) return views;
    return [
      {
        signal: 'similar-photo',
        outcome: 'pass',
        title: TITLE,
        explanation:
          photos.length === 0
            ? { ar: 'لا صورة شخصية في الطلب لمقارنتها.', en: 'The request has no photo to compare.' }
            : {
                ar: `لا تشبه صورة الطلب أي صورة لمقدم طلب آخر (يُعدّ شبه مطابق ما اختلف فيه ${NEAR_BITS} أجزاء أو أقل من ${HASH_BITS}).`,
                en: `The request's photo resembles no other applicant's (near-identical means ${NEAR_BITS} or fewer of ${HASH_BITS} bits differ).`,
              },
        evidence: { photos: photos.length, nearAtMost: NEAR_BITS, hashBits: HASH_BITS },
        links: [],
      },
    ];
  },
};

async function hashOnly(p: { bytes: () => Promise<Uint8Array>; mime: string }): Promise<string | null> {
  try {
    return photoHash(await p.bytes(), p.mime);
  } catch {
    return null;
  }
}
