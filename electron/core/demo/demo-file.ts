/** A file the demo desk attaches to a request: its bytes, type, digest and name. */
export interface DemoFile {
  bytes: Uint8Array;
  mime: 'application/pdf' | 'image/jpeg';
  sha256: string;
  fileName: string;
}
