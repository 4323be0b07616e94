import { lazyNow } from './components/lazy-now';

/**
 * The signed-in frame (its pages' shared code, the navigation). Loaded lazily so the sign-in form stays small
 * (bench/bundle-bytes.ts), and asked for as soon as someone types in that form (`AppFrame.preload()`): by the time the
 * password is checked the frame has arrived and compiled, and it is drawn at once (lazy-now.tsx).
 */
export const AppFrame = lazyNow(() => import('./components/AppFrame').then((m) => m.AppFrame));
