/** Integrity signals' look-ups (0130, 0140). */

/** A request's ID number and name keys, with its birth date for the tolerance. */
export interface SignalPersonKeysTable {
  request_id: number;
  /** 'id' (the ID number) or 'name' (a name key of name-key.ts, its version first). */
  kind: 'id' | 'name';
  key: string;
  birth_date: string;
}
/** A photo's perceptual hash (blockhash, hex), per file content. */
export interface PhotoHashesTable {
  sha256: string;
  hash: string;
}
/** Bands of a photo's hash: two hashes within the near-identical distance share at least one band. */
export interface PhotoHashBandsTable {
  sha256: string;
  band: number;
  value: string;
}
/** Migration 0140: the date read from a document's text (text layer or OCR), per file content; `reading` is JSON (letter-date/reading.ts). */
export interface DocumentDatesTable {
  sha256: string;
  reader: number;
  source: 'text-layer' | 'ocr' | 'none';
  reading: string;
  millis: number;
  read_at: string;
}
