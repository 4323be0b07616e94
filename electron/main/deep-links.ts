/**
 * mumaris-desk:// addresses from e-mails and other programs, read strictly: a request's reference
 * (mumaris-desk://case/REQ-2026-000123) or a card to verify (mumaris-desk://verify?payload=…).
 * Anything else is ignored, never guessed at. A bundle file (.mumaris.zip) handed to the app by the
 * system opens the Import page.
 */
export const PROTOCOL = 'mumaris-desk';

/** A request's reference as the desk writes it (shared/domain). */
const REFERENCE = /^REQ-\d{4}-\d{6}$/;
/** A card's QR payload: printable ASCII only, as long as cards.verify accepts. */
const PAYLOAD = /^[\x21-\x7e]{1,1000}$/;

export type DeepLink = { kind: 'case'; reference: string } | { kind: 'verify'; payload: string } | { kind: 'import'; file: string };

export function parseDeepLink(raw: string): DeepLink | null {
  if (typeof raw !== 'string' || raw.length > 2048 || !raw.toLowerCase().startsWith(`${PROTOCOL}://`)) return null;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.username || u.password || u.port || u.hash) return null;
  const path = u.pathname.replace(/\/$/, '');
  if (u.hostname === 'case') {
    const reference = path.replace(/^\//, '');
    return u.search === '' && REFERENCE.test(reference) ? { kind: 'case', reference } : null;
  }
  if (u.hostname === 'verify' && path === '') {
    const keys = [...u.searchParams.keys()];
    const payload = u.searchParams.get('payload');
    return keys.length === 1 && payload !== null && PAYLOAD.test(payload) ? { kind: 'verify', payload } : null;
  }
  return null;
}

/** A bundle of requests (the Import page's file), as the system hands it on the command line. */
export const isBundlePath = (arg: string): boolean => /\.mumaris\.zip$/i.test(arg) && !arg.startsWith('-') && !arg.includes('\0');

/** The first deep link or bundle among a command line's arguments (Windows and Linux hand them so). */
export function deepLinkInArgv(argv: readonly string[]): DeepLink | null {
  for (const arg of argv.slice(1)) {
    const link = parseDeepLink(arg);
    if (link) return link;
    if (isBundlePath(arg)) return { kind: 'import', file: arg };
  }
  return null;
}

/** Where the renderer goes: the same addresses work in the host (#/case/REQ-…, #/verify/…, #/import). */
export function routeFor(link: DeepLink): string {
  switch (link.kind) {
    case 'case':
      return `#/case/${link.reference}`;
    case 'verify':
      return `#/verify/${encodeURIComponent(link.payload)}`;
    case 'import':
      return '#/import';
  }
}
