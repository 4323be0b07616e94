/**
 * Other requests found through signal_person_keys, with the applicant as each submitted it. Shared by the
 * two duplicate signals; the request being judged is left out by id (stored) and by reference (a bundle
 * resubmitting a returned request is that request again, not a duplicate of it).
 */
import type { DeskDb } from '../db/connection';
import type { SignalSubject } from './signal';

export interface OtherApplicant {
  requestId: number;
  reference: string;
  service: string;
  idNumber: string;
  nameAr: string;
  nameEn: string;
  birthDate: string;
}

/** At most this many are compared and linked: a reviewer reads a handful; the count says if there were more. */
export const MAX_OTHERS = 50;

export async function othersByKeys(
  db: DeskDb,
  subject: SignalSubject,
  kind: 'id' | 'name',
  keys: readonly string[],
  birth?: { from: string; to: string },
): Promise<OtherApplicant[]> {
  if (keys.length === 0) return [];
  let q = db
    .selectFrom('signal_person_keys as k')
    .innerJoin('requests as r', 'r.id', 'k.request_id')
    .select(['r.id', 'r.reference', 'r.service', 'r.applicant_snapshot'])
    .distinct()
    .where('k.kind', '=', kind)
    .where('k.key', 'in', [...keys])
    .where('r.reference', '<>', subject.reference);
  if (birth) q = q.where('k.birth_date', '>=', birth.from).where('k.birth_date', '<=', birth.to);
  if (subject.requestId !== null) q = q.where('k.request_id', '<>', subject.requestId);
  const rows = await q
    .orderBy('r.id')
    .limit(MAX_OTHERS * 4)
    .execute();
  return rows.map((r) => {
    const a = JSON.parse(r.applicant_snapshot) as Omit<OtherApplicant, 'requestId' | 'reference' | 'service'>;
    return {
      requestId: r.id,
      reference: r.reference,
      service: r.service,
      idNumber: a.idNumber,
      nameAr: a.nameAr,
      nameEn: a.nameEn,
      birthDate: a.birthDate,
    };
  });
}

/** The same calendar day `years` earlier or later (29 February becomes 28 February in other years). */
export function shiftYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const ty = y + years;
  const last = new Date(Date.UTC(ty, m, 0)).getUTCDate();
  return `${String(ty).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
