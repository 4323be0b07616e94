/**
 * A name reduced to what survives transliteration, so "محمد بن عبدالله آل سعود", "Mohammed Abdullah Al Saud"
 * and "Muhammad bin Abdallah Alsaud" meet. Each part becomes its consonant skeleton in one small Latin
 * alphabet: vowels, long-vowel letters (ا و ي ى), ع and every hamza form are dropped (they are written
 * or not, or spelt a, e, i, o, u, w, y, ' at will); letters transliterated alike become one (ح/ه → h,
 * خ/kh → k, ق/q/k/c → k, ث/ت/ط/th → t, ذ/د/ض/ظ/dh → d, س/ص → s, ش/sh → x, غ/gh → g); doubled letters
 * (shadda, "mm") become one; a part's final h/ه/ة goes (ta marbuta: "Noura", "Nourah", "نورة").
 * Particles go: bin/ibn/bint/ben/بن/ابن/بنت, and Al/El/آل/ال before a family name. "عبد/Abdul/Abdel …"
 * is joined to the name it belongs to ("عبد الرحمن" = "Abdulrahman" = "Abdel Rahman").
 *
 * The key is deliberately coarse (the index finds candidates); namesAgree() then compares the parts.
 */
import { normaliseArabic } from '../../../shared/arabic';

/** Bumped when the skeleton changes: keys of another version are never compared (a migration re-indexes). */
export const NAME_KEY_VERSION = 'n1';

const PARTICLES = new Set(['bin', 'ibn', 'bint', 'ben', 'binti', 'بن', 'ابن', 'بنت', 'al', 'el', 'ال', 'ال']);

const ARABIC_SKELETON: Record<string, string> = {
  ب: 'b',
  ت: 't',
  ث: 't',
  ج: 'j',
  ح: 'h',
  خ: 'k',
  د: 'd',
  ذ: 'd',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'x',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'd',
  غ: 'g',
  ف: 'f',
  ق: 'k',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  // Dropped: ا و ي ى ع ء ة and the hamza seats (folded to ا/و/ي by normaliseArabic).
};

function arabicSkeleton(part: string): string {
  let s = part;
  if (s.length > 3 && s.startsWith('ال')) s = s.slice(2);
  // Final ta marbuta (folded to ه) or h is written or not: "فاطمة" / "Fatima" / "Fatimah".
  s = s.replace(/[هة]$/, '');
  let out = '';
  for (const ch of s) out += ARABIC_SKELETON[ch] ?? '';
  return collapse(out);
}

function latinSkeleton(part: string, isFamily: boolean): string {
  let s = part.toLowerCase();
  if (isFamily && s.length > 4 && /^[ae]l/.test(s)) s = s.slice(2);
  // "Fatimah", "Abdullah": a vowel's final h is the ta marbuta or ه the Arabic side drops too; "Rajesh" keeps it.
  s = s.replace(/([aeiou])h$/, '$1');
  s = s
    .replace(/kh/g, 'k')
    .replace(/sh|ch/g, 'x')
    .replace(/th/g, 't')
    .replace(/dh/g, 'd')
    .replace(/gh/g, 'g')
    .replace(/ph/g, 'f')
    .replace(/[qc]/g, 'k')
    .replace(/v/g, 'f')
    .replace(/p/g, 'b')
    .replace(/[aeiouwy]/g, '');
  return collapse(s.replace(/[^a-z]/g, ''));
}

const collapse = (s: string) => s.replace(/(.)\1+/g, '$1');

const isArabic = (s: string) => /[\u0600-\u06FF]/.test(s);

/** The name's parts, particles dropped and "عبد …"/"Abdul …" joined, each as its skeleton; empty parts dropped. */
export function nameParts(name: string): string[] {
  const arabic = isArabic(name);
  let raw = (
    arabic
      ? normaliseArabic(name)
      : name
          .normalize('NFKD')
          .replace(/[\u0300-\u036f]/g, '')
          .toLowerCase()
  )
    .replace(/[-_'`’‘.,]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  // "عبد الرحمن" / "Abdul Rahman" / "Abu Bakr": one name written as two words.
  const joined: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const w = raw[i]!;
    if (/^(عبد|ابو|abd|abdul|abdel|abdal|abdu|abdur|abdus|abu)$/.test(w) && i + 1 < raw.length) {
      joined.push(w + raw[++i]!);
    } else joined.push(w);
  }
  raw = joined.filter((w) => !PARTICLES.has(w));
  // "عبدالرحمن" and "Abdulrahman", "Abdur Rahman": the article inside the compound is spelt every way.
  raw = raw.map((w) => w.replace(/^عبدال/, 'عبد').replace(/^abd(?:[uea]l|[ue](?=[rsztdn]))/, 'abd'));
  const parts = raw.map((w, i) => (arabic ? arabicSkeleton(w) : latinSkeleton(w, i === raw.length - 1 && raw.length > 1)));
  return parts.filter((p) => p.length > 0);
}

/**
 * Index keys of a name: `F:first|second|last` for three parts or more, and `P:first|last` beside it so a
 * two-part name finds it; `S:first|last` for a two-part name. looksUpKeys() gives the keys to look for.
 */
export function nameKeys(name: string): string[] {
  const p = nameParts(name);
  if (p.length < 2) return p.length === 1 ? [`${NAME_KEY_VERSION}:S:${p[0]}`] : [];
  const fl = `${p[0]}|${p[p.length - 1]}`;
  if (p.length === 2) return [`${NAME_KEY_VERSION}:S:${fl}`];
  return [`${NAME_KEY_VERSION}:F:${p[0]}|${p[1]}|${p[p.length - 1]}`, `${NAME_KEY_VERSION}:P:${fl}`];
}

/** The stored keys a name should be looked up by: a full name meets full and two-part names; a two-part name meets both. */
export function lookUpKeys(name: string): string[] {
  const p = nameParts(name);
  if (p.length < 2) return p.length === 1 ? [`${NAME_KEY_VERSION}:S:${p[0]}`] : [];
  const fl = `${p[0]}|${p[p.length - 1]}`;
  if (p.length === 2) return [`${NAME_KEY_VERSION}:S:${fl}`, `${NAME_KEY_VERSION}:P:${fl}`];
  return [`${NAME_KEY_VERSION}:F:${p[0]}|${p[1]}|${p[p.length - 1]}`, `${NAME_KEY_VERSION}:S:${fl}`];
}

/**
 * Whether two names can be the same person's: same first and last part, and the middle parts of the shorter
 * one found in order among the longer one's (a grandfather's name left out is fine, a different father is not).
 */
export function namesAgree(a: string, b: string): boolean {
  const pa = nameParts(a);
  const pb = nameParts(b);
  if (pa.length < 2 || pb.length < 2) return pa.length > 0 && pa.join('|') === pb.join('|');
  if (pa[0] !== pb[0] || pa[pa.length - 1] !== pb[pb.length - 1]) return false;
  const [short, long] = pa.length <= pb.length ? [pa, pb] : [pb, pa];
  const midS = short.slice(1, -1);
  const midL = long.slice(1, -1);
  // A two-part name says nothing of the middle; a longer one must agree on the father's name at least.
  if (midS.length > 0 && midS[0] !== midL[0]) return false;
  let j = 0;
  for (const m of midL) if (j < midS.length && m === midS[j]) j++;
  return j === midS.length;
}

/** Any of the names of one applicant (Arabic, English) agreeing with any of the other's. */
export function anyNamesAgree(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.some((y) => namesAgree(x, y)));
}
