import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { KNOWLEDGE_STATES } from '../../../../shared/engine/knowledge.js';
import { formatUkDate } from '../../../../shared/time/display.js';
import { LONDON } from '../../../../shared/time/london.js';
import { toRow } from '../chronology/rowView.js';
import { STATE_LABELS } from '../case/knowledgeLegend.js';
import { drawTimeline, LABEL_W, timelineHeight, timeOf, type Frame, type Viewport } from './draw.js';
import { hitTest, type Hit } from './hitTest.js';

const MIN_MS_PER_PX = 36_000; // an hour across 100 pixels
const YEAR = 31_557_600_000;

function fit(from: number, to: number, width: number): Viewport {
  const span = Math.max(to - from, 86_400_000);
  const margin = span * 0.03;
  return { start: from - margin, msPerPx: (span + 2 * margin) / Math.max(100, width - LABEL_W) };
}

const when = (t: number) => format(new TZDate(t, LONDON), 'd MMM yyyy');

function describe(f: Frame, hit: Hit): string {
  switch (hit.kind) {
    case 'record': {
      const row = toRow(f.index.records[hit.position]!);
      const state = f.states ? ` · ${STATE_LABELS[KNOWLEDGE_STATES[f.states[hit.position] as number] ?? 'onRecord']}` : '';
      return `${row.date}${row.time ? ` ${row.time}` : ''} · ${row.kind}${state}\n${row.summary}`;
    }
    case 'count':
      return `${hit.count.toLocaleString('en-GB')} record${hit.count === 1 ? '' : 's'}, ${when(hit.from)} to ${when(hit.to - 1)}\nZoom in to see each one.`;
    case 'workload':
      return `Workload on ${formatUkDate(hit.snapshot.snapshotDate)}: ${hit.snapshot.capacityPct}% capacity${hit.snapshot.totalCases !== undefined ? `, ${hit.snapshot.totalCases} cases` : ''}${hit.excessive ? '\nExcessive workload (over 110% for four weeks or more)' : ''}`;
    case 'team':
      return `Team ${hit.snapshot.teamCode} on ${formatUkDate(hit.snapshot.snapshotDate)}: ${hit.snapshot.staffingPct}% staffed${hit.snapshot.deliveryStatus ? `, status ${hit.snapshot.deliveryStatus}` : ''}`;
    case 'allocation': {
      const a = hit.allocation;
      return `${a.cover ? 'Cover' : 'Allocated'}: ${a.staffName ?? a.staffCode}${a.grade ? ` (${a.grade})` : ''}`;
    }
    case 'cursor':
      return 'The as-of cursor: drag it to move the moment';
  }
}

/**
 * The timeline, drawn on a canvas: only what is in view is visited on each frame, so panning and zooming stay
 * smooth at 100,000 records. Drag to pan, drag the cursor's handle to move it, wheel to zoom, click to select.
 */
export function TimelineCanvas(props: {
  frame: Frame;
  onSelect: (position: number) => void;
  onCursor: (at: number) => void;
  onStep: (direction: -1 | 1) => void;
}) {
  const { frame, onSelect, onCursor, onStep } = props;
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const viewport = useRef<Viewport | null>(null);
  const frameRef = useRef(frame);
  const [width, setWidth] = useState(0);
  const [tip, setTip] = useState<{ x: number; y: number; text: string } | null>(null);
  const drag = useRef<{ mode: 'pan' | 'cursor'; x: number; start: number; moved: boolean } | null>(null);
  const pending = useRef(0);
  const height = timelineHeight(frame.layout);

  const paint = useCallback(() => {
    pending.current = 0;
    const canvas = canvasRef.current;
    const v = viewport.current;
    if (!canvas || !v) return;
    // Opaque: the compositor need not blend the canvas with the page beneath it.
    const ctx = canvas.getContext('2d', { alpha: false });
    if (!ctx) return;
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const painted = drawTimeline(ctx, frameRef.current, v, canvas.width / dpr, canvas.height / dpr);
    // What the canvas shows, for tests and the benchmark to read: the moment painted, and whether the outcome is in view.
    canvas.dataset.paintedCursor = String(frameRef.current.cursor);
    canvas.dataset.offenceShown = String(painted.offenceDrawn);
    // User Timing, read by `npm run bench`: when the timeline was first painted.
    if (performance.getEntriesByName('timeline-shown').length === 0) performance.mark('timeline-shown');
  }, []);

  const schedule = useCallback(() => {
    if (!pending.current) pending.current = requestAnimationFrame(paint);
  }, [paint]);

  useLayoutEffect(() => {
    const wrap = wrapRef.current;
    if (!wrap) return;
    const observer = new ResizeObserver(() => setWidth(wrap.clientWidth));
    observer.observe(wrap);
    setWidth(wrap.clientWidth);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    viewport.current ??= fit(frame.layout.first, frame.layout.last, width);
    paint();
  }, [width, height, frame.layout, paint]);

  useEffect(() => {
    frameRef.current = frame;
    schedule();
  }, [frame, schedule]);

  const zoom = useCallback(
    (factor: number, atX: number) => {
      const v = viewport.current;
      if (!v) return;
      const at = timeOf(v, atX);
      const msPerPx = Math.min((40 * YEAR) / Math.max(1, width), Math.max(MIN_MS_PER_PX, v.msPerPx * factor));
      viewport.current = { start: at - (atX - LABEL_W) * msPerPx, msPerPx };
      schedule();
    },
    [width, schedule],
  );

  const pan = useCallback(
    (px: number) => {
      const v = viewport.current;
      if (!v) return;
      viewport.current = { ...v, start: v.start + px * v.msPerPx };
      schedule();
    },
    [schedule],
  );

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      if (Math.abs(e.deltaX) > Math.abs(e.deltaY)) pan(e.deltaX);
      else zoom(Math.exp(e.deltaY * 0.0015), e.offsetX);
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [zoom, pan]);

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    const v = viewport.current;
    if (!v) return;
    const hit = hitTest(frame, v, width, e.nativeEvent.offsetX, e.nativeEvent.offsetY);
    drag.current = { mode: hit?.kind === 'cursor' ? 'cursor' : 'pan', x: e.clientX, start: v.start, moved: false };
    e.currentTarget.setPointerCapture(e.pointerId);
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const v = viewport.current;
    if (!v) return;
    const d = drag.current;
    if (d) {
      if (Math.abs(e.clientX - d.x) > 3) d.moved = true;
      if (d.mode === 'pan') {
        viewport.current = { ...v, start: d.start - (e.clientX - d.x) * v.msPerPx };
        schedule();
      } else if (d.moved) onCursor(timeOf(v, e.nativeEvent.offsetX));
      setTip(null);
      return;
    }
    const hit = hitTest(frame, v, width, e.nativeEvent.offsetX, e.nativeEvent.offsetY);
    setTip(hit ? { x: e.nativeEvent.offsetX, y: e.nativeEvent.offsetY, text: describe(frame, hit) } : null);
  };

  const onPointerUp = (e: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    drag.current = null;
    const v = viewport.current;
    if (!d || d.moved || !v) return;
    const hit = hitTest(frame, v, width, e.nativeEvent.offsetX, e.nativeEvent.offsetY);
    if (hit?.kind === 'record') onSelect(hit.position);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const step = (width - LABEL_W) / 8;
    const actions: Record<string, () => void> = {
      ArrowLeft: () => pan(-step),
      ArrowRight: () => pan(step),
      '+': () => zoom(0.7, (width + LABEL_W) / 2),
      '=': () => zoom(0.7, (width + LABEL_W) / 2),
      '-': () => zoom(1 / 0.7, (width + LABEL_W) / 2),
      '0': () => {
        viewport.current = fit(frame.layout.first, frame.layout.last, width);
        schedule();
      },
      ',': () => onStep(-1),
      '.': () => onStep(1),
    };
    const action = actions[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  return (
    <div className="timeline-canvas" ref={wrapRef}>
      <canvas
        ref={canvasRef}
        tabIndex={0}
        role="img"
        aria-label="Timeline of the case. The table below lists the same records."
        aria-describedby="timeline-keys"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerLeave={() => setTip(null)}
        onKeyDown={onKeyDown}
      />
      {tip && (
        <div className="timeline-tip" style={{ left: Math.min(tip.x + 14, width - 320), top: tip.y + 14 }} role="status">
          {tip.text}
        </div>
      )}
      <p id="timeline-keys" className="hint timeline-keys">
        Keyboard: focus the timeline, then ← and → pan, + and − zoom, 0 shows the whole case, comma and full stop step the
        cursor to the previous or next record. Mouse: drag to pan, wheel to zoom, drag the black handle to move the cursor,
        click a mark to select it.
      </p>
    </div>
  );
}
