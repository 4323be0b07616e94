import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { VIEW_AUDIENCES, isSupervisor, type QueueViewFilters, type SavedViewEntry, type ViewAudience } from '../../../shared/domain';
import { useSession } from '../api/session';
import { useLocale } from '../i18n/locale';
import { VIEW_WORDS } from '../i18n/view-words';
import { fill } from '../i18n/fill';
import { navigate } from '../route';
import { errorText, type ShownError } from './errors';
import { VIEW_FIELDS, audienceWords } from './SavedViewsWords';

/**
 * "Save view…" above a queue: keeps the queue with its filters, search and order under a name, for
 * the user alone or (a supervisor) shared with everyone or one role. On an open saved view the user may
 * change, it also offers to keep the view as it is now under the same name.
 */
export function SaveViewButton({ view, current }: { view: QueueViewFilters; current?: SavedViewEntry }) {
  const { client, user } = useSession();
  const { pick, lang } = useLocale();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [audience, setAudience] = useState<'me' | ViewAudience>('me');
  const [error, setError] = useState<ShownError>(null);
  const [done, setDone] = useState<string | null>(null);
  const supervisor = isSupervisor(user?.roles ?? []);
  const w = (k: keyof typeof VIEW_WORDS, values?: Record<string, string>) => fill(pick(VIEW_WORDS[k]), values ?? {});

  const save = async () => {
    setError(null);
    try {
      const saved = await client.call('savedViews.save', { name, view, sharedWith: audience === 'me' ? null : audience });
      await queryClient.invalidateQueries({ queryKey: ['savedViews.list'] });
      setOpen(false);
      navigate({ page: 'view', id: saved.id });
    } catch (e) {
      setError(e);
    }
  };
  const update = async () => {
    if (!current) return;
    setError(null);
    try {
      const saved = await client.call('savedViews.update', { id: current.id, view });
      await queryClient.invalidateQueries({ queryKey: ['savedViews.list'] });
      setOpen(false);
      setDone(w('viewUpdated', { name: saved.name }));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <Button
        variant="default"
        onClick={() => {
          setName('');
          setAudience('me');
          setError(null);
          setDone(null);
          setOpen(true);
        }}
      >
        {w('saveView')}
      </Button>
      {done && (
        <Text size="sm" role="status">
          {done}
        </Text>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title={w('saveViewTitle')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {w('saveViewHelp')}
            </Text>
            <TextInput
              label={w('viewName')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              maxLength={60}
              withAsterisk
              data-autofocus
            />
            {supervisor && (
              <Select
                label={w('shareWith')}
                value={audience}
                onChange={(v) => v && setAudience(v as 'me' | ViewAudience)}
                allowDeselect={false}
                data={[
                  { value: 'me', label: pick(audienceWords(null)) },
                  ...VIEW_AUDIENCES.map((a) => ({ value: a, label: pick(audienceWords(a)) })),
                ]}
                comboboxProps={{ withinPortal: false }}
              />
            )}
            {error !== null && (
              <Text size="sm" c="red.9" role="alert">
                {errorText(error, lang, VIEW_FIELDS)}
              </Text>
            )}
            <Group justify="space-between">
              {current?.mayEdit ? (
                <Button variant="light" onClick={() => void update()}>
                  {w('updateView', { name: current.name })}
                </Button>
              ) : (
                <span />
              )}
              <Group gap="xs">
                <Button variant="default" onClick={() => setOpen(false)}>
                  {w('cancel')}
                </Button>
                <Button type="submit">{w('save')}</Button>
              </Group>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
