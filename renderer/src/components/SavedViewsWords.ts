import { ROLE_LABELS, type Bilingual, type ViewAudience } from '../../../shared/domain';
import { VIEW_WORDS } from '../i18n/view-words';

/** Who a saved view is for, in words: only me, everyone, or the holders of one role. */
export function audienceWords(a: ViewAudience | null): Bilingual {
  if (a === null) return VIEW_WORDS.onlyMe;
  if (a === 'everyone') return VIEW_WORDS.everyone;
  return { ar: `من يحمل دور «${ROLE_LABELS[a].ar}»`, en: `Holders of the ${ROLE_LABELS[a].en} role` };
}

/** The labels of the save form's fields, for errors the main process names by key. */
export const VIEW_FIELDS = { name: VIEW_WORDS.viewName, sharedWith: VIEW_WORDS.shareWith };
