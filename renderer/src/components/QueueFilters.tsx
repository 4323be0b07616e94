import { useEffect, useRef, useState } from 'react';
import { Button, Group, Menu, Select, TextInput } from '@mantine/core';
import { SERVICES, SERVICE_LABELS, STATUSES, TERMS, type Service, type Status } from '../../../shared/domain';
import { useLocale } from '../i18n/locale';
import { CountrySelect } from './CountrySelect';
import { DayInput } from './DayInput';
import { useSession } from '../api/session';
import { useQuery } from '@tanstack/react-query';

export interface QueueFilterValues {
  search?: string;
  service?: Service;
  status?: Status;
  nationality?: string;
  profession?: string;
  submittedFrom?: string;
  submittedTo?: string;
  assigneeId?: number;
}

const SAVED_KEY = 'desk-saved-filters';
type Saved = Record<string, QueueFilterValues>;
const loadSaved = (): Saved => {
  try {
    return JSON.parse(localStorage.getItem(SAVED_KEY) ?? '{}') as Saved;
  } catch {
    return {};
  }
};

/** Search (key /), filters and saved filters above a queue. */
export function QueueFilters({ value, onChange }: { value: QueueFilterValues; onChange(v: QueueFilterValues): void }) {
  const { t, pick, lang } = useLocale();
  const search = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(value.search ?? '');
  const [saved, setSaved] = useState<Saved>(loadSaved);
  const professions = Object.values(TERMS.professions).map((p) => ({ value: p.en, label: p[lang] }));
  const { client } = useSession();
  const assignable = useQuery({ queryKey: ['users.assignable'], queryFn: () => client.call('users.assignable', {}), staleTime: 60_000 });

  // Typing settles for a moment before the queue is asked again.
  useEffect(() => {
    const h = setTimeout(() => (text.trim() || undefined) !== value.search && onChange({ ...value, search: text.trim() || undefined }), 250);
    return () => clearTimeout(h);
  }, [text]); // eslint-disable-line react-hooks/exhaustive-deps -- only the typed text restarts the wait
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
      e.preventDefault();
      search.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const save = () => {
    const name = window.prompt(t('filterName'));
    if (!name?.trim()) return;
    const next = { ...saved, [name.trim()]: value };
    localStorage.setItem(SAVED_KEY, JSON.stringify(next));
    setSaved(next);
  };

  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <TextInput
        ref={search}
        label={t('search')}
        placeholder={t('searchHint')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Escape' && (e.currentTarget.blur(), setText(''))}
        w={280}
      />
      <Select
        label={t('service')}
        data={SERVICES.map((s) => ({ value: s, label: pick(SERVICE_LABELS[s]) }))}
        value={value.service ?? null}
        onChange={(v) => onChange({ ...value, service: (v as Service) ?? undefined })}
        clearable
        searchable
        w={220}
      />
      <Select
        label={t('status')}
        data={STATUSES.map((s) => ({ value: s, label: pick(TERMS.statuses[s]) }))}
        value={value.status ?? null}
        onChange={(v) => onChange({ ...value, status: (v as Status) ?? undefined })}
        clearable
        w={180}
      />
      <Select
        label={t('profession')}
        data={professions}
        value={value.profession ?? null}
        onChange={(v) => onChange({ ...value, profession: v ?? undefined })}
        clearable
        w={170}
      />
      <CountrySelect label={t('nationality')} value={value.nationality} onChange={(code) => onChange({ ...value, nationality: code })} w={200} />
      <Select
        label={t('assignee')}
        data={(assignable.data ?? []).map((u) => ({ value: String(u.id), label: u.displayName }))}
        value={value.assigneeId ? String(value.assigneeId) : null}
        onChange={(v) => onChange({ ...value, assigneeId: v ? Number(v) : undefined })}
        clearable
        searchable
        w={170}
      />
      <DayInput label={t('from')} value={value.submittedFrom} onChange={(d) => onChange({ ...value, submittedFrom: d })} clearable />
      <DayInput label={t('until')} value={value.submittedTo} onChange={(d) => onChange({ ...value, submittedTo: d })} clearable />
      <Menu>
        <Menu.Target>
          <Button variant="default">{t('savedFilters')}</Button>
        </Menu.Target>
        <Menu.Dropdown>
          {Object.entries(saved).map(([name, f]) => (
            <Menu.Item
              key={name}
              onClick={() => {
                setText(f.search ?? '');
                onChange(f);
              }}
            >
              {name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item onClick={save}>{t('saveFilter')}</Menu.Item>
          <Menu.Item
            onClick={() => {
              setText('');
              onChange({});
            }}
          >
            {t('clearFilters')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
