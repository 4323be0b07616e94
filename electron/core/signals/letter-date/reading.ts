import type { FoundDate } from './find-dates';

/**
 * What reading one document gave: where the text came from and every date in it, with its page. Kept per
 * file content (document-dates.ts); which date is the letter's is decided per request (pick-date.ts).
 */
export type ReadingSource = 'text-layer' | 'ocr' | 'none';

/** Bumped when the reading improves (new formats, better OCR settings): kept readings of an older reader are read again. */
export const READER_VERSION = 1;

export interface PageDate extends FoundDate {
  /** The page the date is on, from 1 (1 for an image). */
  page: number;
}

export interface DocumentReading {
  source: ReadingSource;
  dates: PageDate[];
  pages: number;
  /** How many letters and digits the text held: 0 means nothing was read at all. */
  characters: number;
  /** The OCR languages used ("ara+eng"), null for a text layer. */
  languages: string | null;
  /** Why nothing could be read (a damaged file, an image OCR cannot open); null when the text was read. */
  problem: string | null;
  millis: number;
}

/** At most this many dates are kept per document: a letter has a handful; a 40-page annex is not read for all of them. */
export const MAX_DATES = 40;
