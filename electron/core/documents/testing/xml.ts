/**
 * A small, strict XML reader for the XMP packets the PDF/A checker reads: elements, attributes,
 * text, comments and processing instructions; it throws on anything not well-formed (a tag left
 * open, an attribute unquoted, an unknown entity), which is what a PDF/A validator refuses.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string, at: number): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);|&/g, (m, e: string | undefined) => {
    if (!e) throw new Error(`XML: a bare "&" near offset ${at}`);
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    const v = ENTITIES[e];
    if (v === undefined) throw new Error(`XML: unknown entity ${m} near offset ${at}`);
    return v;
  });
}

/** The document's root element, and the processing instructions around it (xpacket). */
export function parseXml(source: string): { root: XmlElement; instructions: string[] } {
  const instructions: string[] = [];
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let i = 0;
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    const text = source.slice(i, lt < 0 ? source.length : lt);
    if (stack.length > 0) stack[stack.length - 1]!.text += decode(text, i);
    else if (text.trim() !== '' && text.trim() !== '\uFEFF') throw new Error(`XML: text outside the root element near offset ${i}`);
    if (lt < 0) break;
    if (source.startsWith('<?', lt)) {
      const end = source.indexOf('?>', lt);
      if (end < 0) throw new Error(`XML: processing instruction not closed at offset ${lt}`);
      instructions.push(source.slice(lt + 2, end));
      i = end + 2;
    } else if (source.startsWith('<!--', lt)) {
      const end = source.indexOf('-->', lt);
      if (end < 0) throw new Error(`XML: comment not closed at offset ${lt}`);
      i = end + 3;
    } else if (source.startsWith('</', lt)) {
      const end = source.indexOf('>', lt);
      const name = source.slice(lt + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`XML: </${name}> closes ${open ? `<${open.name}>` : 'nothing'} at offset ${lt}`);
      i = end + 1;
    } else {
      const m = /^<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(source.slice(lt));
      if (!m) throw new Error(`XML: malformed tag at offset ${lt}`);
      const attrs: Record<string, string> = {};
      for (const a of m[2]!.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (a[1]! in attrs) throw new Error(`XML: attribute ${a[1]} twice at offset ${lt}`);
        attrs[a[1]!] = decode(a[2] ?? a[3] ?? '', lt);
      }
      const el: XmlElement = { name: m[1]!, attrs, children: [], text: '' };
      if (stack.length > 0) stack[stack.length - 1]!.children.push(el);
      else if (root) throw new Error(`XML: a second root element <${el.name}> at offset ${lt}`);
      else root = el;
      if (m[3] !== '/') stack.push(el);
      i = lt + m[0].length;
    }
  }
  if (stack.length > 0) throw new Error(`XML: <${stack[stack.length - 1]!.name}> is never closed`);
  if (!root) throw new Error('XML: no root element');
  return { root, instructions };
}

/** Every element below `el` (itself included), depth first. */
export function* descendants(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* descendants(c);
}
