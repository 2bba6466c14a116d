import { z } from 'zod';
import { flowEdgeLabel, type FlowNodeKind, type InformationFlow } from './informationFlow.js';
import { BAND_NAMES, MAP_BANDS, type MapBand, type MapNodeKind, type SystemsMapGraph } from './systemsMap.js';

/**
 * Laying out the two maps: what elk is asked (boxes, their layers and links), and turning its answer into a drawing
 * (boxes placed, bands, links) that the screen, the SVG and the PNG all draw from. Box sizes come from the text,
 * wrapped here, so the screen and the exported picture break lines at the same places.
 */

const NODE_WIDTH = 220;
export const LINE_HEIGHT = 18;
export const NODE_PADDING = 10;
/** Characters on a line of a box: 200 px of 14 px sans-serif, with room for wide letters. */
export const CHARS_PER_LINE = 28;
const MAX_LINES = 4;
/** Room on screen under a factor's text for its "Move to level" control. */
const FACTOR_CONTROL_HEIGHT = 48;

const BAND_LABEL_WIDTH = 190;
const BAND_LABEL_CHARS = 20;
const BAND_PADDING = 14;
const EMPTY_BAND_HEIGHT = 44;
const GAP = 24;
const FLOW_MARGIN = 20;
/** Room along a box's side for each link that meets it. */
const LINK_SPACING = 15;

/** Words wrapped into at most `maxLines` lines of `perLine` characters; a word too long for a line is broken; what does not fit ends in "…". */
export function wrapLines(text: string, perLine = CHARS_PER_LINE, maxLines = MAX_LINES): string[] {
  const words = text.split(/\s+/).filter(Boolean).flatMap((w) => (w.length <= perLine ? [w] : (w.match(new RegExp(`.{1,${perLine}}`, 'gsu')) ?? [w])));
  const lines: string[] = [];
  for (const word of words) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= perLine) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= maxLines) return lines.length ? lines : [''];
  const kept = lines.slice(0, maxLines);
  const end = kept[maxLines - 1] as string;
  kept[maxLines - 1] = `${end.length < perLine ? end : end.slice(0, perLine - 1)}…`;
  return kept;
}

/** One line, cut to fit with "…". */
const oneLine = (text: string, perLine = CHARS_PER_LINE + 4): string => (text.length <= perLine ? text : `${text.slice(0, perLine - 1)}…`);

export type BoxKind = MapNodeKind | FlowNodeKind;

export interface BoxContent {
  lines: string[];
  detail: string | null;
  width: number;
  height: number;
}

/** A box's text as drawn, and its size; `extra`: room below the text for a control on screen. */
function boxContent(text: string, detail: string | null, extra = 0): BoxContent {
  const lines = wrapLines(text);
  const shownDetail = detail === null ? null : oneLine(detail);
  return { lines, detail: shownDetail, width: NODE_WIDTH, height: 2 * NODE_PADDING + (lines.length + (shownDetail === null ? 0 : 1)) * LINE_HEIGHT + extra };
}

const contentOf = (n: { kind: BoxKind; text: string; detail: string | null }) => boxContent(n.text, n.detail, n.kind === 'factor' ? FACTOR_CONTROL_HEIGHT : 0);

// What crosses to the layout worker and back, checked there and here: a message is data from another thread.
const Size = z.number().positive().max(100_000);
const Coordinate = z.number().finite();
export const LayoutRequest = z.object({
  seq: z.number().int().nonnegative(),
  direction: z.enum(['DOWN', 'RIGHT']),
  nodes: z.array(z.object({ id: z.string().min(1), width: Size, height: Size, layer: z.number().int().min(0).max(100) })).max(20_000),
  edges: z.array(z.object({ id: z.string().min(1), from: z.string().min(1), to: z.string().min(1) })).max(100_000),
});
export type LayoutRequest = z.infer<typeof LayoutRequest>;

export const LayoutAnswer = z.union([
  z.object({ ok: z.literal(true), seq: z.number().int(), positions: z.array(z.object({ id: z.string(), x: Coordinate, y: Coordinate })) }),
  z.object({ ok: z.literal(false), seq: z.number().int(), message: z.string() }),
]);
export type LayoutAnswer = z.infer<typeof LayoutAnswer>;
export type Positions = ReadonlyMap<string, { x: number; y: number }>;

/** What elk lays out of the AcciMap: the factors, whatever their level, then the findings, then the episodes. */
const ELK_LAYERS: Record<MapNodeKind, number> = { factor: 0, finding: 1, episode: 2 };

/**
 * The AcciMap for elk, in three layers: every factor in one (the drawing puts each in its level's band), then the
 * findings, then the episodes. Every link runs from a factor down, so two links cross where their factors and their
 * findings come in different orders across the map, whatever the factors' levels: the order elk finds for the one
 * layer is the one that crosses fewest. Kept out of elk, the levels cost nothing to lay out (a band a layer gave elk
 * a node for every band a link passes, several times the work), and moving a factor to another level asks for no new
 * layout: it moves straight up or down, and nothing else on the map moves.
 */
export function acciMapRequest(graph: SystemsMapGraph, seq = 0): LayoutRequest {
  return {
    seq,
    direction: 'DOWN',
    nodes: graph.nodes.map((n) => ({ id: n.id, ...size(contentOf(n)), layer: ELK_LAYERS[n.kind] })),
    edges: graph.edges.map((e) => ({ id: e.id, from: e.from, to: e.to })),
  };
}

const FLOW_LAYERS: Record<FlowNodeKind, number> = { agency: 0, probation: 1, officer: 2 };

/** The information flow for elk: agencies, then probation, then the officers, left to right. */
export function flowRequest(flow: InformationFlow, seq = 0): LayoutRequest {
  return {
    seq,
    direction: 'RIGHT',
    nodes: flowBoxes(flow).map(({ node, content }) => ({ id: node.id, ...size(content), layer: FLOW_LAYERS[node.kind] })),
    edges: flow.edges.map((e) => ({ id: e.id, from: e.from, to: e.to })),
  };
}

const size = (c: BoxContent) => ({ width: c.width, height: c.height });

/** The flow's boxes: a box many links meet (probation's record) is made tall enough for them to meet it apart. */
function flowBoxes(flow: InformationFlow) {
  const into = new Map<string, number>();
  const outOf = new Map<string, number>();
  for (const e of flow.edges) {
    outOf.set(e.from, (outOf.get(e.from) ?? 0) + 1);
    into.set(e.to, (into.get(e.to) ?? 0) + 1);
  }
  return flow.nodes.map((node) => {
    const content = contentOf({ kind: node.kind, text: node.label, detail: node.detail });
    const most = Math.max(into.get(node.id) ?? 0, outOf.get(node.id) ?? 0);
    return { node, content: { ...content, height: Math.max(content.height, most * LINK_SPACING) } };
  });
}

/** What elk's layout takes and gives, as far as this module uses it (elkjs's own types are wider). */
export interface ElkGraph {
  id: string;
  layoutOptions?: Record<string, string>;
  width?: number;
  height?: number;
  x?: number;
  y?: number;
  children?: ElkGraph[];
  edges?: { id: string; sources: string[]; targets: string[] }[];
}
export interface ElkLike {
  layout(graph: ElkGraph): Promise<ElkGraph>;
}

/**
 * elk's layered layout, set for speed over polish: the map draws its own links and bands, so elk's job is the order of
 * boxes within each layer (fewest crossings) and where each sits across it. Each box is put in its layer by where it
 * is given (interactive layering: layer n at n × LAYER_STEP along the direction), which spares the constraint edges
 * elk's partitions add (as many as the boxes of two neighbouring layers multiplied); one crossing-minimisation pass
 * and polyline routing do the rest (`npm run bench -- systems-map` gives the figures).
 */
const ELK_OPTIONS = (direction: LayoutRequest['direction']): Record<string, string> => ({
  'elk.algorithm': 'layered',
  'elk.direction': direction,
  'elk.layered.layering.strategy': 'INTERACTIVE',
  'elk.layered.thoroughness': '1',
  'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
  'elk.edgeRouting': 'POLYLINE',
  'elk.separateConnectedComponents': 'false',
  'elk.spacing.nodeNode': String(GAP),
  // Across the flow, room between the columns for a link's label.
  'elk.layered.spacing.nodeNodeBetweenLayers': direction === 'DOWN' ? '60' : '330',
});

/** Far enough apart that no box of one layer reaches the next (boxes are at most a few hundred pixels). */
const LAYER_STEP = 10_000;

/** Where elk places each box (its top left corner). */
export async function layOut(request: LayoutRequest, elk: ElkLike): Promise<Map<string, { x: number; y: number }>> {
  const ids = new Set(request.nodes.map((n) => n.id));
  const along = request.direction === 'DOWN' ? 'y' : 'x';
  const laid = await elk.layout({
    id: 'map',
    layoutOptions: ELK_OPTIONS(request.direction),
    children: request.nodes.map((n, i) => ({ id: n.id, width: n.width, height: n.height, x: i, y: i, [along]: n.layer * LAYER_STEP })),
    edges: request.edges.filter((e) => ids.has(e.from) && ids.has(e.to)).map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] })),
  });
  return new Map((laid.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
}

export interface DrawnBox extends BoxContent {
  id: string;
  kind: BoxKind;
  /** The whole text, for a tooltip and for readers: the lines may end in "…". */
  text: string;
  /** On the AcciMap, the band it is drawn in. */
  band?: MapBand;
  x: number;
  y: number;
}

export interface DrawnBand {
  id: MapBand;
  label: string;
  lines: string[];
  y: number;
  height: number;
}

export interface DrawnEdge {
  id: string;
  from: string;
  to: string;
  label: string | null;
  /** Which end the label sits at: the end where fewer links meet, so labels do not pile up at a busy box. */
  labelAt: 'start' | 'end';
  /** Information that never arrived is drawn dashed (and labelled: never the line alone). */
  dashed: boolean;
  /** Where the link leaves and meets its boxes: pixels along the side from its middle, so links into a box fan out. */
  fromShift: number;
  toShift: number;
}

export interface DrawnMap {
  title: string;
  direction: LayoutRequest['direction'];
  width: number;
  height: number;
  bands: DrawnBand[];
  boxes: DrawnBox[];
  edges: DrawnEdge[];
}

/**
 * The AcciMap drawn: every band in order, government at the top (an empty band keeps room to drop a factor in), and
 * every box in its own band. A band that fits on one row keeps elk's order and places, moved only as far as needed not
 * to overlap (so a factor sits above what it links to); a band with more boxes than a row holds wraps onto rows in
 * elk's order. The row's width grows with the square root of the map's size, so a large map stays near the screen's
 * shape rather than one very long strip. A factor is never drawn outside its level's band.
 */
export function drawAcciMap(graph: SystemsMapGraph, positions: Positions, title: string): DrawnMap {
  const columns = Math.min(40, Math.max(6, Math.ceil(Math.sqrt(graph.nodes.length) * 1.2)));
  const rowWidth = columns * (NODE_WIDTH + GAP) - GAP;
  const elkRight = Math.max(0, ...graph.nodes.map((n) => (positions.get(n.id)?.x ?? 0) + NODE_WIDTH));
  const scale = elkRight > rowWidth ? rowWidth / elkRight : 1;
  const bands: DrawnBand[] = [];
  const boxes: DrawnBox[] = [];
  let top = 0;
  let right = BAND_LABEL_WIDTH + NODE_WIDTH;
  for (const band of MAP_BANDS) {
    const inBand = graph.nodes
      .filter((n) => n.band === band)
      .map((n, i) => ({ n, i, c: contentOf(n), x: (positions.get(n.id)?.x ?? Infinity) * scale }))
      .sort((a, b) => a.x - b.x || a.i - b.i);
    const label = BAND_NAMES[band];
    const lines = wrapLines(label, BAND_LABEL_CHARS, 4);
    const rowHeight = Math.max(0, ...inBand.map((b) => b.c.height));
    const rows = Math.max(1, Math.ceil(inBand.length / columns));
    const height = Math.max(EMPTY_BAND_HEIGHT, lines.length * LINE_HEIGHT, rows * rowHeight + (rows - 1) * GAP) + 2 * BAND_PADDING;
    const xs = rows === 1 ? rowPlaces(inBand.map((b) => (Number.isFinite(b.x) ? b.x : 0)), rowWidth) : inBand.map((_, i) => (i % columns) * (NODE_WIDTH + GAP));
    inBand.forEach(({ n, c }, i) => {
      const x = BAND_LABEL_WIDTH + (xs[i] as number);
      boxes.push({ id: n.id, kind: n.kind, text: n.text, band, ...c, x, y: top + BAND_PADDING + Math.floor(i / columns) * (rowHeight + GAP) });
      right = Math.max(right, x + c.width);
    });
    bands.push({ id: band, label, lines, y: top, height });
    top += height;
  }
  const edges = fanOut(boxes, graph.edges.map((e) => ({ id: e.id, from: e.from, to: e.to, label: null, dashed: false })), 'DOWN');
  return { title, direction: 'DOWN', width: right + GAP, height: top, bands, boxes, edges };
}

/**
 * Boxes on one row as near as they can be to where they are wanted (in order, left to right), none overlapping and
 * none past the row's end: pushed right off their left neighbours, then back left off the row's end.
 */
function rowPlaces(wanted: readonly number[], rowWidth: number): number[] {
  const xs: number[] = [];
  let next = 0;
  for (const w of wanted) {
    xs.push(Math.max(next, w));
    next = (xs[xs.length - 1] as number) + NODE_WIDTH + GAP;
  }
  let limit = rowWidth - NODE_WIDTH;
  for (let i = xs.length - 1; i >= 0; i--) {
    xs[i] = Math.min(xs[i] as number, limit);
    limit = (xs[i] as number) - NODE_WIDTH - GAP;
  }
  return xs;
}

/** The information flow drawn where elk placed it, each link labelled with what moved and when. */
export function drawInformationFlow(flow: InformationFlow, positions: Positions, title: string): DrawnMap {
  const boxes = flowBoxes(flow).map(({ node, content }): DrawnBox => {
    const p = positions.get(node.id) ?? { x: 0, y: 0 };
    return { id: node.id, kind: node.kind, text: node.label, ...content, x: p.x + FLOW_MARGIN, y: p.y + FLOW_MARGIN };
  });
  const edges = fanOut(boxes, flow.edges.map((e) => ({ id: e.id, from: e.from, to: e.to, label: flowEdgeLabel(e), dashed: e.kind === 'notShared' })), 'RIGHT');
  const width = Math.max(NODE_WIDTH, ...boxes.map((b) => b.x + b.width)) + FLOW_MARGIN;
  const height = Math.max(LINE_HEIGHT, ...boxes.map((b) => b.y + b.height)) + FLOW_MARGIN;
  return { title, direction: 'RIGHT', width, height, bands: [], boxes, edges };
}

/**
 * Where each link leaves and meets its boxes: the links on one side of a box spread evenly along the middle
 * four-fifths of it, in the order of the boxes at their other ends, so they neither cross at the box nor lie on each
 * other (two links between the same two boxes included).
 */
function fanOut(boxes: readonly DrawnBox[], links: Omit<DrawnEdge, 'fromShift' | 'toShift' | 'labelAt'>[], direction: LayoutRequest['direction']): DrawnEdge[] {
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const across = (id: string) => {
    const b = byId.get(id);
    return b ? (direction === 'DOWN' ? b.x + b.width / 2 : b.y + b.height / 2) : 0;
  };
  const side = (id: string) => {
    const b = byId.get(id);
    return b ? (direction === 'DOWN' ? b.width : b.height) : 0;
  };
  // Each side of each box: the links that leave it (`from`) or arrive at it (`to`), by their index.
  const sides = new Map<string, { box: string; end: 'from' | 'to'; links: number[] }>();
  links.forEach((l, i) => {
    for (const [end, box] of [['from', l.from], ['to', l.to]] as const) {
      const key = `${end}|${box}`;
      const found = sides.get(key) ?? { box, end, links: [] };
      found.links.push(i);
      sides.set(key, found);
    }
  });
  const fromShift = links.map(() => 0);
  const toShift = links.map(() => 0);
  for (const { box, end, links: at } of sides.values()) {
    if (at.length < 2) continue;
    const otherEnd = (i: number) => across(end === 'from' ? (links[i]?.to ?? '') : (links[i]?.from ?? ''));
    const span = side(box) * 0.8;
    [...at].sort((a, b) => otherEnd(a) - otherEnd(b) || a - b).forEach((link, n) => ((end === 'from' ? fromShift : toShift)[link] = (n / (at.length - 1) - 0.5) * span));
  }
  const count = (end: 'from' | 'to', id: string) => sides.get(`${end}|${id}`)?.links.length ?? 0;
  return links.map((l, i) => ({
    ...l,
    fromShift: fromShift[i] ?? 0,
    toShift: toShift[i] ?? 0,
    labelAt: count('from', l.from) <= count('to', l.to) ? 'start' : 'end',
  }));
}
