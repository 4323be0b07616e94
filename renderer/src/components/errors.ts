import { DeskCallError } from '../api/client';
import { ERROR_CODES, type Bilingual } from '../../../shared/domain';
import type { Lang } from '../i18n/locale';
import { MESSAGES } from '../i18n/messages';
import { fieldName } from '../i18n/field-names';
import { issueText } from '../i18n/issues';

/**
 * What a form keeps to show as its error: the failed call itself (DeskCallError, with both
 * languages), or one of the desk's own bilingual messages. Kept whole and turned into text only
 * when shown, so switching the language switches the error too.
 */
export type ShownError = unknown;

/** The labels of a form's fields by the key the main process names them with ("password", "roles.0"). */
export type FieldLabels = Record<string, Bilingual>;

const KNOWN_CODES = new Set<string>(ERROR_CODES);

const isBilingual = (e: unknown): e is Bilingual =>
  typeof e === 'object' && e !== null && typeof (e as Bilingual).ar === 'string' && typeof (e as Bilingual).en === 'string';

/**
 * The desk's own wording for this error in `lang`, or null when there is none: a code the renderer
 * does not know, a message the main process has not translated, an exception's raw text. Those are
 * shown as the generic message, their raw text kept for support (errorDetails).
 */
function wordedText(e: ShownError, lang: Lang, fields?: FieldLabels): string | null {
  if (e instanceof DeskCallError) {
    if (e.error.issue) return issueText(e.error.issue, lang, fields);
    // Only a message the main process worded in both languages is the desk's own; anything else
    // (an exception's text passed on, a code this renderer does not know) gets the generic words.
    if (!KNOWN_CODES.has(e.error.code) || !e.error.messageAr) return null;
    return namedField(lang === 'ar' ? e.error.messageAr : e.error.message, lang, fields);
  }
  if (isBilingual(e)) return e[lang];
  return null;
}

/**
 * A refusal worded by the main process may still start with the field's key ("password: …"): the
 * key gives way to the field's words, or goes when the desk has none. Only a leading lower-case
 * path is a key ("delivery.trackingNumber"), never the first word of a sentence.
 */
function namedField(text: string, lang: Lang, fields?: FieldLabels): string {
  const colon = text.indexOf(': ');
  const key = colon > 0 ? text.slice(0, colon) : '';
  if (!/^[a-z][\w.]*$/.test(key)) return text;
  const name = fieldName(key, fields);
  return name ? `${name[lang]}: ${text.slice(colon + 2)}` : text.slice(colon + 2);
}

/** The message to show for a failed call, in the user's language now, from the desk's dictionary. */
export function errorText(e: ShownError, lang: Lang, fields?: FieldLabels): string {
  return wordedText(e, lang, fields) ?? MESSAGES.errorGeneric[lang];
}

/** The raw text behind a generic message, for a folded "details" support can read; null when the message says it all. */
export function errorDetails(e: ShownError, lang: Lang): string | null {
  if (wordedText(e, lang) !== null) return null;
  if (e instanceof DeskCallError) return `${e.error.code}: ${e.error.message}`;
  if (e instanceof Error) return e.message;
  return e === undefined || e === null ? null : String(e);
}

/** A call refused for its arguments (a named input issue): the user changes the input; trying again the same is useless. */
export const isInputRefusal = (e: ShownError): boolean => e instanceof DeskCallError && e.error.code === 'bad_input' && e.error.issue !== undefined;
