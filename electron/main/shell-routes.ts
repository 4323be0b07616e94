/** The addresses the main process may send the page to (deep-links.ts routeFor): nothing else passes the preload. */
export const isShellRoute = (v: unknown): v is string =>
  typeof v === 'string' && v.length <= 3100 && /^#\/(case\/REQ-\d{4}-\d{6}|verify\/[A-Za-z0-9%._~!*'()-]{1,3000}|import)$/.test(v);
