// The systems map benchmark (issue 14): a review of 50 factors, 50 episodes and 200 findings (300 boxes) laid out by
// elk and drawn in its bands, as the map's worker does it (target: within 1 s; in Node: the worker runs the same code,
// shared/review/mapLayout.ts, on the same elk build). bench-map-page.ts and bench-map-pan.mjs show it in Chromium and pan it.
import ELK from 'elkjs/lib/elk.bundled.js';
import { performance } from 'node:perf_hooks';
import { acciMapRequest, drawAcciMap, layOut } from '../shared/review/mapLayout.js';
import { systemsMap } from '../shared/review/systemsMap.js';
import { ACCIMAP_LEVELS, Review } from '../shared/schemas/review.js';

/**
 * A review of the size the benchmark names, the same every time: factors spread over the seven levels, each
 * episode linked to two factors, each finding to an episode and two factors, and words of a realistic length.
 */
export function benchReview(factors = 50, episodes = 50, findings = 200): Review {
  const factor = (i: number) => `F${i % factors}`;
  return Review.parse({
    title: 'Benchmark review',
    factors: Array.from({ length: factors }, (_, i) => ({
      id: `F${i}`,
      text: `Factor ${i}: caseloads over fifty in the team for two months while two posts stood vacant`,
      level: ACCIMAP_LEVELS[i % ACCIMAP_LEVELS.length],
      seips: 'organisation',
      pattern: 'resource-demand mismatch',
    })),
    episodes: Array.from({ length: episodes }, (_, i) => ({
      id: `E${i}`,
      title: `Episode ${i}: the decision not to recall after the missed appointment`,
      decisionAt: '2023-09-22T12:00',
      appraisal: 'problematic',
      factors: [factor(i * 3), factor(i * 3 + 1)],
    })),
    findings: Array.from({ length: findings }, (_, i) => ({
      id: `N${i}`,
      episode: `E${i % episodes}`,
      kind: 'problem',
      text: `Finding ${i}: the home visit was not arranged, and the police call-out was not known to the officer at the time`,
      factors: [factor(i * 7), factor(i * 7 + 5)],
    })),
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** Times `runs` layouts of the benchmark review; the first is a cold start, as when the map opens its worker. */
export async function measureMapLayout(runs = 7) {
  const graph = systemsMap(benchReview());
  const elk = new ELK();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    drawAcciMap(graph, await layOut(acciMapRequest(graph), elk), 'Benchmark');
    times.push(performance.now() - t0);
  }
  const warm = times.slice(1);
  return { boxes: graph.nodes.length, links: graph.edges.length, coldMs: times[0] as number, medianMs: median(warm), worstMs: Math.max(...warm) };
}
