/** `desk sweep`: reject returned requests past their response window, and requests unpaid by their invoice's due date. */
import { sweepReturnWindows, sweepUnpaidInvoices } from '../../core/cases/sweep';
import type { Command } from '../command-line';

export const sweep: Command = async ({ desk, print }) => {
  const returns = await sweepReturnWindows(desk.db, desk.clock);
  const invoices = await sweepUnpaidInvoices(desk.db, desk.clock);
  const list = (refs: string[]) => (refs.length ? `: ${refs.join(', ')}` : '');
  print(
    { noResponse: returns.rejected, unpaid: invoices.rejected, unpaidPartlyPaid: invoices.partlyPaid },
    [
      `${returns.rejected.length} returned request(s) rejected for no response${list(returns.rejected)}`,
      `${invoices.rejected.length} request(s) rejected as unpaid by the due date${list(invoices.rejected)}`,
      ...(invoices.partlyPaid.length ? [`partly paid, their money waits in the Refunds queue${list(invoices.partlyPaid)}`] : []),
    ].join('\n'),
  );
  return 0;
};
