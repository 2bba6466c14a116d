/**
 * Checks that a document is well-formed XML as far as the SVG Foresight writes can go: one root element, every tag
 * closed in order, attributes quoted, no raw `<` or stray `&` in text or attribute values, and no character XML 1.0
 * forbids. Returns the problems found (none: well-formed). Node has no XML parser of its own, and the repo no XML
 * package; this reads the subset strictly rather than guess at the rest (no DOCTYPE, CDATA or processing
 * instructions: their presence is itself reported).
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  // eslint-disable-next-line no-control-regex -- finding the characters XML forbids is the point
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(xml)) problems.push('a character XML 1.0 forbids');
  const text = (t: string, where: string) => {
    if (t.includes('<')) problems.push(`a raw < in ${where}`);
    for (const m of t.matchAll(/&([^;\s]*);?/g)) {
      if (!/^(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+)$/.test(m[1] ?? '') || !m[0].endsWith(';')) problems.push(`a stray & in ${where}: ${m[0]}`);
    }
  };
  const stack: string[] = [];
  let roots = 0;
  let at = 0;
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
  while (at < xml.length) {
    const open = xml.indexOf('<', at);
    const between = xml.slice(at, open === -1 ? xml.length : open);
    if (stack.length === 0 && between.trim()) problems.push(`text outside the root: ${between.trim().slice(0, 40)}`);
    text(between, 'text');
    if (open === -1) break;
    tag.lastIndex = open;
    const m = tag.exec(xml);
    if (!m) {
      problems.push(`a tag that does not read at ${open}: ${xml.slice(open, open + 40)}`);
      break;
    }
    const [whole, closing, name, attributes, selfClosing] = m as unknown as [string, string, string, string, string];
    const names = new Set<string>();
    for (const a of attributes.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      if (names.has(a[1] as string)) problems.push(`attribute ${a[1]} twice on <${name}>`);
      names.add(a[1] as string);
      text(a[2] ?? a[3] ?? '', `attribute ${a[1]} of <${name}>`);
    }
    if (closing) {
      if (stack.pop() !== name) problems.push(`</${name}> closes a tag it did not open`);
    } else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name);
    } else if (stack.length === 0) roots++;
    at = open + whole.length;
  }
  if (stack.length) problems.push(`not closed: <${stack.join('>, <')}>`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

/** The text of every element of a kind (its content with tags removed, entities read back). */
export function elementTexts(xml: string, element: string): string[] {
  const unescape = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(new RegExp(`<${element}(?:\\s[^>]*)?>([\\s\\S]*?)</${element}>`, 'g'))].map((m) => unescape((m[1] ?? '').replace(/<[^>]*>/g, '')));
}
