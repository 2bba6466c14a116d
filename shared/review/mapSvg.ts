import { LINE_HEIGHT, NODE_PADDING, type BoxKind, type DrawnEdge, type DrawnMap, type LayoutRequest } from './mapLayout.js';

/** The two ends of a link: the middle of the box's side (bottom and top down the AcciMap, right and left across the flow), moved along it by the link's shift. */
export function linkEnds(
  from: { x: number; y: number; width: number; height: number },
  to: { x: number; y: number; width: number; height: number },
  edge: Pick<DrawnEdge, 'fromShift' | 'toShift'>,
  direction: LayoutRequest['direction'],
): { sx: number; sy: number; tx: number; ty: number } {
  return direction === 'DOWN'
    ? { sx: from.x + from.width / 2 + edge.fromShift, sy: from.y + from.height, tx: to.x + to.width / 2 + edge.toShift, ty: to.y }
    : { sx: from.x + from.width, sy: from.y + from.height / 2 + edge.fromShift, tx: to.x, ty: to.y + to.height / 2 + edge.toShift };
}

/** A link's curve, leaving and arriving square to the boxes' sides. The screen (React Flow) and the exports both draw this. */
export function linkPath(sx: number, sy: number, tx: number, ty: number, direction: LayoutRequest['direction']): string {
  const r = (n: number) => Math.round(n * 10) / 10;
  if (direction === 'DOWN') {
    const k = Math.max(30, Math.abs(ty - sy) / 2);
    return `M${r(sx)},${r(sy)} C${r(sx)},${r(sy + k)} ${r(tx)},${r(ty - k)} ${r(tx)},${r(ty)}`;
  }
  const k = Math.max(30, Math.abs(tx - sx) / 2);
  return `M${r(sx)},${r(sy)} C${r(sx + k)},${r(sy)} ${r(tx - k)},${r(ty)} ${r(tx)},${r(ty)}`;
}

/** Where a link's label sits: just above the link, beside the box at the end it belongs to. */
export function labelPlace(sx: number, sy: number, tx: number, ty: number, at: DrawnEdge['labelAt']): { x: number; y: number; anchor: 'start' | 'end' } {
  return at === 'start' ? { x: sx + 8, y: sy - 6, anchor: 'start' } : { x: tx - 14, y: ty - 6, anchor: 'end' };
}

/** The look of each kind of box, in GOV.UK colours: black for factors, blue for findings, grey for episodes. */
const BOX_STYLE: Record<BoxKind, { fill: string; stroke: string; width: number }> = {
  factor: { fill: '#ffffff', stroke: '#0b0c0c', width: 2 },
  finding: { fill: '#ffffff', stroke: '#1d70b8', width: 3 },
  episode: { fill: '#f3f2f1', stroke: '#505a5f', width: 2 },
  agency: { fill: '#ffffff', stroke: '#0b0c0c', width: 2 },
  probation: { fill: '#d2e2f1', stroke: '#1d70b8', width: 3 },
  officer: { fill: '#ffffff', stroke: '#1d70b8', width: 2 },
};

/** Text for XML, with the characters XML 1.0 cannot hold at all (control characters, lone surrogates) left out. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- these are the characters XML forbids
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const n = (v: number) => String(Math.round(v * 10) / 10);
const LINK = '#505a5f';
const NEVER = '#d4351c';

/**
 * A laid-out map as a standalone SVG document: no external resources, generic fonts, white behind everything, each
 * box's whole text in its <title> (the drawn lines may end in "…"). The PNG export draws this; the report reuses it.
 */
export function mapSvg(map: DrawnMap): string {
  const boxes = new Map(map.boxes.map((b) => [b.id, b]));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(map.width)}" height="${n(map.height)}" viewBox="0 0 ${n(map.width)} ${n(map.height)}" font-family="sans-serif" font-size="13" role="img">`,
    `<title>${escapeXml(map.title)}</title>`,
    '<defs>',
    `<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${LINK}"/></marker>`,
    `<marker id="arrow-never" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${NEVER}"/></marker>`,
    '</defs>',
    `<rect x="0" y="0" width="${n(map.width)}" height="${n(map.height)}" fill="#ffffff"/>`,
  ];
  map.bands.forEach((band, i) => {
    out.push(
      `<g><rect x="0" y="${n(band.y)}" width="${n(map.width)}" height="${n(band.height)}" fill="${i % 2 ? '#ffffff' : '#f8f8f8'}" stroke="#b1b4b6"/>`,
      `<text x="10" y="${n(band.y + 14)}" font-weight="bold" font-size="14">${band.lines.map((line, j) => `<tspan x="10" dy="${j === 0 ? LINE_HEIGHT - 4 : LINE_HEIGHT}">${escapeXml(line)}</tspan>`).join('')}</text></g>`,
    );
  });
  for (const edge of map.edges) {
    const from = boxes.get(edge.from);
    const to = boxes.get(edge.to);
    if (!from || !to) continue;
    const { sx, sy, tx, ty } = linkEnds(from, to, edge, map.direction);
    const colour = edge.dashed ? NEVER : LINK;
    out.push(
      `<path d="${linkPath(sx, sy, tx, ty, map.direction)}" fill="none" stroke="${colour}" stroke-width="1.5"${edge.dashed ? ' stroke-dasharray="7 5"' : ''} marker-end="url(#${edge.dashed ? 'arrow-never' : 'arrow'})"/>`,
    );
    if (edge.label) {
      const p = labelPlace(sx, sy, tx, ty, edge.labelAt);
      out.push(`<text x="${n(p.x)}" y="${n(p.y)}" text-anchor="${p.anchor}" font-size="12" fill="${edge.dashed ? '#aa2a16' : '#0b0c0c'}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(edge.label)}</text>`);
    }
  }
  for (const box of map.boxes) {
    const style = BOX_STYLE[box.kind];
    const lines = box.lines.map((line, i) => `<tspan x="${n(box.x + NODE_PADDING)}" dy="${i === 0 ? 0 : LINE_HEIGHT}">${escapeXml(line)}</tspan>`).join('');
    out.push(
      `<g><title>${escapeXml(box.text)}</title>`,
      `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" fill="${style.fill}" stroke="${style.stroke}" stroke-width="${style.width}"/>`,
      `<text x="${n(box.x + NODE_PADDING)}" y="${n(box.y + NODE_PADDING + 13)}" font-weight="${box.kind === 'probation' ? 'bold' : 'normal'}">${lines}</text>`,
      box.detail === null ? '' : `<text x="${n(box.x + NODE_PADDING)}" y="${n(box.y + NODE_PADDING + 13 + box.lines.length * LINE_HEIGHT)}" font-size="12" fill="#505a5f">${escapeXml(box.detail)}</text>`,
      '</g>',
    );
  }
  out.push('</svg>');
  return out.join('\n');
}
