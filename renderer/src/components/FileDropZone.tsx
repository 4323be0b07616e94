import { useState, type DragEvent, type Ref } from 'react';
import { Button, FileButton, Paper, Stack, Text } from '@mantine/core';

/**
 * A dashed zone a file is dropped on, with a button to pick one instead (the keyboard's way in).
 * It only hands the files over: what is accepted and what happens to them is the page's to say.
 */
export function FileDropZone({
  label,
  help,
  chooseLabel,
  accept,
  multiple = false,
  busy,
  resetRef,
  onFiles,
}: {
  /** Says what to drop; also names the zone for a screen reader. */
  label: string;
  help?: string;
  chooseLabel: string;
  /** What the picker offers (a dropped file is not filtered: the page checks it). */
  accept: string;
  multiple?: boolean;
  busy?: boolean;
  /** Clears the picker, so the same file can be picked again. */
  resetRef?: Ref<() => void>;
  onFiles: (files: File[]) => void;
}) {
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    onFiles([...e.dataTransfer.files]);
  };
  return (
    <Paper
      withBorder
      p="xl"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      bg={over ? 'teal.0' : undefined}
      style={{ borderStyle: 'dashed', textAlign: 'center' }}
      aria-label={label}
    >
      <Stack align="center" gap="xs">
        <Text>{label}</Text>
        {help && (
          <Text size="xs" c="dimmed">
            {help}
          </Text>
        )}
        <FileButton<boolean>
          onChange={(picked) => onFiles(Array.isArray(picked) ? picked : picked ? [picked] : [])}
          accept={accept}
          multiple={multiple}
          resetRef={resetRef}
        >
          {(props) => (
            <Button {...props} loading={busy}>
              {chooseLabel}
            </Button>
          )}
        </FileButton>
      </Stack>
    </Paper>
  );
}
