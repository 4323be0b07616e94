import { useMemo, useState } from 'react';
import { Button, Group } from '@mantine/core';
import { fill } from '../i18n/fill';
import { useLocale } from '../i18n/locale';

/**
 * Rows drawn at first, and added per "Show more". The finance and print lists hold up to a thousand rows; drawing
 * them all kept the page blank for one to two seconds after each visit or change (bench/browser-actions.ts).
 */
export const ROWS_AT_A_TIME = 100;

/**
 * The first rows of `rows` to draw, and the button that draws more. `from` names what the list shows (its stage,
 * search…): another list starts again from its first rows.
 */
export function useRowsAtATime<T>(rows: T[], from: string): { drawn: T[]; more: React.ReactNode } {
  const { t, formatNumber } = useLocale();
  const [at, setAt] = useState({ from, n: ROWS_AT_A_TIME });
  const n = at.from === from ? at.n : ROWS_AT_A_TIME;
  const left = rows.length - n;
  // The same array while the rows and the count stay: a memoised table (print, finance) then skips a redraw.
  const drawn = useMemo(() => (rows.length > n ? rows.slice(0, n) : rows), [rows, n]);
  return {
    drawn,
    more:
      left > 0 ? (
        <Group>
          <Button variant="light" onClick={() => setAt({ from, n: n + ROWS_AT_A_TIME })}>
            {fill(t('showMoreRows'), { n: formatNumber(Math.min(ROWS_AT_A_TIME, left)) })}
          </Button>
        </Group>
      ) : null,
  };
}
