/**
 * A history step's reason as a reader reads it, in the reader's language. The history keeps a code
 * (a rejection reason, `override:RULE,…`, a reroute `FROM>TO`, `no_fee`, `exempt:ID`) beside the words:
 * typed by a person (shown as typed) or written by the desk itself in English (never shown raw: the
 * code, and the figures read back from the sentence, are worded instead).
 */
import { dayWords } from './day-words';
import { ruleTitle } from './rule-titles';
import { SERVICE_LABELS, SERVICES, type Service } from './services';
import { TERMS, type Bilingual } from './terms';

type Lang = 'ar' | 'en';

export interface HistoryReasonFacts {
  action: string;
  reason: string | null;
  reasonCode?: string | null;
}

const SAY = {
  override: { ar: 'تجاوز الشروط غير المستوفاة: {rules}', en: 'Failed checks overridden: {rules}' },
  unpaid: { ar: 'الفاتورة {invoice} لم تسدد حتى {day}', en: 'Invoice {invoice} not paid by {day}' },
  invoiced: { ar: 'الفاتورة {invoice}، تستحق في {day}', en: 'Invoice {invoice}, due {day}' },
  noFee: { ar: 'لا رسوم على هذه الخدمة في جدول الرسوم', en: 'The fee schedule has no fee for this service' },
  exempt: { ar: 'معفى من الرسوم', en: 'Exempt from the fee' },
  rerouted: { ar: 'من «{from}» إلى «{to}»', en: 'From “{from}” to “{to}”' },
  released: { ar: 'أعيد إلى القائمة', en: 'Back to the queue' },
  assigned: { ar: 'أسند إلى {name}', en: 'Assigned to {name}' },
} satisfies Record<string, Bilingual>;

/** Sentences the desk itself once wrote without a code (the sweep, before codes were kept). */
const LEGACY_CODES: Record<string, string> = { 'no resubmission within the response window': 'no_response' };

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
const isService = (s: string): s is Service => (SERVICES as readonly string[]).includes(s);

export function historyReasonText(h: HistoryReasonFacts, lang: Lang): string | null {
  const reasons = TERMS.rejection_reasons as Record<string, Bilingual>;
  const code = h.reasonCode ?? (h.reason ? LEGACY_CODES[h.reason] : undefined) ?? null;
  const typed = h.reason && !LEGACY_CODES[h.reason] ? h.reason : null;
  const withTyped = (worded: string) => (typed ? `${worded}: ${typed}` : worded);

  if (code === 'unpaid') {
    const m = /^invoice (\S+) not paid by (\d{4}-\d{2}-\d{2})$/.exec(typed ?? '');
    return m ? fill(SAY.unpaid[lang], { invoice: m[1]!, day: dayWords(m[2]!, lang) }) : reasons.unpaid![lang];
  }
  if (code === 'no_response') return reasons.no_response![lang];
  if (code && Object.prototype.hasOwnProperty.call(reasons, code)) return withTyped(reasons[code]![lang]);
  if (code?.startsWith('override:')) {
    const rules = code.slice('override:'.length).split(',').filter(Boolean);
    const worded = fill(SAY.override[lang], { rules: rules.map((r) => ruleTitle(r)[lang]).join(lang === 'ar' ? '، ' : ', ') });
    return typed ? `${worded} — ${typed}` : worded;
  }
  if (code === 'no_fee') return SAY.noFee[lang];
  if (code?.startsWith('exempt:')) return lang === 'ar' ? SAY.exempt.ar : withTyped(SAY.exempt.en);
  const reroute = code ? /^([A-Z_]+)>([A-Z_]+)$/.exec(code) : null;
  if (reroute && isService(reroute[1]!) && isService(reroute[2]!)) {
    return fill(SAY.rerouted[lang], { from: SERVICE_LABELS[reroute[1]][lang], to: SERVICE_LABELS[reroute[2]][lang] });
  }
  if (h.action === 'reassign') {
    if (typed === 'back to the queue') return SAY.released[lang];
    if (code === 'assigned_to' && typed) return fill(SAY.assigned[lang], { name: typed });
  }
  const invoiced = /^invoice (\S+), due (\d{4}-\d{2}-\d{2})$/.exec(typed ?? '');
  if (invoiced) return fill(SAY.invoiced[lang], { invoice: invoiced[1]!, day: dayWords(invoiced[2]!, lang) });
  return typed;
}
