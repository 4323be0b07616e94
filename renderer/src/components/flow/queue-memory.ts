/**
 * Where the user was in each queue (its filters, order, selected row, scroll), so Back from a case returns
 * to the same row, and the case page knows which queue "next" comes from. Kept for the tab's life
 * (sessionStorage): a reload keeps it, another window or user does not share it.
 */
import { QUEUES, type QueueId } from '../../../../shared/domain';

export interface QueuePlace<F = Record<string, unknown>, S extends string = string> {
  filters: F;
  sort: S;
  /** The selected row's index and the request on it. */
  cursor: number;
  requestId: number | null;
  scrollTop: number;
}

const KEY = 'mumaris.queuePlaces';
const LAST = 'mumaris.lastQueue';

function read(): Partial<Record<QueueId, QueuePlace>> {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as Partial<Record<QueueId, QueuePlace>>;
  } catch {
    return {};
  }
}

/** Where the user last was in `queue`, or undefined the first time. */
export function queuePlace<F, S extends string>(queue: QueueId): QueuePlace<F, S> | undefined {
  return read()[queue] as QueuePlace<F, S> | undefined;
}

export function rememberQueuePlace(queue: QueueId, place: QueuePlace<unknown>): void {
  sessionStorage.setItem(KEY, JSON.stringify({ ...read(), [queue]: place }));
  sessionStorage.setItem(LAST, queue);
}

/** The queue the user came from to the case in front of them (New when they came by address). */
export function lastQueue(): QueueId {
  const q = sessionStorage.getItem(LAST);
  return (QUEUES as readonly string[]).includes(q ?? '') ? (q as QueueId) : 'new';
}

/** Forgets every place (sign-out: the next user starts at the top). */
export function forgetQueuePlaces(): void {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(LAST);
}

/** The request `requestId` at row `cursor` of `queue` is now the selected one (the next request was opened from the case page). */
export function selectInQueue(queue: QueueId, cursor: number, requestId: number): void {
  const place = read()[queue];
  if (place) rememberQueuePlace(queue, { ...place, cursor, requestId });
}
