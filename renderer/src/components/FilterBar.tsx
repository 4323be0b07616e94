import { Children, useState, type ReactNode } from 'react';
import { Badge, Button, Collapse, Group } from '@mantine/core';
import { useLocale } from '../i18n/locale';

/** Screens this tall show every filter from the start. */
const TALL_SCREEN = '(min-height: 850px)';

/**
 * A line of filters that keeps a small screen for the rows: its first control (the search) and its
 * last (clear) stay on one line with a switch; the others open below it on demand (and from the
 * start on a tall screen). Closed, the switch says how many of them are set, so a narrowed list is
 * never a surprise.
 */
export function FilterBar({ children, active }: { children: ReactNode; active: number }) {
  const { t, formatNumber } = useLocale();
  // Open from the start where the screen has the height for them; a laptop's 720 pixels keep them folded,
  // and so does a render without a window (a component test's HTML).
  const [opened, setOpened] = useState(
    () => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(TALL_SCREEN).matches,
  );
  const items = Children.toArray(children);
  const first = items[0];
  const last = items.length > 1 ? items[items.length - 1] : null;
  const middle = items.slice(1, -1);
  return (
    <div style={{ flex: 1, minWidth: 0 }}>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        {first}
        <Button
          variant={opened ? 'light' : 'default'}
          onClick={() => setOpened((o) => !o)}
          aria-expanded={opened}
          rightSection={
            active > 0 ? (
              <Badge size="sm" circle aria-hidden>
                {formatNumber(active)}
              </Badge>
            ) : null
          }
        >
          {opened ? t('filtersHide') : t('filtersShow')}
        </Button>
        {last}
      </Group>
      <Collapse expanded={opened}>
        <Group gap="xs" align="flex-end" wrap="wrap" pt="xs">
          {middle}
        </Group>
      </Collapse>
    </div>
  );
}
