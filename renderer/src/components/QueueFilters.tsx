import { useEffect, useRef, useState } from 'react';
import { Button, Select, TextInput } from '@mantine/core';
import { SEARCH_MAX_CHARS, SERVICES, SERVICE_LABELS, STATUSES, TERMS, type Service, type Status } from '../../../shared/domain';
import { issueText } from '../i18n/issues';
import { useLocale } from '../i18n/locale';
import { CountrySelect } from './CountrySelect';
import { DayInput } from './DayInput';
import { FilterBar } from './FilterBar';
import { useSession } from '../api/session';
import { useQuery } from '@tanstack/react-query';
import { useShortcuts } from '../shell/useShortcuts';

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

/** Search (key /) and filters above a queue; a queue with its filters is kept as a saved view (SaveView.tsx). */
export function QueueFilters({ value, onChange }: { value: QueueFilterValues; onChange(v: QueueFilterValues): void }) {
  const { t, pick, lang } = useLocale();
  const search = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(value.search ?? '');
  const professions = Object.values(TERMS.professions).map((p) => ({ value: p.en, label: p[lang] }));
  const { client } = useSession();
  const assignable = useQuery({ queryKey: ['users.assignable'], queryFn: () => client.call('users.assignable', {}), staleTime: 60_000 });

  // Typing settles for a moment before the queue is asked again.
  useEffect(() => {
    const h = setTimeout(() => (text.trim() || undefined) !== value.search && onChange({ ...value, search: text.trim() || undefined }), 250);
    return () => clearTimeout(h);
  }, [text]); // eslint-disable-line react-hooks/exhaustive-deps -- only the typed text restarts the wait
  // Where "/" needs Shift (a German or French keyboard), Shift+/ is still the search.
  const focusSearch = () => search.current?.focus();
  useShortcuts({ '/': focusSearch, 'shift+/': focusSearch });

  return (
    // The search and clear stay on one line; the rest opens on demand (FilterBar): at 1280×720 the rows get the height.
    <FilterBar active={Object.entries(value).filter(([k, v]) => k !== 'search' && v !== undefined).length}>
      <TextInput
        ref={search}
        label={t('search')}
        placeholder={t('searchHint')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Escape' && (e.currentTarget.blur(), setText(''))}
        w={280}
        // The field holds no more than the desk reads; a longer paste is cut there, and says so.
        maxLength={SEARCH_MAX_CHARS}
        error={
          text.length >= SEARCH_MAX_CHARS ? issueText({ code: 'too_long', field: 'search', params: { max: SEARCH_MAX_CHARS } }, lang) : undefined
        }
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
      <Button
        variant="default"
        disabled={Object.values(value).every((v) => v === undefined) && !text}
        onClick={() => {
          setText('');
          onChange({});
        }}
      >
        {t('clearFilters')}
      </Button>
    </FilterBar>
  );
}
