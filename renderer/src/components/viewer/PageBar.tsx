import { forwardRef, useState } from 'react';
import { ActionIcon, Group, Text, TextInput, Tooltip } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useLocale } from '../../i18n/locale';
import { fill } from '../../i18n/fill';
import { typedPage } from './use-current-page';

/**
 * "Page 2 of 5" following the scroll, a box to go to a page (`g` focuses it, Enter goes), and the
 * thumbnails' switch.
 */
export const PageBar = forwardRef<
  HTMLInputElement,
  { current: number; total: number; onJump(page: number): void; thumbnails: boolean; onThumbnails(shown: boolean): void }
>(function PageBar({ current, total, onJump, thumbnails, onThumbnails }, goTo) {
  const { t, formatNumber } = useLocale();
  const [typed, setTyped] = useState('');
  const go = () => {
    const n = typedPage(typed);
    if (n === null) return;
    onJump(Math.min(Math.max(n, 1), total));
    setTyped('');
  };
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" aria-live="polite" data-testid="page-of" style={{ whiteSpace: 'nowrap' }}>
        {fill(t('viewerPageOf'), { n: formatNumber(current), total: formatNumber(total) })}
      </Text>
      <Tooltip label={`${t('viewerGoToPage')} (g)`}>
        <TextInput
          ref={goTo}
          size="xs"
          w={64}
          aria-label={t('viewerGoToPage')}
          placeholder={formatNumber(current)}
          value={typed}
          inputMode="numeric"
          onChange={(e) => setTyped(e.currentTarget.value)}
          // Enter goes; Escape hands the keys back to the viewer ([ and ]). Neither is taken from the page (a dialog's Escape).
          onKeyDown={getHotkeyHandler([
            ['Enter', go, { preventDefault: false }],
            ['Escape', (e) => (e.target as HTMLElement).blur(), { preventDefault: false }],
          ])}
        />
      </Tooltip>
      {total > 1 && (
        <Tooltip label={t('viewerThumbnails')}>
          <ActionIcon
            variant={thumbnails ? 'filled' : 'default'}
            onClick={() => onThumbnails(!thumbnails)}
            aria-label={t('viewerThumbnails')}
            aria-pressed={thumbnails}
          >
            ▦
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
});
