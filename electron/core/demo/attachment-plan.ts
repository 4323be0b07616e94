/**
 * Which attachments a demo request carries, following the checks of domain.md,
 * with a share deliberately missing or stale so the checks show their worth.
 */
import { CARD_SERVICES, type Service } from '../../../shared/domain';
import { addDays } from '../time/day-arithmetic';
import type { SeededRandom } from './random';

export interface PlannedAttachment {
  kind: string;
  issuedAt?: string;
}

export function demoAttachments(
  rng: SeededRandom,
  service: Service,
  who: { resident: boolean; aged: boolean; internship: boolean; submittedDay: string },
): PlannedAttachment[] {
  const out: PlannedAttachment[] = [];
  const card = CARD_SERVICES.includes(service);
  if (card && rng.chance(0.95)) out.push({ kind: 'photo' });
  out.push({ kind: who.resident ? 'iqama' : 'national_id' });
  if (service === 'REGISTRATION' || service === 'REREGISTRATION' || service === 'CLASSIFICATION_INSIDE') {
    // One in seven letters is older than three months.
    const old = rng.chance(0.15);
    out.push({ kind: 'employer_letter', issuedAt: addDays(who.submittedDay, old ? -rng.int(100, 180) : -rng.int(3, 80)) });
  }
  if (service === 'REGISTRATION' || service.startsWith('CLASSIFICATION')) {
    out.push({ kind: 'bachelor_certificate' }, { kind: 'transcript' });
    if (who.internship && rng.chance(0.92)) out.push({ kind: 'internship_certificate' });
  }
  if (service === 'RENEWAL' && rng.chance(0.9)) out.push({ kind: 'work_certificate' });
  // Half of those aged 65 or more forget the medical report.
  if (card && who.aged && rng.chance(0.5)) out.push({ kind: 'medical_report' });
  if (service === 'CPD_RECOGNITION') out.push({ kind: 'cpd_certificate' });
  return out;
}
