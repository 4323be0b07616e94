import { DeskFault } from '../errors';

export interface EachAloneResult {
  done: number[];
  refused: Array<{ id: number; message: string; messageAr?: string }>;
}

/**
 * Applies `act` to each item on its own: one refused item (a lost race, a wrong status) is
 * reported with its reason and does not undo or stop the others. Other errors still throw.
 */
export async function eachAlone(
  items: Array<{ id: number; version: number }>,
  act: (id: number, version: number) => Promise<void>,
): Promise<EachAloneResult> {
  const done: number[] = [];
  const refused: EachAloneResult['refused'] = [];
  for (const item of items) {
    try {
      await act(item.id, item.version);
      done.push(item.id);
    } catch (e) {
      if (!(e instanceof DeskFault)) throw e;
      refused.push({ id: item.id, message: e.message, ...(e.messageAr ? { messageAr: e.messageAr } : {}) });
    }
  }
  return { done, refused };
}
