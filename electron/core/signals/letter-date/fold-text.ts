/**
 * Text folded for date matching: Arabic-Indic digits to ASCII, Arabic letter variants to one form
 * (أ إ آ → ا, ى → ي), tatweel and harakat dropped, Latin lower-cased. Each folded character keeps the
 * index of the character it came from, so a match is shown to the reviewer as the document wrote it.
 */
export interface FoldedText {
  text: string;
  /** origin[i] is the index in the original of folded character i. */
  origin: number[];
}

const DIGITS = ['٠١٢٣٤٥٦٧٨٩', '۰۱۲۳۴۵۶۷۸۹'];
const LETTERS: Record<string, string> = { أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ى: 'ي' };
/** Tatweel, harakat (fathatan to sukun, superscript alef) and the invisible bidi marks PDFs carry. */
const dropped = (code: number) =>
  code === 0x0640 ||
  (code >= 0x064b && code <= 0x0652) ||
  code === 0x0670 ||
  (code >= 0x200b && code <= 0x200f) ||
  (code >= 0x202a && code <= 0x202e) ||
  (code >= 0x2066 && code <= 0x2069);

export function foldText(original: string): FoldedText {
  let text = '';
  const origin: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const ch = original[i]!;
    if (dropped(ch.charCodeAt(0))) continue;
    let out = LETTERS[ch] ?? ch;
    for (const set of DIGITS) {
      const d = set.indexOf(ch);
      if (d >= 0) out = String(d);
    }
    // Arabic comma and date separators written with the Arabic slash read as their ASCII forms.
    if (ch === '،') out = ',';
    if (ch === '\u066b' || ch === '\u066c') out = '/';
    text += out.toLowerCase();
    origin.push(i);
  }
  return { text, origin };
}

/** The original characters behind folded[start, end). */
export function originalSlice(original: string, folded: FoldedText, start: number, end: number): string {
  if (end <= start) return '';
  return original.slice(folded.origin[start], folded.origin[end - 1]! + 1);
}
