/**
 * The request line as the host reads it: a URL that does not parse or a path with a malformed
 * percent escape (`/%E0%A4%A`) is the caller's mistake, answered 400, never an exception (a 500).
 */
export function parseRequestUrl(raw: string | undefined, port: number): URL | null {
  try {
    return new URL(raw ?? '/', `http://127.0.0.1:${port}`);
  } catch {
    return null;
  }
}

/** `decodeURIComponent`, or null when the text is not valid percent-encoded UTF-8. */
export function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}
