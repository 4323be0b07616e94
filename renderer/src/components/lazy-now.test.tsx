// @vitest-environment happy-dom
// lazyNow: a module that has arrived is drawn at once (no fallback, so no 300 ms hold); one still on its way is
// drawn through Suspense; a failed fetch is tried again.
import { Suspense, type ComponentType } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { lazyNow } from './lazy-now';

const Greeting: ComponentType<{ name: string }> = ({ name }) => <p>hello {name}</p>;

/** A module fetch the test settles by hand. */
function pendingModule() {
  let settle!: { resolve(c: ComponentType<{ name: string }>): void; reject(e: Error): void };
  const fetched = new Promise<ComponentType<{ name: string }>>((resolve, reject) => (settle = { resolve, reject }));
  return { fetched, settle };
}

function draw(C: ComponentType<{ name: string }>) {
  return render(
    <Suspense fallback={<p>loading</p>}>
      <C name="Sara" />
    </Suspense>,
  );
}

afterEach(cleanup);

describe('lazyNow', () => {
  it('draws a component whose module has arrived in the first render, with no fallback', async () => {
    const { fetched, settle } = pendingModule();
    const C = lazyNow(() => fetched);
    const preloaded = C.preload();
    settle.resolve(Greeting);
    await preloaded;
    draw(C);
    // Synchronously: no act() flush, no fallback in between.
    expect(screen.getByText('hello Sara')).toBeTruthy();
    expect(screen.queryByText('loading')).toBeNull();
  });

  it('shows the fallback while the module is on its way, then the component', async () => {
    const { fetched, settle } = pendingModule();
    const C = lazyNow(() => fetched);
    draw(C);
    expect(screen.getByText('loading')).toBeTruthy();
    await act(async () => settle.resolve(Greeting));
    expect(await screen.findByText('hello Sara')).toBeTruthy();
  });

  it('fetches once however often it is preloaded, and again after a failure', async () => {
    let calls = 0;
    let fail = true;
    const C = lazyNow(() => {
      calls++;
      return fail ? Promise.reject(new Error('offline')) : Promise.resolve(Greeting);
    });
    await expect(Promise.all([C.preload(), C.preload()])).rejects.toThrow('offline');
    expect(calls).toBe(1);
    fail = false;
    await C.preload();
    await C.preload();
    expect(calls).toBe(2);
    draw(C);
    expect(screen.getByText('hello Sara')).toBeTruthy();
  });
});
