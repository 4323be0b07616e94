import { useEffect } from 'react';
import { Alert, Center, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { fill } from '../i18n/fill';
import { errorText } from '../components/errors';
import { routeHref } from '../route';
import { caseByReferenceQuery } from './case-by-reference';

/**
 * #/case/REQ-2026-000123 (a mumaris-desk:// link, an address from an e-mail): the request is looked up
 * by its reference among all requests the user may list, then opened by its id; the address is
 * replaced, so Back does not come here again. A reference that is not there, or not the user's to
 * see, is said politely.
 */
export function CaseByReference({ reference }: { reference: string }) {
  const { client } = useSession();
  const { t, lang } = useLocale();
  const found = useQuery(caseByReferenceQuery(client, reference));
  const id = found.data;
  useEffect(() => {
    if (typeof id !== 'number') return;
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}${routeHref({ page: 'case', id })}`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  }, [id]);
  if (found.isPending || typeof id === 'number')
    return (
      <Center h={200}>
        <Loader role="status" aria-label={t('loading')} />
      </Center>
    );
  return (
    <Alert color="yellow" title={fill(t('caseRefNotShown'), { reference })} maw={640}>
      {found.isError ? errorText(found.error, lang) : t('caseRefNotShownHelp')}
    </Alert>
  );
}
