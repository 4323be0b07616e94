import type { Desk } from '../desk/open-desk';
import { storedLetterPdf } from '../documents/letters/issued-letters';
import { createDeliveryWorker } from './worker';
import { deliveryConfig } from './settings';

export const DELIVERY_INTERVAL_MS = 15_000;

/** The desk's delivery worker: a round every 15 s and after each decision; the returned stop waits for the message in hand. */
export function startDelivery(desk: Desk, log: (line: string) => void, intervalMs = DELIVERY_INTERVAL_MS): () => Promise<void> {
  const worker = createDeliveryWorker({
    db: desk.db,
    clock: desk.clock,
    config: () => deliveryConfig(desk.settingsFolder, desk.deliveryCapture ?? null),
    letter: (requestId) => storedLetterPdf(desk.db, desk.cardSigner, requestId, desk.clock.now()),
    log,
  });
  desk.nudgeDelivery = worker.nudge;
  const stop = worker.start(intervalMs);
  return async () => {
    desk.nudgeDelivery = undefined;
    await stop();
  };
}
