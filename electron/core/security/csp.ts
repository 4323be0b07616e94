/**
 * The renderer's content security policy: scripts only from the app itself. One definition for both
 * ways the renderer is served (the desktop app's app:// handler and the host's HTTP server).
 */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
