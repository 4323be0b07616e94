import { useState } from 'react';
import { Alert, Button, Group, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { TERMS, type SavedViewEntry } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { VIEW_WORDS } from '../i18n/view-words';
import { fill } from '../i18n/fill';
import { navigate } from '../route';
import { errorText, type ShownError } from '../components/errors';
import { useSavedViews } from '../components/SavedViewsNav';
import { VIEW_FIELDS, audienceWords } from '../components/SavedViewsWords';
import { QueuePage } from './QueuePage';

/** A saved view opened: its queue with the filters, search and order it keeps; rename and delete for who may. */
export function SavedViewPage({ id }: { id: number }) {
  const views = useSavedViews();
  const { t, pick, lang } = useLocale();
  if (views.isPending) return <Loader role="status" aria-label={t('loading')} />;
  if (views.isError) return <Alert color="red">{errorText(views.error, lang)}</Alert>;
  const view = views.data.find((v) => v.id === id);
  if (!view) return <Alert color="yellow">{pick(VIEW_WORDS.viewMissing)}</Alert>;
  return (
    <Stack gap="xs">
      <ViewHeader view={view} />
      {view.problem ? (
        <Alert color="yellow" title={pick(VIEW_WORDS.viewProblem)}>
          {lang === 'ar' ? view.problem.messageAr : view.problem.message}
        </Alert>
      ) : (
        // Keyed by what the view keeps: a view updated elsewhere opens afresh with its new filters.
        <QueuePage key={`${view.id}:${JSON.stringify(view.view)}`} queue={view.view.queue} initial={view.view} savedView={view} />
      )}
    </Stack>
  );
}

function ViewHeader({ view }: { view: SavedViewEntry }) {
  const { client } = useSession();
  const { pick, lang } = useLocale();
  const queryClient = useQueryClient();
  const [renaming, setRenaming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [name, setName] = useState(view.name);
  const [error, setError] = useState<ShownError>(null);
  const w = (k: keyof typeof VIEW_WORDS, values?: Record<string, string>) => fill(pick(VIEW_WORDS[k]), values ?? {});
  const run = async (step: () => Promise<unknown>, after: () => void) => {
    setError(null);
    try {
      await step();
      // Away first: a deleted view's page is not shown saying it is missing.
      after();
      await queryClient.invalidateQueries({ queryKey: ['savedViews.list'] });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Group justify="space-between" gap="xs">
      <Text size="sm" c="dimmed">
        {w('viewOf', { queue: pick(TERMS.queues[view.view.queue]) })}
        {' · '}
        {view.sharedWith ? `${pick(audienceWords(view.sharedWith))} · ${w('sharedBy', { name: view.owner.displayName })}` : pick(audienceWords(null))}
      </Text>
      {view.mayEdit && (
        <Group gap="xs">
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => {
              setName(view.name);
              setError(null);
              setRenaming(true);
            }}
          >
            {w('rename')}
          </Button>
          <Button size="compact-sm" variant="subtle" color="red.9" onClick={() => (setError(null), setRemoving(true))}>
            {w('remove')}
          </Button>
        </Group>
      )}
      <Modal opened={renaming} onClose={() => setRenaming(false)} title={w('renameTitle')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              () => client.call('savedViews.update', { id: view.id, name }),
              () => setRenaming(false),
            );
          }}
        >
          <Stack gap="sm">
            <TextInput label={w('viewName')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={60} data-autofocus />
            {error !== null && (
              <Text size="sm" c="red.9" role="alert">
                {errorText(error, lang, VIEW_FIELDS)}
              </Text>
            )}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setRenaming(false)}>
                {w('cancel')}
              </Button>
              <Button type="submit">{w('save')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <Modal opened={removing} onClose={() => setRemoving(false)} title={w('removeTitle', { name: view.name })}>
        <Stack gap="sm">
          {view.sharedWith && <Text size="sm">{w('removeShared')}</Text>}
          {error !== null && (
            <Text size="sm" c="red.9" role="alert">
              {errorText(error, lang)}
            </Text>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setRemoving(false)} data-autofocus>
              {w('cancel')}
            </Button>
            <Button
              color="red.9"
              onClick={() =>
                void run(
                  () => client.call('savedViews.delete', { id: view.id }),
                  () => {
                    setRemoving(false);
                    navigate({ page: 'queue', queue: view.view.queue });
                  },
                )
              }
            >
              {w('remove')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
