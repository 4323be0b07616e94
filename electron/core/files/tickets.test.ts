import { describe, expect, it } from 'vitest';
import { createFileTickets, fileKeyOf } from './tickets';
import { fileKeyFor, withFileKey } from '../../../shared/file-key';

describe('file tickets', () => {
  it('redeem what was issued, with the key of the session that asked, until it expires', () => {
    let t = 1000;
    const tickets = createFileTickets(60_000, () => t);
    const a = tickets.issue(7, 'session-a');
    expect(tickets.redeem(a, fileKeyOf('session-a'))).toEqual({ attachmentId: 7, session: 'session-a' });
    expect(tickets.redeem(a, fileKeyOf('session-a'))?.attachmentId).toBe(7); // a PDF viewer may ask twice
    expect(tickets.redeem(a, undefined)).toBeNull();
    expect(tickets.redeem(a, '')).toBeNull();
    expect(tickets.redeem(a, 'session-a')).toBeNull(); // the token is not the key
    expect(tickets.redeem(a, fileKeyOf('session-b'))).toBeNull();
    expect(tickets.redeem('made-up-ticket-made-up-ticket', fileKeyOf('session-a'))).toBeNull();
    t += 60_001;
    expect(tickets.redeem(a, fileKeyOf('session-a'))).toBeNull();
  });

  it('end with their session, and no ticket is made without one', () => {
    const tickets = createFileTickets();
    const a = tickets.issue(1, 'session-a');
    const b = tickets.issueGenerated({ bytes: new Uint8Array([1]), mime: 'application/pdf', fileName: 'x.pdf' }, 'session-b');
    tickets.endSession('session-a');
    expect(tickets.redeem(a, fileKeyOf('session-a'))).toBeNull();
    expect(tickets.redeem(b, fileKeyOf('session-b'))?.file?.fileName).toBe('x.pdf');
    expect(() => tickets.issue(1, '')).toThrow(/session/);
  });

  it('hold generated files apart from attachments, and only the newest sixteen', () => {
    const tickets = createFileTickets();
    const key = fileKeyOf('s');
    const file = (n: number) => ({ bytes: new Uint8Array([n]), mime: 'application/pdf', fileName: `card-${n}.pdf` });
    const first = tickets.issueGenerated(file(0), 's');
    expect(tickets.redeem(first, key)?.file?.fileName).toBe('card-0.pdf');
    expect(tickets.redeem(first, key)?.attachmentId).toBeUndefined();
    const later = Array.from({ length: 16 }, (_, i) => tickets.issueGenerated(file(i + 1), 's'));
    expect(tickets.redeem(first, key)).toBeNull();
    expect(later.map((t) => tickets.redeem(t, key)?.file?.bytes?.[0])).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
  });

  it('the renderer derives the same key from the token (Web Crypto) and adds it to file links only', async () => {
    const token = 'tH1s-is-a-session-token_of-43-characters-xx';
    expect(await fileKeyFor(token)).toBe(fileKeyOf(token));
    expect(withFileKey('/files/abc', 'K+/')).toBe('/files/abc?k=K%2B%2F');
    expect(withFileKey('https://example.org/files/abc', 'K')).toBe('https://example.org/files/abc');
  });
});
