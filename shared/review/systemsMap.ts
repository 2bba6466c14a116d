import { parseDateTime } from '../import/dates.js';
import { ACCIMAP_LEVELS, type AcciMapLevel, type Review } from '../schemas/review.js';
import { ACCIMAP_LEVEL_NAMES, APPRAISAL_NAMES, FINDING_KIND_NAMES, SEIPS_NAMES } from './words.js';
import { formatTime } from '../time/display.js';

/**
 * The map's bands, top to bottom: the seven levels, then the findings, then the key practice episodes they are about.
 * What happened sits below the levels, as in Rasmussen's AcciMap, so every link reads downwards, from a condition
 * of the system to the practice it shaped: factor → finding → episode.
 */
export const MAP_BANDS = [...ACCIMAP_LEVELS, 'findings', 'episodes'] as const;
export type MapBand = (typeof MAP_BANDS)[number];

export const BAND_NAMES: Record<MapBand, string> = { ...ACCIMAP_LEVEL_NAMES, findings: 'Findings', episodes: 'Key practice episodes' };

export type MapNodeKind = 'factor' | 'episode' | 'finding';

export interface MapNode {
  /** `factor:<id>`, `episode:<id>` or `finding:<id>`: ids are unique only within their own list. */
  id: string;
  kind: MapNodeKind;
  /** The factor's, episode's or finding's own id in the review. */
  ref: string;
  band: MapBand;
  text: string;
  /** A second line: the SEIPS element and pattern, the decision and appraisal, or the finding's kind. */
  detail: string | null;
}

export interface MapEdge {
  id: string;
  from: string;
  to: string;
}

export interface SystemsMapGraph {
  /** Factors, findings, episodes, each in the review's order (not by level: the layout does not depend on levels). */
  nodes: MapNode[];
  edges: MapEdge[];
}

const mapNodeId = (kind: MapNodeKind, ref: string): string => `${kind}:${ref}`;

/** When an episode's decision was made, as the data gives it; a moment that will not read is shown as written. */
function decisionText(decisionAt: string): string {
  const parsed = parseDateTime(decisionAt);
  return parsed.ok ? formatTime(parsed.value) : decisionAt;
}

/**
 * The AcciMap of a review: each factor in its level's band, the findings and episodes below, and the links the review
 * makes (an episode's factors, a finding's factors and its episode). A link to something the review does not hold is
 * left out: the map draws what resolves (readReview refuses such a review; an edit in progress may hold one).
 */
export function systemsMap(review: Pick<Review, 'factors' | 'episodes' | 'findings'>): SystemsMapGraph {
  const factors = review.factors.map(
    (f): MapNode => ({
      id: mapNodeId('factor', f.id),
      kind: 'factor',
      ref: f.id,
      band: f.level,
      text: f.text,
      detail: [f.seips ? SEIPS_NAMES[f.seips] : '', f.pattern?.trim() ?? ''].filter(Boolean).join(' · ') || null,
    }),
  );
  const findings = review.findings.map(
    (f): MapNode => ({ id: mapNodeId('finding', f.id), kind: 'finding', ref: f.id, band: 'findings', text: f.text.trim() || 'No text yet', detail: FINDING_KIND_NAMES[f.kind] }),
  );
  const episodes = review.episodes.map(
    (e): MapNode => ({
      id: mapNodeId('episode', e.id),
      kind: 'episode',
      ref: e.id,
      band: 'episodes',
      text: e.title,
      detail: [decisionText(e.decisionAt), e.appraisal ? APPRAISAL_NAMES[e.appraisal] : 'Not appraised yet'].join(' · '),
    }),
  );
  const nodes = [...factors, ...findings, ...episodes];
  const present = new Set(nodes.map((n) => n.id));
  const edges = new Map<string, MapEdge>();
  const link = (from: string, to: string) => {
    const id = `${from}->${to}`;
    if (present.has(from) && present.has(to) && !edges.has(id)) edges.set(id, { id, from, to });
  };
  for (const e of review.episodes) for (const f of e.factors) link(mapNodeId('factor', f), mapNodeId('episode', e.id));
  for (const n of review.findings) {
    for (const f of n.factors) link(mapNodeId('factor', f), mapNodeId('finding', n.id));
    if (n.episode) link(mapNodeId('finding', n.id), mapNodeId('episode', n.episode));
  }
  return { nodes, edges: [...edges.values()] };
}

/** What each node links to, in the order of its links: a factor's episodes and findings, a finding's episode. */
export function linksFrom(graph: SystemsMapGraph): Map<string, MapNode[]> {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const links = new Map<string, MapNode[]>();
  for (const e of graph.edges) {
    const to = byId.get(e.to);
    if (to) links.set(e.from, [...(links.get(e.from) ?? []), to]);
  }
  return links;
}

/** Each level's factors, government first; a level with none is still listed, so a factor can be moved to it. */
export function factorsByLevel(graph: SystemsMapGraph): { level: AcciMapLevel; factors: MapNode[] }[] {
  return ACCIMAP_LEVELS.map((level) => ({ level, factors: graph.nodes.filter((n) => n.kind === 'factor' && n.band === level) }));
}
