import type { Bilingual } from '../../../shared/domain';

/**
 * A mail relay answers in its own words ("250 2.0.0 Ok: queued as ABC123", "connect ECONNREFUSED"),
 * and the desk's test mode in its own ("captured to FILE"). The screen says what the answer means
 * from the dictionary; the words themselves stay for support, folded away (RelayText).
 */
const CAPTURED: Bilingual = { ar: 'حُفظت في ملف بدل إرسالها (وضع التجربة)', en: 'Kept in a file instead of sent (test mode)' };
const BY_CLASS: Record<string, Bilingual> = {
  '2': { ar: 'قبل الخادم الرسالة', en: 'The server accepted the message' },
  '4': { ar: 'رفض الخادم الرسالة مؤقتاً؛ ستعاد المحاولة', en: 'The server refused the message for now; it will be tried again' },
  '5': { ar: 'رفض الخادم الرسالة', en: 'The server refused the message' },
};

export function relayWords(text: string, otherwise: Bilingual): { words: Bilingual; raw: string } {
  const captured = /^captured to (.+)$/.exec(text);
  if (captured) return { words: CAPTURED, raw: captured[1]! };
  const code = /^([245])\d\d\b/.exec(text);
  return { words: code ? BY_CLASS[code[1]!]! : otherwise, raw: text };
}
