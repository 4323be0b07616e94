/**
 * What the demo's requests are: the status and service mix of a working desk, the steps that lead to each
 * status, and which ranks each profession is classified in.
 */
import type { Service, Status } from '../../../shared/domain';
import { SERVICES, isCardService, isDocumentService } from '../../../shared/domain';
import { TERMS } from '../../../shared/domain/terms';
import type { SeededRandom } from './random';

/** Status mix of a working desk (weights). */
export const STATUS_WEIGHTS: ReadonlyArray<readonly [Status, number]> = [
  ['submitted', 30],
  ['in_review', 10],
  ['returned', 8],
  ['resubmitted', 5],
  ['awaiting_second_signature', 3],
  ['awaiting_payment', 8],
  ['ready_to_print', 6],
  ['printed', 3],
  ['delivered', 8],
  ['document_issued', 4],
  ['rejected', 6],
  ['withdrawn', 2],
  ['approved', 2],
];
export const SERVICE_WEIGHTS: ReadonlyArray<readonly [Service, number]> = SERVICES.map(
  (s) => [s, s === 'RENEWAL' ? 12 : s.startsWith('CLASSIFICATION') || s === 'REGISTRATION' ? 6 : 2] as const,
);

export function weighted<T>(rng: SeededRandom, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = rng.next() * total;
  for (const [item, w] of items) if ((x -= w) < 0) return item;
  return items[items.length - 1]![0];
}

/** The status a request of this service may really be in (letters are never printed, etc.). */
export function fitStatus(service: Service, status: Status): Status {
  const card = isCardService(service);
  const doc = isDocumentService(service);
  // An inquiry is answered and closed, never approved, invoiced or printed.
  if (service === 'INQUIRY')
    return ['submitted', 'in_review', 'returned', 'resubmitted', 'rejected', 'withdrawn'].includes(status) ? status : 'answered';
  if (!card && ['ready_to_print', 'printed', 'delivered'].includes(status)) return doc ? 'document_issued' : 'approved';
  if (!doc && status === 'document_issued') return card ? 'delivered' : 'approved';
  if (!card && !doc && status === 'awaiting_payment') return 'approved';
  // Approval moves a card or document request on at once (to payment, or past it): it never rests at approved.
  if ((card || doc) && status === 'approved') return 'awaiting_payment';
  return status;
}

/** The actions that lead from submission to `status`, for a believable history. */
export function pathTo(status: Status, freeOfCharge: boolean): Array<[action: string, to: Status]> {
  const review: Array<[string, Status]> = [['claim', 'in_review']];
  const approved: Array<[string, Status]> = [...review, ['approve', 'approved']];
  const paid: Array<[string, Status]> = [...approved, ['request_payment', 'awaiting_payment']];
  if (freeOfCharge && ['ready_to_print', 'printed', 'delivered', 'document_issued'].includes(status)) {
    const issued = approved.concat([['no_fee', status === 'document_issued' ? 'document_issued' : 'ready_to_print']]);
    if (status === 'printed') return [...issued, ['print_card', 'printed']];
    if (status === 'delivered') return [...issued, ['print_card', 'printed'], ['record_delivery', 'delivered']];
    return issued;
  }
  switch (status) {
    case 'submitted':
      return [];
    case 'in_review':
      return review;
    case 'returned':
      return [...review, ['return_to_applicant', 'returned']];
    case 'resubmitted':
      return [...review, ['return_to_applicant', 'returned'], ['resubmit', 'resubmitted']];
    case 'awaiting_second_signature':
      return [...review, ['approve', 'awaiting_second_signature']];
    case 'approved':
      return approved;
    case 'awaiting_payment':
      return paid;
    case 'ready_to_print':
      return [...paid, ['record_payment', 'ready_to_print']];
    case 'printed':
      return [...paid, ['record_payment', 'ready_to_print'], ['print_card', 'printed']];
    case 'delivered':
      return [...paid, ['record_payment', 'ready_to_print'], ['print_card', 'printed'], ['record_delivery', 'delivered']];
    case 'document_issued':
      return [...paid, ['record_payment', 'document_issued']];
    case 'rejected':
      return [...review, ['reject', 'rejected']];
    case 'withdrawn':
      return [['withdraw', 'withdrawn']];
    case 'answered':
      return [...review, ['answer', 'answered']];
  }
}

/**
 * Where the money path takes over from the seed: requests meant to be ready to print or to have their
 * document issued are seeded awaiting payment, and the demo's reconciliation file moves them on.
 */
export const SETTLED_BY_PAYMENT: readonly Status[] = ['ready_to_print', 'document_issued'];

/** The ranks each profession is classified in (domain.md: category is the practitioner's rank in their profession). */
const CATEGORIES_BY_PROFESSION: Record<string, string[]> = {
  physician: ['consultant', 'senior_specialist', 'specialist', 'resident', 'general_practitioner'],
  dentist: ['consultant', 'senior_specialist', 'specialist', 'resident'],
  pharmacist: ['consultant', 'senior_specialist', 'specialist'],
  nurse: ['senior_specialist', 'specialist', 'senior_technician', 'technician'],
  allied: ['senior_specialist', 'specialist', 'senior_technician', 'technician'],
};

export function categoriesFor(profession: string): string[] {
  return CATEGORIES_BY_PROFESSION[profession] ?? Object.keys(TERMS.categories);
}

/** A first registration's practitioner is registered (and has a number) once the request is approved: not before, nor if refused. */
export const NOT_YET_REGISTERED: readonly string[] = [
  'submitted',
  'in_review',
  'returned',
  'resubmitted',
  'awaiting_second_signature',
  'rejected',
  'withdrawn',
];
