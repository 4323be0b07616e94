import { lazy, useState, type ComponentType } from 'react';

/**
 * React.lazy, except that a component whose module has already arrived (fetched while the user typed or read) is
 * drawn at once. React.lazy suspends on its first render even then, and React keeps a fallback it has shown for
 * at least 300 ms (its FALLBACK_THROTTLE_MS) before it reveals what came: a third of a second lost after every
 * sign-in and on every first PDF preview (bench/browser-actions.ts). `preload` starts the fetch early.
 */
export function lazyNow<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> & { preload(): Promise<unknown> } {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        // A failed fetch (the desk restarted, a new build) is tried again on the next use.
        loading = null;
        throw e;
      },
    ));
  const Lazy = lazy(() => preload().then((c) => ({ default: c })));
  function LazyNow(props: P) {
    // Chosen once per mount: switching an element's type later would remount it and lose its state.
    const [Chosen] = useState<ComponentType<P>>(() => loaded ?? (Lazy as unknown as ComponentType<P>));
    return <Chosen {...props} />;
  }
  return Object.assign(LazyNow, { preload });
}
