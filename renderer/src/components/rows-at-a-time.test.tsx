// @vitest-environment happy-dom
// A long list draws a screenful first, then the rest of its hundred once that is on the screen; "Show more" adds
// a hundred; another list (a search, a stage) starts again from its first screenful.
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { createClient, mockTransport } from '../api/client';
import { mountAs } from '../testing/dom';
import { FIRST_SCREEN, ROWS_AT_A_TIME, useRowsAtATime } from './rows-at-a-time';

const user = { id: 1, username: 'fin', displayName: 'Finance', roles: ['finance' as const] };
const ROWS = Array.from({ length: 250 }, (_, i) => i + 1);

function List() {
  const [from, setFrom] = useState('all');
  const { drawn, more } = useRowsAtATime(from === 'all' ? ROWS : ROWS.slice(0, 120), from);
  return (
    <>
      <button onClick={() => setFrom('searched')}>search</button>
      <ul>
        {drawn.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      {more}
    </>
  );
}

const drawnRows = () => screen.queryAllByRole('listitem').length;

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

describe('rows at a time', () => {
  it('a screenful first, then the hundred, then a hundred more per Show more', async () => {
    mountAs(<List />, { client: createClient(mockTransport({})), user });
    expect(drawnRows()).toBe(FIRST_SCREEN);
    await waitFor(() => expect(drawnRows()).toBe(ROWS_AT_A_TIME));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /100/ })));
    expect(drawnRows()).toBe(2 * ROWS_AT_A_TIME);
  });

  it('another list starts again from its first screenful', async () => {
    mountAs(<List />, { client: createClient(mockTransport({})), user });
    await waitFor(() => expect(drawnRows()).toBe(ROWS_AT_A_TIME));
    fireEvent.click(screen.getByRole('button', { name: 'search' }));
    expect(drawnRows()).toBe(FIRST_SCREEN);
    await waitFor(() => expect(drawnRows()).toBe(ROWS_AT_A_TIME));
    expect(screen.getByRole('button', { name: /20/ })).toBeTruthy();
  });
});
