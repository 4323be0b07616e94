import { Alert, Loader } from '@mantine/core';
import { useLocale } from '../i18n/locale';
import { errorText } from './errors';

/** While a query loads, a spinner (announced as loading); when it fails, its error in red. Nothing once it has data. */
export function QueryStatus({ query, size }: { query: { isPending: boolean; isError: boolean; error: unknown }; size?: 'sm' }) {
  const { t, lang } = useLocale();
  return (
    <>
      {query.isPending && <Loader role="status" size={size} aria-label={t('loading')} />}
      {query.isError && <Alert color="red">{errorText(query.error, lang)}</Alert>}
    </>
  );
}
