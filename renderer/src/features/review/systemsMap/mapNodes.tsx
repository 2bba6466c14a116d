import { Handle, Position, useReactFlow, useStore, useStoreApi, type Edge, type EdgeProps, type Node, type NodeProps } from '@xyflow/react';
import { useCallback, useEffect, useRef } from 'react';
import { linkEnds, labelPlace, linkPath } from '../../../../../shared/review/mapSvg.js';
import type { DrawnBand, DrawnBox, DrawnEdge, DrawnMap } from '../../../../../shared/review/mapLayout.js';
import { MAP_BANDS } from '../../../../../shared/review/systemsMap.js';
import type { AcciMapLevel } from '../../../../../shared/schemas/review.js';
import { MoveToLevel } from './MoveToLevel.js';

export type BandNodeType = Node<{ band: DrawnBand; target: boolean }, 'band'>;
export type BoxNodeType = Node<
  {
    box: DrawnBox;
    direction: DrawnMap['direction'];
    /** A factor's level, and moving it to another (the "Move to level" control). */
    move?: { level: AcciMapLevel; to: (level: AcciMapLevel) => void };
    /** Opening the episode or finding the box stands for. */
    open?: () => void;
  },
  'box'
>;
export type LinkEdgeType = Edge<{ edge: DrawnEdge; direction: DrawnMap['direction'] }, 'link'>;

/** A band across the map: its level in plain words at the left; the band a dragged factor would drop into is marked. */
function BandNode({ data }: NodeProps<BandNodeType>) {
  const shaded = MAP_BANDS.indexOf(data.band.id) % 2 === 0;
  return (
    <div className={`map-band${shaded ? ' map-band--shaded' : ''}${data.target ? ' map-band--target' : ''}`}>
      <span className="map-band__label">
        {data.band.lines.map((line, i) => (
          <span key={i} className="map-band__line">{line}</span>
        ))}
      </span>
    </div>
  );
}

const KIND_WORDS: Record<DrawnBox['kind'], string> = { factor: 'factor', episode: 'episode', finding: 'finding', agency: 'agency', probation: 'probation', officer: 'officer' };

/** The zoom from which a box's controls are shown: below it they would be smaller than a 24-pixel target (WCAG 2.5.8). */
const CONTROLS_ZOOM = 1;

/**
 * A box: its text broken into the same lines as the exported picture, and its detail. A factor carries its "Move to
 * level" control, an episode or finding a button that opens it (a click on the box does too). Zoomed out, the
 * controls are tucked away until the keyboard reaches them; moving into a box by keyboard brings it into view at a
 * zoom where they show, and keeps it there when the box moves (its factor to another level).
 */
function BoxNode({ data }: NodeProps<BoxNodeType>) {
  const { box, direction, move, open } = data;
  const store = useStoreApi();
  const { setViewport } = useReactFlow();
  // Read as a yes or no, so a box draws again only when the zoom crosses the line, not at every step of a zoom.
  const overview = useStore((s) => s.transform[2] < CONTROLS_ZOOM);
  const bringIntoView = useCallback(() => {
    const { width, height, transform } = store.getState();
    const [tx, ty, zoom] = transform;
    const left = box.x * zoom + tx;
    const top = box.y * zoom + ty;
    if (zoom >= CONTROLS_ZOOM && left >= 0 && top >= 0 && left + box.width * zoom <= width && top + box.height * zoom <= height) return;
    const z = Math.max(zoom, CONTROLS_ZOOM);
    void setViewport({ x: width / 2 - (box.x + box.width / 2) * z, y: height / 2 - (box.y + box.height / 2) * z, zoom: z });
  }, [box, store, setViewport]);
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (element.current?.contains(document.activeElement)) bringIntoView();
  }, [bringIntoView]);
  return (
    <div
      ref={element}
      className={`map-box map-box--${box.kind}${overview ? ' map-box--overview' : ''}${open ? ' map-box--opens' : ''}`}
      title={box.text}
      onFocus={(e) => e.target.matches(':focus-visible') && bringIntoView()}
    >
      <Handle type="target" position={direction === 'DOWN' ? Position.Top : Position.Left} isConnectable={false} className="map-box__handle" />
      {box.lines.map((line, i) => (
        <span key={i} className="map-box__line">{line}</span>
      ))}
      {box.detail !== null && <span className="map-box__detail">{box.detail}</span>}
      {open && (
        <button
          type="button"
          className="button button--secondary map-box__open nodrag nopan"
          onClick={(e) => {
            // The box's own click (MapCanvas) would open it a second time.
            e.stopPropagation();
            open();
          }}
        >
          Open {KIND_WORDS[box.kind]}<span className="visually-hidden"> “{box.text}”</span>
        </button>
      )}
      {move && <MoveToLevel idPrefix="move" factorId={box.id} text={box.text} level={move.level} onMove={move.to} compact />}
      <Handle type="source" position={direction === 'DOWN' ? Position.Bottom : Position.Right} isConnectable={false} className="map-box__handle" />
    </div>
  );
}

/**
 * A link, drawn by the same curve as the exported SVG (shared/review/mapSvg.ts) from where React Flow puts the boxes'
 * sides, so it follows a factor while it is dragged.
 */
function LinkEdge({ sourceX, sourceY, targetX, targetY, data, markerEnd }: EdgeProps<LinkEdgeType>) {
  if (!data) return null;
  const { edge, direction } = data;
  // The handles sit at the middle of each side: the link's own ends are moved along the side by its shift.
  const point = (x: number, y: number) => ({ x, y, width: 0, height: 0 });
  const { sx, sy, tx, ty } = linkEnds(point(sourceX, sourceY), point(targetX, targetY), edge, direction);
  const label = edge.label ? labelPlace(sx, sy, tx, ty, edge.labelAt) : null;
  return (
    <g className={`map-link${edge.dashed ? ' map-link--never' : ''}`}>
      <path d={linkPath(sx, sy, tx, ty, direction)} className="map-link__path" markerEnd={markerEnd} fill="none" />
      {label && (
        <text x={label.x} y={label.y} textAnchor={label.anchor} className="map-link__label">
          {edge.label}
        </text>
      )}
    </g>
  );
}

export const NODE_TYPES = { band: BandNode, box: BoxNode };
export const EDGE_TYPES = { link: LinkEdge };
