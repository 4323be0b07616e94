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
});
