import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { TERMS, type CaseDetail, type NoteKind } from '../../../../shared/domain';
import { useSession } from '../../api/session';
import { useLocale } from '../../i18n/locale';
import { errorText, type ShownError } from '../../components/errors';
import { BidiParts, BidiText } from '../../components/BidiText';

/** The request's notes, and a new one where the desk allows it (`c.actions`). */
export function CaseNotes({ c }: { c: CaseDetail }) {
  const canWrite = c.actions.includes('note_internal');
  const { client } = useSession();
  const { t, pick, lang, formatDateTime } = useLocale();
  const queryClient = useQueryClient();
  // Internal by default: a note reaches the applicant only when its writer chooses so (#17).
  const [kind, setKind] = useState<NoteKind>('internal');
  const [text, setText] = useState('');
  const [error, setError] = useState<ShownError>(null);
  async function save() {
    setError(null);
    try {
      const updated = await client.call('cases.addNote', { id: c.id, kind, text });
      queryClient.setQueryData(['cases.get', c.id], updated);
      setText('');
    } catch (e) {
      setError(e);
    }
  }
  return (
    <Stack gap="xs">
      {c.notes.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('noNotes')}
        </Text>
      )}
      {c.notes.map((n) => (
        <Paper
          key={n.id}
          withBorder
          p="xs"
          bg={c.resubmission?.newNoteIds.includes(n.id) ? 'yellow.1' : n.kind === 'internal' ? 'gray.0' : undefined}
        >
          <Group justify="space-between" gap="xs">
            <Badge variant="light" color={n.kind === 'internal' ? 'gray' : 'orange'} styles={{ label: { color: 'var(--mantine-color-dark-7)' } }}>
              {n.kind === 'from_applicant' ? t('applicantNote') : pick(TERMS.note_kinds[n.kind])}
            </Badge>
            <Text size="xs" c="dimmed">
              <BidiParts parts={[n.author ?? t('applicantNote'), formatDateTime(n.at)]} />
            </Text>
          </Group>
          {/* Plain text only: notes are never rendered as HTML. */}
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <BidiText text={n.text} />
          </Text>
        </Paper>
      ))}
      {canWrite && (
        <Stack gap={4}>
          <SegmentedControl
            size="xs"
            value={kind}
            onChange={(v) => setKind(v as NoteKind)}
            aria-label={t('noteKind')}
            // To the applicant only where the desk allows it (its holder, in review: c.actions).
            data={[
              { value: 'internal', label: pick(TERMS.note_kinds.internal) },
              ...(c.actions.includes('note_to_applicant') ? [{ value: 'to_applicant', label: pick(TERMS.note_kinds.to_applicant) }] : []),
            ]}
          />
          <Textarea aria-label={t('noteText')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
          {error !== null && <Alert color="red">{errorText(error, lang)}</Alert>}
          <Button size="xs" disabled={!text.trim()} onClick={() => void save()} style={{ alignSelf: 'flex-start' }}>
            {pick(TERMS.actions.add_note)}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
