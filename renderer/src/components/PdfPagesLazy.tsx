import { Suspense, lazy, type ComponentProps } from 'react';
import { Center, Loader } from '@mantine/core';
import type { PdfPages as PdfPagesNow } from './PdfPages';
import { useLocale } from '../i18n/locale';

// pdf.js is a megabyte of its own: it is fetched the first time a PDF is shown, not with the page around it.
const Loaded = lazy(() => import('./PdfPages').then((m) => ({ default: m.PdfPages })));

/** The pages of a PDF (PdfPages), loading pdf.js on first use. */
export function PdfPages(props: ComponentProps<typeof PdfPagesNow>) {
  const { t } = useLocale();
  return (
    <Suspense
      fallback={
        <Center p="md">
          <Loader role="status" size="sm" aria-label={t('loading')} />
        </Center>
      }
    >
      <Loaded {...props} />
    </Suspense>
  );
}
