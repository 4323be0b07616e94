// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { createClient, mockTransport } from '../api/client';
import { mountAs } from '../testing/dom';
import { QueryStatus } from './QueryStatus';

const user = { id: 1, username: 'rev', displayName: 'Reviewer', roles: ['reviewer' as const] };
const show = (query: { isPending: boolean; isError: boolean; error: unknown }) =>
  mountAs(<QueryStatus query={query} />, { client: createClient(mockTransport({})), user });

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

describe('what a query shows before it has data', () => {
  it('a spinner announced as loading while it loads', () => {
    show({ isPending: true, isError: false, error: null });
    expect(screen.getByRole('status', { name: 'Loading…' })).toBeTruthy();
  });

  it('its error, worded for people, when it fails; nothing once it has data', () => {
    show({ isPending: false, isError: true, error: new Error('boom') });
    expect(screen.queryByRole('status')).toBeNull();
    expect(document.body.textContent).toContain('Try again');
    cleanup();
    show({ isPending: false, isError: false, error: null });
    expect(screen.queryByRole('status')).toBeNull();
    expect(document.body.textContent).not.toContain('Try again');
  });
});
