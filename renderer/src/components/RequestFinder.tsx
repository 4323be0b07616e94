import { useState, type ReactElement } from 'react';
import { Loader, Modal, Stack, Table, Text } from '@mantine/core';
import type { SpotlightActionData } from '@mantine/spotlight';
import { useQuery } from '@tanstack/react-query';
import { SERVICE_LABELS, type FoundRequest } from '../../../shared/domain';
import { asIdNumber, asReference } from '../../../shared/request-numbers';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { fill } from '../i18n/fill';
import { navigate } from '../route';
import { StatusBadge } from './StatusBadge';
import { ErrorNotice } from './ErrorNotice';
import { Ltr } from './BidiText';

/**
 * The palette's look-up of a request by number: a full reference (REQ-…) or an ID number typed into the
 * palette becomes its first action, so Enter opens it. One request opens at once; several (an ID number's
 * requests) are listed to choose from, newest first; none says so.
 */
export function useRequestFinder(query: string): { actions: SpotlightActionData[]; finder: ReactElement } {
  const { t } = useLocale();
  const [asked, setAsked] = useState<string | null>(null);
  const reference = asReference(query);
  const idNumber = reference ? null : asIdNumber(query);
  const actions: SpotlightActionData[] = reference
    ? [{ id: 'find-reference', label: fill(t('paletteOpenReference'), { reference }), keywords: [query], onClick: () => setAsked(reference) }]
    : idNumber
      ? [{ id: 'find-id', label: fill(t('paletteFindId'), { id: idNumber }), keywords: [query], onClick: () => setAsked(idNumber) }]
      : [];
  return { actions, finder: <FoundRequests text={asked} onClose={() => setAsked(null)} /> };
}

function FoundRequests({ text, onClose }: { text: string | null; onClose(): void }) {
  const { client } = useSession();
  const { t, pick, lang, formatDateParts } = useLocale();
  const q = useQuery({
    queryKey: ['cases.find', text],
    queryFn: async () => {
      const found = await client.call('cases.find', { text: text! });
      // One request: open it, nothing to choose.
      if (found.length === 1) {
        navigate({ page: 'case', id: found[0]!.requestId });
        onClose();
      }
      return found;
    },
    enabled: text !== null,
    staleTime: 0,
    gcTime: 0,
  });
  const found: FoundRequest[] = q.data ?? [];
  const opened = text !== null && !(q.isSuccess && found.length === 1);
  return (
    <Modal opened={opened} onClose={onClose} title={t('paletteChoose')} size="lg" centered>
      {q.isPending && <Loader role="status" aria-label={t('loading')} />}
      {q.isError && <ErrorNotice error={q.error} />}
      {q.isSuccess && found.length === 0 && <Text role="status">{fill(t('paletteNothingFor'), { text: text ?? '' })}</Text>}
      {found.length > 1 && (
        <Stack gap="xs">
          <Table striped aria-label={t('paletteChoose')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reference')}</Table.Th>
                <Table.Th>{t('applicant')}</Table.Th>
                <Table.Th>{t('service')}</Table.Th>
                <Table.Th>{t('status')}</Table.Th>
                <Table.Th>{t('submitted')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {found.map((f, i) => (
                <Table.Tr key={f.requestId}>
                  <Table.Td>
                    {/* The newest takes the focus once listed: Enter opens it, Tab moves down the list. Listed before the
                        dialog's focus trap wakes, the trap gives it the focus (data-autofocus; else the close button);
                        listed after, it takes the focus itself. */}
                    <a
                      href={`#/case/${f.requestId}`}
                      ref={i === 0 ? (el) => el?.focus() : undefined}
                      data-autofocus={i === 0 || undefined}
                      onClick={onClose}
                    >
                      <Ltr>{f.reference}</Ltr>
                    </a>
                  </Table.Td>
                  <Table.Td dir="auto">{lang === 'ar' ? f.nameAr : f.nameEn}</Table.Td>
                  <Table.Td>{pick(SERVICE_LABELS[f.service])}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={f.status} />
                  </Table.Td>
                  <Table.Td>{formatDateParts(f.submittedAt).gregorian}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Modal>
  );
}
