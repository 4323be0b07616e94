import { Table, Text } from '@mantine/core';
import { routeHref } from '../../route';

/** A finance row's first cell: the request's reference, opening its case on the payments tab, and the invoice number under it. */
export function InvoiceReferenceCell({ requestId, reference, invoiceNumber }: { requestId: number; reference: string; invoiceNumber: string }) {
  return (
    <Table.Td>
      <a href={routeHref({ page: 'case', id: requestId, tab: 'payments' })} dir="ltr">
        {reference}
      </a>
      <Text size="xs" c="dimmed" dir="ltr" ta="start">
        {invoiceNumber}
      </Text>
    </Table.Td>
  );
}
