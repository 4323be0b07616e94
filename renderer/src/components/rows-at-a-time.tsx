import { startTransition, useEffect, useMemo, useState } from 'react';
import { Button, Group } from '@mantine/core';
import { fill } from '../i18n/fill';
import { useLocale } from '../i18n/locale';

/**
 * Rows drawn at first, and added per "Show more". The finance and print lists hold up to a thousand rows; drawing
 * them all kept the page blank for one to two seconds after each visit or change (bench/browser-actions.ts).
 */
export const ROWS_AT_A_TIME = 100;

/**
 * A screenful, drawn first: the rest of the hundred follow as a transition once it is on the screen. A hundred
 * finance rows (two calendars each) took 300 ms of React and Mantine after the list arrived, the screen blank meanwhile.
 */
export const FIRST_SCREEN = 25;

/**
 * The first rows of `rows` to draw, and the button that draws more. `from` names what the list shows (its stage,
 * search…): another list starts again from its first rows.
 */
export function useRowsAtATime<T>(rows: T[], from: string): { drawn: T[]; more: React.ReactNode } {
  const { t, formatNumber } = useLocale();
  const [at, setAt] = useState({ from, n: ROWS_AT_A_TIME });
  const n = at.from === from ? at.n : ROWS_AT_A_TIME;
  const left = rows.length - n;
  // Which list has had its first screenful drawn (then the whole hundred are).
  const [screened, setScreened] = useState<string | null>(null);
  const hasRows = rows.length > 0;
  useEffect(() => {
    if (!hasRows || screened === from) return;
    // The frame after the first screenful was painted; a transition, so typing or a click comes first.
    const frame = requestAnimationFrame(() => startTransition(() => setScreened(from)));
    return () => cancelAnimationFrame(frame);
  }, [hasRows, screened, from]);
  const shown = screened === from ? n : Math.min(n, FIRST_SCREEN);
  // The same array while the rows and the count stay: a memoised table (print, finance) then skips a redraw.
  const drawn = useMemo(() => (rows.length > shown ? rows.slice(0, shown) : rows), [rows, shown]);
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
