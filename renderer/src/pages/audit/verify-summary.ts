import type { AuditVerification } from '../../../../shared/domain';
import { countText } from '../../i18n/counts';
import { fill } from '../../i18n/fill';
import type { Lang } from '../../i18n/locale';
import { MESSAGES, type MessageKey } from '../../i18n/messages';

/** How the page writes numbers and moments (the locale's formatters: Latin digits, Riyadh time, both calendars). */
export interface SummaryFormat {
  number(n: number): string;
  dateTime(iso: string): string;
}

/**
 * The chain's own finding in the language on screen, read from the main process's English reason
 * (electron/core/audit/chain.ts); anything else is left to the checkpoint's line below it.
 */
function chainReason(reason: string | null, say: (key: MessageKey, values?: Record<string, string>) => string, n: (x: number) => string) {
  const first = reason?.split('; ')[0] ?? '';
  let m = /^entry (\d+) is missing$/.exec(first);
  if (m) return say('entryMissing', { seq: n(+m[1]!) });
  m = /^entry (\d+) does not link to entry (\d+)$/.exec(first);
  if (m) return say('entryUnlinked', { seq: n(+m[1]!), prev: n(+m[2]!) });
  m = /^entry (\d+) was changed after it was written$/.exec(first);
  if (m) return say('entryChanged', { seq: n(+m[1]!) });
  return null;
}

/**
 * What verifying the audit chain found, written from its structured fields (ok, counts, entry
 * numbers, the checkpoint's time) in the language on screen: the main process's detail is an
 * English sentence with ISO times, so it is not shown as such.
 */
export function verifySummary(v: AuditVerification, lang: Lang, f: SummaryFormat): { headline: string; detail: string | null } {
  const say = (key: MessageKey, values: Record<string, string> = {}) => fill(MESSAGES[key][lang], values);
  const n = f.number;
  let headline: string;
  if (v.ok) headline = say('chainOk', { entries: countText(lang, 'entries', v.entries) });
  else {
    const why = chainReason(v.reason, say, n);
    headline = (v.brokenAt === null ? say('chainUnchecked') : say('chainBroken', { seq: n(v.brokenAt) })) + (why ? `: ${why}` : '');
  }
  const cp = v.checkpoint;
  if (!cp) return { headline, detail: null };
  const at = { when: f.dateTime(cp.at), seq: n(cp.seq) };
  switch (cp.verdict) {
    case 'matches': {
      // The chain is whole here, so its entries are numbered 1…entries.
      const since = Math.max(0, v.entries - cp.seq);
      const sinceText = since === 0 ? say('checkpointNoneSince') : say('checkpointSince', { entries: countText(lang, 'entries', since) });
      return { headline, detail: say('checkpointMatches', { ...at, since: sinceText }) };
    }
    case 'missing':
      return { headline, detail: say('checkpointMissing', at) };
    case 'rewritten':
      return { headline, detail: say('checkpointRewritten', at) };
    case 'unverified':
      return { headline, detail: say('checkpointUnverified', at) };
  }
}
