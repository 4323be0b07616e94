import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

/**
 * The text an extractor is told a line says (its ActualText), spelled so that poppler's pdftotext
 * reads it back in logical order.
 *
 * Poppler does not run the Unicode bidi algorithm. It decides once per page whether the page reads
 * left to right (at least as many left-to-right letters as right-to-left ones), takes each line's
 * characters left to right, and cuts them into sections: on a left-to-right page a right-to-left
 * section runs until a letter or number (digits, and the separators , . : / - ، of a number) and is
 * reversed, the rest is kept as it is; on a right-to-left page the sections are taken from the
 * right. So "ألف، باء" set right to left comes back as "باء،ألف" on a page of English: the Arabic
 * comma ends the section. The spelling here puts the sections where poppler looks for them, page
 * by page: logical order, right-to-left pieces reversed, and a direction mark (RLM, LRM) only where
 * a piece would otherwise swallow its neighbour's spaces or brackets.
 */
export type PopplerClass = 'L' | 'R' | 'N' | 'X';

const RLM = '\u200f';
const LRM = '\u200e';

/** How poppler classes a character: a left-to-right letter, a right-to-left one, a number (or its separator), or neutral. */
export function popplerClass(ch: string): PopplerClass {
  let known = CLASSES.get(ch);
  if (known === undefined) {
    known = classOf(ch);
    CLASSES.set(ch, known);
  }
  return known;
}

const CLASSES = new Map<string, PopplerClass>();

function classOf(ch: string): PopplerClass {
  const type = bidi.getBidiCharTypeName(ch);
  if (type === 'L') return 'L';
  if (type === 'R' || type === 'AL') return 'R';
  if (type === 'EN' || type === 'AN' || type === 'ES' || type === 'ET' || type === 'CS') return 'N';
  return 'X';
}

/** Left-to-right letters minus right-to-left ones: what poppler counts to decide a page's direction. */
export function popplerWeight(text: string): number {
  let weight = 0;
  for (const ch of text) {
    const c = popplerClass(ch);
    if (c === 'L') weight++;
    else if (c === 'R') weight--;
  }
  return weight;
}

/** Poppler's reordering of one line (TextOutputDev's reorderText), for choosing a spelling and for tests. */
export function popplerReorder(text: string, leftToRightPage: boolean): string {
  const chars = [...text];
  const cls = chars.map(popplerClass);
  const strong = (k: number) => cls[k] === 'L' || cls[k] === 'N';
  let out = '';
  if (leftToRightPage) {
    let i = 0;
    while (i < chars.length) {
      let j = i;
      while (j < chars.length && cls[j] !== 'R') j++;
      out += chars.slice(i, j).join('');
      i = j;
      while (j < chars.length && !strong(j)) j++;
      out += chars.slice(i, j).reverse().join('');
      i = j;
    }
    return out;
  }
  let i = chars.length - 1;
  while (i >= 0) {
    let j = i;
    while (j >= 0 && !strong(j)) j--;
    out += chars
      .slice(j + 1, i + 1)
      .reverse()
      .join('');
    i = j;
    while (j >= 0 && cls[j] !== 'R') j--;
    out += chars.slice(j + 1, i + 1).join('');
    i = j;
  }
  return out;
}

const MARKS = /[\u200e\u200f]/g;

/**
 * The spelling of `logical` that poppler, on a page of the given direction, reads back as
 * `logical` (direction marks aside): the plainest one that works, marks added only when needed.
 */
export function extractionText(logical: string, leftToRightPage: boolean): string {
  return spelled(logical, leftToRightPage).text;
}

/** The popplerWeight of that spelling, which decides the page's direction (kept with the spelling: a page asks for each of its lines). */
export function extractionWeight(logical: string, leftToRightPage: boolean): number {
  return spelled(logical, leftToRightPage).weight;
}

function spelled(logical: string, leftToRightPage: boolean): { text: string; weight: number } {
  const key = `${leftToRightPage ? 'l' : 'r'}${logical}`;
  let known = SPELLINGS.get(key);
  if (known === undefined) {
    const text = spelling(logical, leftToRightPage);
    known = { text, weight: popplerWeight(text) };
    if (SPELLINGS.size >= 20_000) SPELLINGS.delete(SPELLINGS.keys().next().value!);
    SPELLINGS.set(key, known);
  }
  return known;
}

/** Lines repeat from card to card and page to page. */
const SPELLINGS = new Map<string, { text: string; weight: number }>();

function spelling(logical: string, leftToRightPage: boolean): string {
  const chars = [...logical];
  const spelled = spell(chars, leftToRightPage);
  return popplerReorder(spelled, leftToRightPage).replace(MARKS, '') === logical ? spelled : spellMarked(chars, leftToRightPage);
}

interface Piece {
  rtl: boolean;
  text: string[];
}

/**
 * Cuts the text into right-to-left pieces (right-to-left letters and the neutrals among them) and
 * the rest. A piece's neutrals at a boundary go where poppler's scan takes them: with the piece
 * before on a left-to-right page, with the piece after on a right-to-left one.
 */
function pieces(chars: string[], neutralsForward: boolean): Piece[] {
  const out: Piece[] = [];
  let pending: string[] = [];
  for (const ch of chars) {
    const c = popplerClass(ch);
    if (c === 'X') {
      if (!neutralsForward && out.length) out.at(-1)!.text.push(ch);
      else pending.push(ch);
      continue;
    }
    const rtl = c === 'R';
    const last = out.at(-1);
    // Right to left on a right-to-left page: neutrals between a number and right-to-left letters stay with the number.
    if (last && !last.rtl && rtl && pending.length) {
      last.text.push(...pending);
      pending = [];
    }
    if (last && last.rtl === rtl) last.text.push(...pending, ch);
    else out.push({ rtl, text: [...pending, ch] });
    pending = [];
  }
  if (pending.length) {
    if (out.length) out.at(-1)!.text.push(...pending);
    else out.push({ rtl: false, text: pending });
  }
  return out;
}

const endsNeutral = (p: Piece) => popplerClass(p.text.at(-1)!) === 'X';

/** The pieces in poppler's reading order, a mark only where a piece's edge neutrals would go to its neighbour. */
function spell(chars: string[], leftToRightPage: boolean): string {
  const laid = pieces(chars, !leftToRightPage).map((p) => {
    if (p.rtl) {
      const reversed = [...p.text].reverse().join('');
      return leftToRightPage && endsNeutral(p) ? `${RLM}${reversed}` : reversed;
    }
    return !leftToRightPage && endsNeutral(p) ? `${p.text.join('')}${LRM}` : p.text.join('');
  });
  return (leftToRightPage ? laid : laid.reverse()).join('');
}

/** The same with every piece fenced by marks: the fallback for a line the plainest spelling does not carry. */
function spellMarked(chars: string[], leftToRightPage: boolean): string {
  const laid = pieces(chars, !leftToRightPage).map((p) =>
    p.rtl ? `${RLM}${[...p.text].reverse().join('')}${RLM}` : `${LRM}${p.text.join('')}${LRM}`,
  );
  return (leftToRightPage ? laid : laid.reverse()).join('');
}
