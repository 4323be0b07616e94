/**
 * The operations of a PDF content stream (ISO 32000 7.8.2), for the PDF/A checker: each operator with
 * its operands. Strings keep their bytes (a Type 0 font's codes), and a hex string with an odd number
 * of digits is reported, since PDF/A forbids it.
 */
export type Operand =
  | { kind: 'number'; value: number }
  | { kind: 'name'; value: string }
  | { kind: 'string'; bytes: Uint8Array; oddHex?: true }
  | { kind: 'array'; items: Operand[] }
  | { kind: 'dict'; entries: Map<string, Operand> }
  | { kind: 'keyword'; value: string };

export interface Operation {
  op: string;
  operands: Operand[];
}

const WHITE = new Set([0, 9, 10, 12, 13, 32]);
const DELIM = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

export function contentOperations(src: Uint8Array): Operation[] {
  let i = 0;
  const peek = (k = 0) => src[i + k]!;
  const skip = () => {
    for (;;) {
      while (i < src.length && WHITE.has(peek())) i++;
      if (i < src.length && peek() === 0x25) while (i < src.length && peek() !== 10 && peek() !== 13) i++;
      else return;
    }
  };
  const regular = () => {
    const start = i;
    while (i < src.length && !WHITE.has(peek()) && !DELIM.has(peek())) i++;
    return String.fromCharCode(...src.subarray(start, i));
  };
  const value = (): Operand | 'close-array' | 'close-dict' => {
    skip();
    const c = peek();
    if (c === 0x28) return literal();
    if (c === 0x3c && peek(1) === 0x3c) {
      i += 2;
      const entries = new Map<string, Operand>();
      for (;;) {
        const k = value();
        if (k === 'close-dict') return { kind: 'dict', entries };
        if (k === 'close-array' || k.kind !== 'name') throw new Error(`content stream: a dictionary key is not a name at byte ${i}`);
        const v = value();
        if (typeof v === 'string') throw new Error(`content stream: a dictionary value is missing at byte ${i}`);
        entries.set(k.value, v);
      }
    }
    if (c === 0x3e && peek(1) === 0x3e) {
      i += 2;
      return 'close-dict';
    }
    if (c === 0x3c) return hex();
    if (c === 0x5b) {
      i++;
      const items: Operand[] = [];
      for (;;) {
        const v = value();
        if (v === 'close-array') return { kind: 'array', items };
        if (v === 'close-dict') throw new Error(`content stream: ">>" inside an array at byte ${i}`);
        items.push(v);
      }
    }
    if (c === 0x5d) {
      i++;
      return 'close-array';
    }
    if (c === 0x2f) {
      i++;
      return { kind: 'name', value: regular() };
    }
    const word = regular();
    if (word === '') throw new Error(`content stream: unexpected byte ${c} at ${i}`);
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) return { kind: 'number', value: Number(word) };
    return { kind: 'keyword', value: word };
  };
  const hex = (): Operand => {
    const end = src.indexOf(0x3e, i);
    if (end < 0) throw new Error(`content stream: hex string not closed at byte ${i}`);
    const digits = String.fromCharCode(...src.subarray(i + 1, end)).replace(/\s+/g, '');
    if (!/^[0-9A-Fa-f]*$/.test(digits)) throw new Error(`content stream: a hex string holds "${digits}"`);
    i = end + 1;
    const padded = digits.length % 2 ? `${digits}0` : digits;
    const bytes = Uint8Array.from(padded.match(/../g) ?? [], (h) => parseInt(h, 16));
    return digits.length % 2 ? { kind: 'string', bytes, oddHex: true } : { kind: 'string', bytes };
  };
  const literal = (): Operand => {
    const out: number[] = [];
    let depth = 0;
    i++;
    for (; i < src.length; i++) {
      const c = peek();
      if (c === 0x5c) {
        i++;
        const e = peek();
        const map: Record<number, number> = { 110: 10, 114: 13, 116: 9, 98: 8, 102: 12 };
        if (e >= 0x30 && e <= 0x37) {
          let oct = '';
          while (oct.length < 3 && peek() >= 0x30 && peek() <= 0x37) oct += String.fromCharCode(src[i++]!);
          i--;
          out.push(parseInt(oct, 8) & 0xff);
        } else if (e === 10 || e === 13) {
          if (e === 13 && peek(1) === 10) i++;
        } else out.push(map[e] ?? e);
      } else if (c === 0x28) {
        depth++;
        out.push(c);
      } else if (c === 0x29) {
        if (depth === 0) {
          i++;
          return { kind: 'string', bytes: Uint8Array.from(out) };
        }
        depth--;
        out.push(c);
      } else out.push(c);
    }
    throw new Error('content stream: literal string not closed');
  };

  const ops: Operation[] = [];
  let operands: Operand[] = [];
  for (;;) {
    skip();
    if (i >= src.length) break;
    const v = value();
    if (typeof v === 'string') throw new Error(`content stream: a stray "${v === 'close-array' ? ']' : '>>'}" at byte ${i}`);
    if (v.kind !== 'keyword' || ['true', 'false', 'null'].includes(v.value)) {
      operands.push(v);
      continue;
    }
    ops.push({ op: v.value, operands });
    operands = [];
    if (v.value === 'ID') {
      // Inline image data runs to the EI that stands alone.
      const end = findInlineImageEnd(src, i);
      i = end;
    }
  }
  return ops;
}

function findInlineImageEnd(src: Uint8Array, from: number): number {
  for (let k = from + 1; k + 2 < src.length; k++)
    if (WHITE.has(src[k]!) && src[k + 1] === 0x45 && src[k + 2] === 0x49 && (k + 3 >= src.length || WHITE.has(src[k + 3]!))) return k + 1;
  throw new Error('content stream: inline image without EI');
}
