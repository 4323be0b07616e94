/**
 * Reads the dates a document prints: from a PDF's text layer when it has one, else by OCR of its scanned
 * pages (an image-only PDF) or of the image itself (JPEG, PNG). Never throws for a bad file: a damaged or
 * unreadable one gives a reading with no dates and the reason, which the signal shows as "no date could be read".
 */
import { findDates } from './find-dates';
import { recogniseText, OCR_LANGUAGES } from './ocr';
import { MAX_DATES, type DocumentReading, type PageDate } from './reading';
import { scanImages } from './scan-images';
import { meaningfulCharacters, pdfText } from './text-layer';

/** Fewer letters and digits than this on the pages read: no text layer (a scan's stray OCR-less marks). */
const TEXT_LAYER_MINIMUM = 20;

const OCR_MIMES = new Set(['image/jpeg', 'image/png']);

const datesOf = (pages: string[]): PageDate[] => pages.flatMap((text, i) => findDates(text).map((d) => ({ ...d, page: i + 1 }))).slice(0, MAX_DATES);

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 300);

export async function readDocument(bytes: Uint8Array, mime: string): Promise<DocumentReading> {
  const started = performance.now();
  const done = (r: Omit<DocumentReading, 'millis'>): DocumentReading => ({ ...r, millis: Math.round(performance.now() - started) });
  const nothing = { dates: [], pages: 0, characters: 0, languages: null };
  if (OCR_MIMES.has(mime)) {
    try {
      const text = await recogniseText(bytes);
      return done({
        source: 'ocr',
        dates: datesOf([text]),
        pages: 1,
        characters: meaningfulCharacters(text),
        languages: OCR_LANGUAGES,
        problem: null,
      });
    } catch (e) {
      return done({ source: 'ocr', ...nothing, languages: OCR_LANGUAGES, problem: `OCR could not read the image: ${errorText(e)}` });
    }
  }
  if (mime !== 'application/pdf') return done({ source: 'none', ...nothing, problem: `a ${mime} file is neither a PDF nor an image OCR reads` });
  let layer;
  try {
    layer = await pdfText(bytes);
  } catch (e) {
    return done({ source: 'none', ...nothing, problem: `the PDF could not be opened: ${errorText(e)}` });
  }
  const characters = layer.pages.reduce((n, p) => n + meaningfulCharacters(p), 0);
  const fromText = datesOf(layer.pages);
  const textReading = { source: 'text-layer' as const, dates: fromText, pages: layer.pages.length, characters, languages: null, problem: null };
  if (characters >= TEXT_LAYER_MINIMUM && fromText.length > 0) return done(textReading);
  // No text layer, or one without a date (a typed cover over a scanned letter): the scanned pages are read.
  let scans;
  try {
    scans = await scanImages(bytes);
  } catch (e) {
    return done(
      characters >= TEXT_LAYER_MINIMUM ? textReading : { source: 'none', ...nothing, problem: `the PDF's pages could not be read: ${errorText(e)}` },
    );
  }
  if (scans.images.length === 0) {
    if (characters >= TEXT_LAYER_MINIMUM) return done(textReading);
    const why =
      scans.unreadable.length > 0
        ? `its scans are encoded as ${scans.unreadable.join(', ')}, which OCR here cannot open`
        : 'it has neither text nor a scanned image';
    return done({ source: 'none', ...nothing, pages: layer.pages.length, problem: `no date could be read from the PDF: ${why}` });
  }
  const texts: string[] = [];
  try {
    for (const image of scans.images) texts[image.page - 1] = await recogniseText(image.bytes);
  } catch (e) {
    return done({ source: 'ocr', ...nothing, languages: OCR_LANGUAGES, problem: `OCR could not read the scanned pages: ${errorText(e)}` });
  }
  const pages = Array.from({ length: layer.pages.length }, (_, i) => texts[i] ?? '');
  const dates = datesOf(pages);
  return done({
    source: 'ocr',
    dates,
    pages: scans.images.length,
    characters: meaningfulCharacters(pages.join('\n')),
    languages: OCR_LANGUAGES,
    problem: null,
  });
}
