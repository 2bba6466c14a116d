import { acciMapRequest, drawAcciMap, layOut, type ElkLike } from '../review/mapLayout.js';
import { mapSvg } from '../review/mapSvg.js';
import { staffingChartSvg, workloadChartSvg } from './charts.js';
import { figuresOf, type Figure, type ReportDocument } from './document.js';
import type { DrawnFigure } from './figureTypes.js';

/** One figure drawn: the charts directly, the systems map laid out by elk and drawn as the app's map export draws it. */
async function drawFigure(figure: Figure, title: string, elk: ElkLike): Promise<DrawnFigure> {
  switch (figure.type) {
    case 'workload':
      return workloadChartSvg(figure);
    case 'staffing':
      return staffingChartSvg(figure);
    case 'systemsMap': {
      const drawn = drawAcciMap(figure.graph, await layOut(acciMapRequest(figure.graph), elk), `${title}: Contributory factors (AcciMap)`);
      return { svg: mapSvg(drawn), width: drawn.width, height: drawn.height };
    }
  }
}

/**
 * Every figure of the document, by its id. elk is given (in Node the bundled elk, in the window the same), so this stays
 * pure. A figure that cannot be drawn is left out rather than drawn blank: the writers say in its place that it could
 * not be drawn.
 */
export async function drawFigures(doc: ReportDocument, elk: ElkLike): Promise<Map<string, DrawnFigure>> {
  const drawn = new Map<string, DrawnFigure>();
  for (const figure of figuresOf(doc)) {
    try {
      drawn.set(figure.id, await drawFigure(figure, doc.title, elk));
    } catch {
      // Left out: the writers say the figure could not be drawn.
    }
  }
  return drawn;
}
