import '@xyflow/react/dist/style.css';
import { useCallback, useMemo, useState } from 'react';
import type { CaseData } from '../../../../../shared/engine/caseIndex.js';
import { informationFlow } from '../../../../../shared/review/informationFlow.js';
import { acciMapRequest, drawAcciMap, drawInformationFlow, flowRequest, type DrawnBox, type DrawnMap } from '../../../../../shared/review/mapLayout.js';
import { systemsMap, type MapNode } from '../../../../../shared/review/systemsMap.js';
import { ACCIMAP_LEVEL_NAMES } from '../../../../../shared/review/words.js';
import type { AcciMapLevel, Review } from '../../../../../shared/schemas/review.js';
import { MapCanvas } from './MapCanvas.js';
import { saveMapPng, saveMapSvg } from './exportMap.js';
import { FactorList, FlowTable } from './SystemsMapList.js';
import { useMapLayout } from './useMapLayout.js';

export interface SystemsMapProps {
  review: Review;
  data: CaseData;
  /** What the map is of, for its exported file's heading: the review's title. */
  title: string;
  /** Moves a factor to another AcciMap level: the map does not write the review, whoever shows it does. */
  onMoveFactor(factorId: string, level: AcciMapLevel): void;
  onOpenEpisode?(id: string): void;
  onOpenFinding?(id: string): void;
}

type View = 'factors' | 'flow';
const VIEWS: { view: View; label: string }[] = [
  { view: 'factors', label: 'Contributory factors (AcciMap)' },
  { view: 'flow', label: 'How information moved' },
];

/**
 * The systems map of a review: the contributory factors on the AcciMap's levels, linked to the episodes and findings
 * they shaped, or how information moved between the agencies, probation and the officers before the further offence.
 * Either as a picture (to drag factors between levels, and to save as SVG or PNG) or as a list.
 */
export default function SystemsMap(props: SystemsMapProps) {
  const { review, data, onMoveFactor, onOpenEpisode, onOpenFinding } = props;
  const [view, setView] = useState<View>('factors');
  const [asList, setAsList] = useState(false);
  const [said, setSaid] = useState('');
  const [exportProblem, setExportProblem] = useState('');

  const graph = useMemo(() => systemsMap(review), [review]);
  const flow = useMemo(() => informationFlow(data), [data]);
  const request = useMemo(() => (view === 'factors' ? acciMapRequest(graph) : flowRequest(flow)), [view, graph, flow]);
  const layout = useMapLayout(request);
  const title = `${props.title}: ${VIEWS.find((v) => v.view === view)?.label}`;
  const drawn = useMemo((): DrawnMap | null => {
    const positions = layout.state === 'failed' ? null : layout.positions;
    // The last layout stands in while the next is worked out, if it is of this view (it places some of its boxes).
    if (!positions || (request.nodes.length > 0 && !request.nodes.some((n) => positions.has(n.id)))) return null;
    return view === 'factors' ? drawAcciMap(graph, positions, title) : drawInformationFlow(flow, positions, title);
  }, [layout, request, view, graph, flow, title]);

  const move = useCallback(
    (factor: Pick<MapNode, 'ref' | 'text'>, level: AcciMapLevel) => {
      onMoveFactor(factor.ref, level);
      setSaid(`“${factor.text}” moved to ${ACCIMAP_LEVEL_NAMES[level]}.`);
    },
    [onMoveFactor],
  );
  const refs = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n])), [graph]);
  const moveBox = useCallback((box: DrawnBox, level: AcciMapLevel) => {
    const factor = refs.get(box.id);
    if (factor) move(factor, level);
  }, [refs, move]);
  const openerFor = useCallback(
    (box: DrawnBox) => {
      const node = refs.get(box.id);
      const open = node?.kind === 'episode' ? onOpenEpisode : node?.kind === 'finding' ? onOpenFinding : undefined;
      return node && open ? () => open(node.ref) : undefined;
    },
    [refs, onOpenEpisode, onOpenFinding],
  );

  const fileName = `${data.case.crn}-${view === 'factors' ? 'systems-map' : 'information-flow'}`;
  const savePng = () => {
    if (!drawn) return;
    setExportProblem('');
    saveMapPng(drawn, fileName).catch((e: unknown) => setExportProblem(e instanceof Error ? e.message : String(e)));
  };

  return (
    <div className="systems-map">
      <div className="systems-map__controls">
        <fieldset className="radios">
          <legend>Show</legend>
          {VIEWS.map((v) => (
            <span key={v.view} className="radio">
              <input id={`systems-map-${v.view}`} type="radio" name="systems-map-view" checked={view === v.view} onChange={() => setView(v.view)} />
              <label htmlFor={`systems-map-${v.view}`}>{v.label}</label>
            </span>
          ))}
        </fieldset>
        <div className="checkbox">
          <input id="systems-map-list" type="checkbox" checked={asList} onChange={(e) => setAsList(e.target.checked)} />
          <label htmlFor="systems-map-list">Show as a list</label>
        </div>
        <div className="systems-map__export">
          <button type="button" className="button button--secondary button--small" disabled={!drawn} onClick={() => drawn && saveMapSvg(drawn, fileName)}>
            Save as SVG
          </button>
          <button type="button" className="button button--secondary button--small" disabled={!drawn} onClick={savePng}>
            Save as PNG
          </button>
        </div>
      </div>
      {exportProblem && <p className="error-message" role="alert">{exportProblem}</p>}
      <p className="visually-hidden" role="status">{said}</p>

      {asList ? (
        view === 'factors' ? (
          <FactorList graph={graph} onMove={move} onOpenEpisode={onOpenEpisode} onOpenFinding={onOpenFinding} />
        ) : (
          <FlowTable flow={flow} />
        )
      ) : (
        <>
          <p className="hint systems-map__how">
            {view === 'factors'
              ? 'Drag a factor into another band to move it to that level. Or, with the keyboard, Tab to a factor’s “Move to level” list (the map zooms in to it), choose the level and press Move. Scroll or use the buttons to zoom, drag the background to move around. “Show as a list” gives every factor and link as text.'
              : 'Each agency’s information to probation’s record, and from the record to the officers recorded as knowing it, with when it moved. Dashed red links are information that never arrived before the further offence.'}
          </p>
          {layout.state === 'failed' ? (
            <p className="error-message">The map could not be laid out ({layout.message}). Show it as a list instead.</p>
          ) : drawn ? (
            <MapCanvas key={view} map={drawn} label={title} onMove={view === 'factors' ? moveBox : undefined} openerFor={openerFor} />
          ) : (
            <p role="status">Laying out the map…</p>
          )}
        </>
      )}
    </div>
  );
}
