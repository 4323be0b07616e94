import { ltr } from './shape-line';

/**
 * Dates, times, amounts and other figures joined by - / : . , (2026-11-22, 15:53, 1448/06/12, 1,350.00) as one
 * left-to-right unit. In Arabic text the bidi algorithm makes digits after an Arabic letter Arabic
 * numbers, and a hyphen between two of them is not part of the number: "قدم في 2026-11-22" would be
 * shown, and read back by pdftotext, as 22-11-2026. Isolated, the figure is set and extracted as written.
 */
/** A figure, with the time of day when one follows a date ("2026-11-22 15:53" stays one unit, date first). */
const FIGURE = /\d+(?:[-/:.,]\d+)+(?: \d{1,2}:\d{2}(?::\d{2})?)?/g;

export function isolateFigures(text: string): string {
  return text.replace(FIGURE, (figure) => ltr(figure));
}
