import { Alert, Code, Text } from '@mantine/core';
import { useLocale } from '../i18n/locale';
import { errorDetails, errorText, type FieldLabels, type ShownError } from './errors';

/**
 * A failed call as the user reads it: the dictionary's words, and, when those had to be the generic
 * message, the raw text folded away under "details" so support can still read what happened.
 */
export function ErrorNotice({ error, fields }: { error: ShownError; fields?: FieldLabels }) {
  const { t, lang } = useLocale();
  const details = errorDetails(error, lang);
  return (
    <Alert color="red" role="alert">
      <Text size="sm">{errorText(error, lang, fields)}</Text>
      {details && <RawDetails text={details} label={t('errorDetails')} />}
    </Alert>
  );
}

/** Text for support, in its own words and direction, closed until asked for. */
export function RawDetails({ text, label }: { text: string; label: string }) {
  return (
    <details style={{ marginTop: 4 }}>
      <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-xs)' }}>{label}</summary>
      <Code block dir="ltr" mt={4} style={{ whiteSpace: 'pre-wrap', textAlign: 'left' }}>
        {text}
      </Code>
    </details>
  );
}
