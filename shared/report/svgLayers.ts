/**
 * A figure's SVG cut into layers, for drawing it on a canvas a part at a time. The window parses, styles and lays out
 * an SVG image in one go, and then lays it out again to draw it: for the systems map of a long review (5,000 px wide,
 * 500 labels) that is longer than the window may stop for. Each layer is a whole SVG: the figure's own opening tag,
 * its definitions and styles (which its elements refer to by id), then a run of its top-level elements of about
 * `size` characters. Drawn in order one over another, the layers make the same picture as the whole.
 *
 * The SVG is read as the figure writers write it: elements with quoted attributes, comments, text. Anything else (a
 * DOCTYPE, a root that cannot be found) leaves it whole, one layer, drawn as before.
 */

/** Top-level elements that paint nothing themselves but are referred to by others: every layer has them. */
const SHARED = new Set(['defs', 'style', 'marker', 'linearGradient', 'radialGradient', 'pattern', 'clipPath', 'mask', 'filter', 'symbol']);

/**
 * One token of the markup: a comment, CDATA, a processing instruction, a closing tag, an opening or empty-element tag
 * (group 1 its name, group 2 its `/` when empty; attribute values may hold `>`), or text.
 */
const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<\/[^\s>]+\s*>|<([^\s/>!?]+)(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>|[^<]+/y;

/** The element's name without its namespace prefix: `svg:defs` is `defs`. */
const localName = (name: string) => name.slice(name.indexOf(':') + 1);

export function svgLayers(svg: string, size: number): string[] {
  TOKEN.lastIndex = 0;
  // The prolog (an XML declaration, comments, space), then the root's opening tag.
  let token = TOKEN.exec(svg);
  while (token && token[1] === undefined) {
    if (!/^(?:<\?|<!--|\s)/.test(token[0])) return [svg];
    token = TOKEN.exec(svg);
  }
  if (!token || token[2]) return [svg];
  const opening = svg.slice(0, TOKEN.lastIndex);

  const shared: string[] = [];
  const runs: string[] = [];
  let run = '';
  let depth = 0;
  let start = TOKEN.lastIndex;
  let name = '';
  for (;;) {
    const at = TOKEN.lastIndex;
    token = TOKEN.exec(svg);
    if (!token) return [svg];
    const [markup, opened, empty] = token;
    if (opened !== undefined && !empty) {
      if (depth === 0) [start, name] = [at, opened];
      depth++;
      continue;
    }
    if (markup.startsWith('</')) {
      if (depth === 0) break;
      if (--depth > 0) continue;
    } else if (depth > 0) continue;
    else if (opened !== undefined) [start, name] = [at, opened];
    else {
      // Text and comments between top-level elements: space, kept where it was.
      run += markup;
      continue;
    }
    // A whole top-level element, from `start` to here.
    const element = svg.slice(start, TOKEN.lastIndex);
    if (SHARED.has(localName(name))) shared.push(element);
    else {
      run += element;
      if (run.length >= size) {
        runs.push(run);
        run = '';
      }
    }
  }
  // The root's closing tag has just been read.
  const closing = token[0];
  if (run.trim()) runs.push(run);
  if (runs.length < 2) return [svg];
  const head = opening + shared.join('');
  return runs.map((r) => head + r + closing);
}
