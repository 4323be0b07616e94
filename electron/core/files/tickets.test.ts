import { describe, expect, it } from 'vitest';
import { createFileTickets } from './tickets';

describe('file tickets', () => {
  it('redeem what was issued until it expires, and nothing else', () => {
    let t = 1000;
    const tickets = createFileTickets(60_000, () => t);
    const a = tickets.issue(7);
    expect(tickets.redeem(a)).toBe(7);
    expect(tickets.redeem(a)).toBe(7); // a PDF viewer may ask twice
    expect(tickets.redeem('made-up-ticket-made-up-ticket')).toBeNull();
    t += 60_001;
    expect(tickets.redeem(a)).toBeNull();
  });

  it('hold generated files apart from attachments, and only the newest sixteen', () => {
    const tickets = createFileTickets();
    const file = (n: number) => ({ bytes: new Uint8Array([n]), mime: 'application/pdf', fileName: `card-${n}.pdf` });
    const first = tickets.issueGenerated(file(0));
    expect(tickets.redeemGenerated(first)?.fileName).toBe('card-0.pdf');
    expect(tickets.redeem(first)).toBeNull();
    const later = Array.from({ length: 16 }, (_, i) => tickets.issueGenerated(file(i + 1)));
    expect(tickets.redeemGenerated(first)).toBeNull();
    expect(later.map((t) => tickets.redeemGenerated(t)?.bytes?.[0])).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
  });
});
