/**
 * The signed-in frame's module (its pages' shared code, the navigation). Loaded lazily so the sign-in form stays
 * small (bench/bundle-bytes.ts), and asked for as soon as someone types in that form: by the time the password
 * is checked the frame has arrived and compiled, instead of being fetched after the click.
 */
export const loadAppFrame = () => import('./components/AppFrame');
