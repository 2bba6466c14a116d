import { useReactFlow, useStore, useStoreApi, type Node, type NodeProps, type XYPosition } from '@xyflow/react';
import { memo, useCallback, useEffect, useRef } from 'react';
import { linkEnds, labelPlace, linkPath } from '../../../../../shared/review/mapSvg.js';
import type { DrawnBand, DrawnBox, DrawnEdge, DrawnMap } from '../../../../../shared/review/mapLayout.js';
import { MAP_BANDS } from '../../../../../shared/review/systemsMap.js';
import type { AcciMapLevel } from '../../../../../shared/schemas/review.js';
import { MoveToLevel } from './MoveToLevel.js';

export type BandNodeType = Node<{ band: DrawnBand; target: boolean }, 'band'>;
export type BoxNodeType = Node<
  {
    box: DrawnBox;
    /** A factor's level, and moving it to another (the "Move to level" control). */
    move?: { level: AcciMapLevel; to: (level: AcciMapLevel) => void };
    /** Opening the episode or finding the box stands for. */
    open?: () => void;
  },
  'box'
>;
/** All the links of the map, drawn as one picture under the boxes; `moving`: a factor being dragged, which its links follow. */
export type LinksNodeType = Node<{ map: DrawnMap; moving: { id: string; position: XYPosition } | null }, 'links'>;

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
  const { box, move, open } = data;
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
    </div>
  );
}

/** One link, drawn by the same curve as the exported SVG (shared/review/mapSvg.ts). */
const Link = memo(function Link({ edge, sx, sy, tx, ty, direction }: { edge: DrawnEdge; sx: number; sy: number; tx: number; ty: number; direction: DrawnMap['direction'] }) {
  const label = edge.label ? labelPlace(sx, sy, tx, ty, edge.labelAt) : null;
  return (
    <g className={`map-link${edge.dashed ? ' map-link--never' : ''}`}>
      <path d={linkPath(sx, sy, tx, ty, direction)} className="map-link__path" markerEnd={`url(#${edge.dashed ? 'map-arrow-never' : 'map-arrow'})`} fill="none" />
      {label && (
        <text x={label.x} y={label.y} textAnchor={label.anchor} className="map-link__label">
          {edge.label}
        </text>
      )}
    </g>
  );
});

/**
 * Every link of the map in one SVG under the boxes. One picture, not a React Flow edge each: each edge is an SVG of
 * its own, and 700 of them made every frame of a pan several times dearer. The links are read, in words, in the list
 * view; here they are a picture (the boxes say what they are).
 */
function LinksNode({ data }: NodeProps<LinksNodeType>) {
  const { map, moving } = data;
  const boxes = new Map(map.boxes.map((b) => [b.id, b]));
  const at = (id: string) => {
    const box = boxes.get(id);
    return box && moving?.id === id ? { ...box, ...moving.position } : box;
  };
  return (
    <svg className="map-links" width={map.width} height={map.height} aria-hidden="true">
      <defs>
        <marker id="map-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="map-links__arrow" />
        </marker>
        <marker id="map-arrow-never" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="map-links__arrow map-links__arrow--never" />
        </marker>
      </defs>
      {map.edges.map((edge) => {
        const [from, to] = [at(edge.from), at(edge.to)];
        if (!from || !to) return null;
        const { sx, sy, tx, ty } = linkEnds(from, to, edge, map.direction);
        return <Link key={edge.id} edge={edge} sx={sx} sy={sy} tx={tx} ty={ty} direction={map.direction} />;
      })}
    </svg>
  );
}

export const NODE_TYPES = { band: BandNode, links: LinksNode, box: BoxNode };
