import { useEffect, useState } from 'react';
import { Alert, Grid, Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../../api/session';
import { useLocale } from '../../i18n/locale';
import { errorText } from '../../components/errors';
import { ReferralPanel } from '../../components/ReferralPanel';
import { AttachmentViewer } from '../../components/AttachmentViewer';
import type { CaseTab } from '../../route';
import { CaseHeader } from './CaseHeader';
import { CaseTabs } from './CaseTabs';
import { useCaseKeys, type CasePageTab } from './useCaseKeys';

/** One request: header with its actions, the applicant's data, notes, attachments, history. */
export function CasePage({ id, tab: openOn }: { id: number; tab?: CaseTab }) {
  const { client } = useSession();
  const { t, lang } = useLocale();
  const q = useQuery({ queryKey: ['cases.get', id], queryFn: () => client.call('cases.get', { id }) });
  const [tab, setTab] = useState<CasePageTab>(openOn ?? 'checks');
  // A finance list links straight to the payments tab (#/case/N/payments).
  useEffect(() => {
    if (openOn) setTab(openOn);
  }, [id, openOn]);
  const [attachmentId, setAttachmentId] = useState<number | null>(null);
  const attachments = q.data?.attachments ?? [];
  const shownId = attachmentId ?? attachments[0]?.id ?? null;
  useCaseKeys({ attachments, shownId, onAttachment: setAttachmentId, onTab: setTab });
  if (q.isPending) return <Loader role="status" aria-label={t('loading')} />;
  if (q.isError) return <Alert color="red">{errorText(q.error, lang)}</Alert>;
  const c = q.data;
  return (
    <Stack>
      <CaseHeader c={c} />
      <ReferralPanel c={c} />
      {c.resubmission && (
        <Alert color="yellow" p="xs">
          {t('resubmittedBanner')}
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <CaseTabs c={c} tab={tab} onTab={setTab} onOpenAttachment={setAttachmentId} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <AttachmentViewer
            newIds={c.resubmission?.newAttachmentIds ?? []}
            attachments={c.attachments}
            selectedId={shownId}
            onSelect={setAttachmentId}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
