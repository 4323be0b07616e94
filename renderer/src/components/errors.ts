import { DeskCallError } from '../api/client';
import type { Bilingual } from '../../../shared/domain';
import type { Lang } from '../i18n/locale';

/**
 * What a form keeps to show as its error: the failed call itself (DeskCallError, with both
 * languages), or one of the desk's own bilingual messages. Kept whole and turned into text only
 * when shown, so switching the language switches the error too.
 */
export type ShownError = unknown;

/** The labels of a form's fields by the key the main process names them with ("password", "roles.0"). */
export type FieldLabels = Record<string, Bilingual>;

const isBilingual = (e: unknown): e is Bilingual =>
  typeof e === 'object' && e !== null && typeof (e as Bilingual).ar === 'string' && typeof (e as Bilingual).en === 'string';

/**
 * The message to show for a failed call, in the user's language now. A refused argument comes as
 * "password: at least 10 characters"; where the form knows the field, its label replaces the key.
 */
export function errorText(e: ShownError, lang: Lang, fields?: FieldLabels): string {
  let text: string;
  if (e instanceof DeskCallError) text = lang === 'ar' ? (e.error.messageAr ?? e.error.message) : e.error.message;
  else if (isBilingual(e)) text = e[lang];
  else text = e instanceof Error ? e.message : String(e);
  if (!fields) return text;
  const colon = text.indexOf(': ');
  const key = colon > 0 ? text.slice(0, colon) : '';
  // Only a leading field path ("password", "delivery.trackingNumber"), never a word of a sentence.
  const label = /^[A-Za-z][\w.]*$/.test(key) ? (fields[key] ?? fields[key.replace(/\.\d+$/, '')]) : undefined;
  return label ? `${label[lang]}: ${text.slice(colon + 2)}` : text;
}
