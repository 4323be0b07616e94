/**
 * What the CPD risk signals share: which services carry CPD hours, the card's expiry (the deadline the
 * hours count toward) and the provider comparison. The signals warn, never fail: a reviewer looks.
 */
import type { Bilingual, SignalOutcome, SignalView, SignalLink } from '../../../shared/domain';
import type { SignalContext } from './signal';
import { parseSnapshot } from '../cases/applicant-snapshot';
import { counted, HOURS } from '../../../shared/domain/counted';

/** The services whose CPD hours the CPD-HOURS rule counts (domain.md). */
export const CPD_SERVICES = ['RENEWAL', 'REREGISTRATION'];

/** The card's expiry as the applicant declared it: from the subject, else (a stored request) from its snapshot. */
export async function cardExpiry(ctx: SignalContext): Promise<string | null> {
  const card = ctx.subject.applicant.card;
  if (card !== undefined) return card?.expiresAt ?? null;
  if (ctx.subject.requestId === null) return null;
  const row = await ctx.db.selectFrom('requests').select('applicant_snapshot').where('id', '=', ctx.subject.requestId).executeTakeFirst();
  return row ? (parseSnapshot(row.applicant_snapshot).card?.expiresAt ?? null) : null;
}

/** "Saudi Heart  association" and "saudi heart association" are one provider. */
export const providerKey = (name: string) => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

export function view(
  id: string,
  title: Bilingual,
  outcome: SignalOutcome,
  explanation: Bilingual,
  evidence: Record<string, unknown>,
  links: SignalLink[] = [],
): SignalView {
  return { signal: id, outcome, title, explanation, evidence, links };
}

/** Hours as people write them: 7.5, never 7.500000001. */
export const hoursText = (h: number) => String(Math.round(h * 100) / 100);

/** "10 ساعات" / "10 hours": whole hours in the form their count takes, a fraction as "7.5 ساعة". */
export const hoursSaid = (h: number, lang: 'ar' | 'en'): string =>
  Number.isInteger(h) ? counted(HOURS[lang], lang, h) : `${hoursText(h)} ${lang === 'ar' ? 'ساعة' : 'hours'}`;
