import { DeskCallError } from '../api/client';
import type { Lang } from '../i18n/locale';

/** The message to show for a failed call, in the user's language. */
export function errorText(e: unknown, lang: Lang): string {
  if (e instanceof DeskCallError) return lang === 'ar' ? (e.error.messageAr ?? e.error.message) : e.error.message;
  return e instanceof Error ? e.message : String(e);
}
