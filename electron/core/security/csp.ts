/**
 * The renderer's content security policy: scripts only from the app itself. One definition for both
 * ways the renderer is served (the desktop app's app:// handler and the host's HTTP server). Frames:
 * only the desk's own blob of a PDF it prints (renderer/src/components/print-pdf.ts).
 */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; frame-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
