import { Controls, ReactFlow, type NodeChange, type OnNodeDrag, type XYPosition } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type UIEvent } from 'react';
import type { DrawnBox, DrawnMap } from '../../../../../shared/review/mapLayout.js';
import { ACCIMAP_LEVELS, type AcciMapLevel } from '../../../../../shared/schemas/review.js';
import { NODE_TYPES, type BandNodeType, type BoxNodeType, type LinksNodeType } from './mapNodes.js';

type MapNodeType = BandNodeType | LinksNodeType | BoxNodeType;

const isLevel = (band: string | undefined): band is AcciMapLevel => (ACCIMAP_LEVELS as readonly string[]).includes(band ?? '');

const ARIA_LABELS = {
  'node.a11yDescription.default': 'Choose a factor’s level in its “Move to level” list and press Move, or drag the factor into another band.',
  'node.a11yDescription.keyboardDisabled': 'Choose a factor’s level in its “Move to level” list and press Move, or drag the factor into another band.',
  'controls.ariaLabel': 'Zoom',
  'controls.zoomIn.ariaLabel': 'Zoom in',
  'controls.zoomOut.ariaLabel': 'Zoom out',
  'controls.fitView.ariaLabel': 'Show the whole map',
};


/**
 * A laid-out map in React Flow. Boxes sit where the drawing puts them; a factor dragged into another level's band is
 * moved there by `onMove` (the drawing then follows the review), and dropped anywhere else goes back to its place.
 */
export function MapCanvas(props: {
  map: DrawnMap;
  label: string;
  onMove?: (box: DrawnBox, level: AcciMapLevel) => void;
  openerFor?: (box: DrawnBox) => (() => void) | undefined;
}) {
  const { map, onMove, openerFor } = props;
  const [moving, setMoving] = useState<{ id: string; position: XYPosition } | null>(null);
  const bandAt = useCallback((y: number) => map.bands.find((b) => y >= b.y && y < b.y + b.height) ?? null, [map]);

  const bands = useMemo(
    () =>
      map.bands.map(
        (band): BandNodeType => ({
          id: `band:${band.id}`,
          type: 'band',
          position: { x: 0, y: band.y },
          width: map.width,
          height: band.height,
          data: { band, target: false },
          draggable: false,
          selectable: false,
          focusable: false,
          zIndex: -1,
        }),
      ),
    [map],
  );
  const boxes = useMemo(
    () =>
      map.boxes.map((box): BoxNodeType => {
        const movable = onMove && box.kind === 'factor' && isLevel(box.band);
        const open = openerFor?.(box);
        return {
          id: box.id,
          type: 'box',
          position: { x: box.x, y: box.y },
          width: box.width,
          height: box.height,
          // Keyboard users reach a box through its own control (its level, or opening it), not the box itself.
          focusable: false,
          draggable: Boolean(movable),
          selectable: false,
          ariaRole: 'group',
          ariaLabel: box.text,
          // Above the links, which are above the bands.
          zIndex: 1,
          data: { box, ...(movable && isLevel(box.band) ? { move: { level: box.band, to: (level: AcciMapLevel) => onMove(box, level) } } : {}), ...(open ? { open } : {}) },
        };
      }),
    [map, onMove, openerFor],
  );

  // While a factor is dragged only it and the band it would drop into change, so the other boxes are not drawn again.
  const target = useMemo(() => {
    const box = moving && map.boxes.find((b) => b.id === moving.id);
    return box && moving ? (bandAt(moving.position.y + box.height / 2)?.id ?? null) : null;
  }, [moving, map, bandAt]);
  const links = useMemo(
    (): LinksNodeType => ({
      id: 'links',
      type: 'links',
      position: { x: 0, y: 0 },
      width: map.width,
      height: map.height,
      data: { map, moving },
      draggable: false,
      selectable: false,
      focusable: false,
      zIndex: 0,
    }),
    [map, moving],
  );
  const nodes = useMemo(
    () => [
      ...bands.map((n) => (n.data.band.id === target && isLevel(target) ? { ...n, data: { ...n.data, target: true } } : n)),
      links,
      ...(moving ? boxes.map((n) => (n.id === moving.id ? { ...n, position: moving.position, zIndex: 1000 } : n)) : boxes),
    ],
    [bands, links, boxes, moving, target],
  );

  const onNodesChange = useCallback((changes: NodeChange<MapNodeType>[]) => {
    for (const c of changes) if (c.type === 'position' && c.dragging && c.position) setMoving({ id: c.id, position: c.position });
  }, []);
  // A click on an episode or a finding opens it (its button does the same from the keyboard).
  const onNodeClick = useCallback((_event: unknown, node: MapNodeType) => {
    if (node.type === 'box') node.data.open?.();
  }, []);
  const onNodeDragStop: OnNodeDrag<MapNodeType> = useCallback(
    (_event, node) => {
      setMoving(null);
      const box = map.boxes.find((b) => b.id === node.id);
      const band = box ? bandAt(node.position.y + box.height / 2)?.id : undefined;
      if (box && onMove && isLevel(band) && band !== box.band) onMove(box, band);
    },
    [map, bandAt, onMove],
  );
  // While the map pans or zooms it is drawn as one layer that the compositor moves (a third of the frame time, measured
  // on 300 boxes); once it has rested a moment it is drawn again from scratch, so its text is sharp at the new zoom.
  // Every move sets this, not only the start of one: a pan begun just as the map opens gets no start from React Flow.
  const canvas = useRef<HTMLDivElement>(null);
  const resting = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const onViewportMove = useCallback(() => {
    canvas.current?.classList.add('is-panning');
    clearTimeout(resting.current);
    resting.current = setTimeout(() => canvas.current?.classList.remove('is-panning'), 200);
  }, []);
  useEffect(() => () => clearTimeout(resting.current), []);
  // Focus moving into a box off the screen would scroll React Flow's own container, and it would stay shifted.
  const unscroll = useCallback((e: UIEvent<HTMLDivElement>) => {
    const el = e.target as HTMLElement;
    if (el.classList.contains('react-flow') || el.classList.contains('react-flow__renderer')) el.scrollTop = el.scrollLeft = 0;
  }, []);

  return (
    <div ref={canvas} className="systems-map__canvas" onScrollCapture={unscroll}>
      <ReactFlow<MapNodeType>
        aria-label={props.label}
        nodes={nodes}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onNodeClick={onNodeClick}
        onMove={onViewportMove}
        nodesConnectable={false}
        nodesDraggable={false}
        elementsSelectable={false}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        zoomOnDoubleClick={false}
        fitView
        minZoom={0.05}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
        ariaLabelConfig={ARIA_LABELS}
      >
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
