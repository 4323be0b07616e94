import { useState } from 'react';
import { Alert, Button, Menu } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { CaseDetail } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useMayCall } from '../api/may-call';
import { useLocale } from '../i18n/locale';
import type { MessageKey } from '../i18n/messages';
import { errorText } from './errors';
import { PdfPreviewModal } from './PdfPreviewModal';
import { routeHref } from '../route';

const REPORTS: Array<{ key: MessageKey; lang: 'ar' | 'en'; copy: 'staff' | 'applicant' }> = [
  { key: 'reportStaffAr', lang: 'ar', copy: 'staff' },
  { key: 'reportStaffEn', lang: 'en', copy: 'staff' },
  { key: 'reportApplicantAr', lang: 'ar', copy: 'applicant' },
  { key: 'reportApplicantEn', lang: 'en', copy: 'applicant' },
];

/** The documents of a request: its case report, its issued letter or certificate, the way to its card. */
export function CaseDocuments({ c }: { c: CaseDetail }) {
  const { client } = useSession();
  const mayCall = useMayCall();
  const { t, lang } = useLocale();
  const [shown, setShown] = useState<{ url: string; fileName: string; title: string } | null>(null);
  const letter = useMutation({
    mutationFn: () => client.call('documents.issued', { requestId: c.id }),
    onSuccess: (f) => setShown({ ...f, title: t('issuedDocument') }),
  });
  const report = useMutation({
    mutationFn: (r: { lang: 'ar' | 'en'; copy: 'staff' | 'applicant' }) => client.call('reports.caseReport', { id: c.id, ...r }),
    onSuccess: (f) => setShown({ ...f, title: t('caseReport') }),
  });
  const failed = letter.error ?? report.error;
  return (
    <>
      <Menu position="bottom-start">
        <Menu.Target>
          <Button variant="light" size="compact-sm" loading={report.isPending}>
            {t('caseReport')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {REPORTS.map((r) => (
            <Menu.Item key={r.key} onClick={() => report.mutate({ lang: r.lang, copy: r.copy })}>
              {t(r.key)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {c.status === 'document_issued' && (
        <Button variant="light" size="compact-sm" loading={letter.isPending} onClick={() => letter.mutate()}>
          {t('issuedDocument')}
        </Button>
      )}
      {['ready_to_print', 'printed', 'delivered'].includes(c.status) && mayCall('print.queue') && (
        <Button component="a" href={routeHref({ page: 'print' })} variant="light" size="compact-sm">
          {t('printCentre')}
        </Button>
      )}
      {failed && <Alert color="red">{errorText(failed, lang)}</Alert>}
      <PdfPreviewModal file={shown} title={shown?.title ?? ''} onClose={() => setShown(null)} />
    </>
  );
}
