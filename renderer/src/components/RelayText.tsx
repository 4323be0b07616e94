import type { Bilingual } from '../../../shared/domain';
import { useLocale } from '../i18n/locale';
import { relayWords } from '../i18n/relay-words';
import { RawDetails } from './ErrorNotice';

/** What a relay's answer means, in the user's language, with the relay's own words folded beneath. */
export function RelayText({ text, otherwise }: { text: string; otherwise: Bilingual }) {
  const { t, pick } = useLocale();
  const { words, raw } = relayWords(text, otherwise);
  return (
    <>
      {pick(words)}
      <RawDetails text={raw} label={t('errorDetails')} />
    </>
  );
}
