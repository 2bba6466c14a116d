import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { KNOWLEDGE_STATES, PLACEHOLDER_REASONS } from '../../../../shared/engine/knowledge.js';
import { EXCESSIVE_CAPACITY_PCT } from '../../../../shared/engine/workload.js';
import { gapWords, RECALL_STEP_LABELS, TARGET_STATUS_WORDS, targetWords } from '../../../../shared/review/recallTiming.js';
import { formatTime, formatUkDate } from '../../../../shared/time/display.js';
import { LONDON } from '../../../../shared/time/london.js';
import { STATE_LABELS } from '../case/knowledgeLegend.js';
import { REVEALED } from '../../../../shared/engine/foresight.js';
import { rowOf } from '../chronology/ChronologyTable.js';
import { recordDate } from '../chronology/rowView.js';
import { caseSpan, drawTimeline, HELD_BACK_ROW, LABEL_W, LANE_H, overviewViewport, recallRowIndex, rowLabel, timelineHeight, timeOf, TOP, workloadTop, xOf, type Frame, type RecallMark, type Viewport } from './draw.js';
import { hitTest, type Hit } from './hitTest.js';
import { firstView, fitSpan, inView, showing, zoomAbout, zoomAt } from './viewport.js';

const when = (t: number) => format(new TZDate(t, LONDON), 'd MMM yyyy');
const ZOOM_STEP = 0.7;

function describe(f: Frame, hit: Hit): string {
  switch (hit.kind) {
    case 'record': {
      const record = f.index.records[hit.position]!;
      const state = f.states ? (KNOWLEDGE_STATES[f.states[hit.position] as number] ?? 'onRecord') : 'onRecord';
      if (hit.row === HELD_BACK_ROW && f.shown[hit.position] !== REVEALED) {
        // Held back: when, and why the officer could not know it; never what it was.
        const reason = PLACEHOLDER_REASONS[state as keyof typeof PLACEHOLDER_REASONS] ?? 'not known then';
        return `${recordDate(record)} · not known to the officer then: ${reason}\nSelect it to reveal it with hindsight.`;
      }
      const row = rowOf(record);
      const revealed = f.shown[hit.position] === REVEALED ? ' (revealed with hindsight)' : '';
      return `${row.date}${row.time ? ` ${row.time}` : ''} · ${row.what}${f.states ? ` · ${STATE_LABELS[state]}` : ''}${revealed}\n${row.summary}`;
    }
    case 'count': {
      const what = hit.row === HELD_BACK_ROW ? ' not known to the officer then' : '';
      return `${hit.count.toLocaleString('en-GB')} record${hit.count === 1 ? '' : 's'}${what}, ${when(hit.from)} to ${when(hit.to - 1)}\nZoom in to see each one.`;
    }
    case 'workload':
      return `Workload on ${formatUkDate(hit.snapshot.snapshotDate)}: ${hit.snapshot.capacityPct}% capacity${hit.snapshot.totalCases !== undefined ? `, ${hit.snapshot.totalCases} cases` : ''}${hit.excessive ? `\nExcessive workload (over ${EXCESSIVE_CAPACITY_PCT}% for four weeks or more)` : ''}`;
    case 'team':
      return `Team ${hit.snapshot.teamCode} on ${formatUkDate(hit.snapshot.snapshotDate)}: ${hit.snapshot.staffingPct}% staffed${hit.snapshot.deliveryStatus ? `, status ${hit.snapshot.deliveryStatus}` : ''}`;
    case 'allocation': {
      const a = hit.allocation;
      return `${a.cover ? 'Cover' : 'Allocated'}: ${a.staffName ?? a.staffCode}${a.grade ? ` (${a.grade})` : ''}`;
    }
    case 'recall':
      return describeRecall(hit.mark);
    case 'overview':
      return 'The whole case: click or drag to move the chart there';
    case 'cursor':
      return 'The moment the case is seen from: drag it to move it';
  }
}

/** A recall step in words: what and when (with any other step the same record is), the time since the step before, and its targets. */
function describeRecall({ sequence, step }: RecallMark): string {
  const same = sequence.steps.filter((r) => r.status === 'found' && r.record === step.record);
  const lines = [`${same.map((r) => RECALL_STEP_LABELS[r.step]).join(' and ')}: ${formatTime(step.time)} · ${same.map((r) => (r.status === 'found' ? r.meaning : '')).join('; ')}`];
  if (step.sincePrevious && !step.sincePrevious.sameRecord) lines.push(gapWords(step.sincePrevious));
  for (const t of sequence.targets.filter((t) => same.some((r) => r.step === t.to))) lines.push(`${targetWords(t)} (${t.policyName}): ${TARGET_STATUS_WORDS[t.status]}. ${t.reason}`);
  return lines.join('\n');
}

/**
 * The timeline, drawn on a canvas: only what is in view is visited on each frame, so panning and zooming stay
 * smooth at 100,000 records. It opens on the weeks before the cursor, keeps the cursor in view when it jumps or
 * steps, and zooms about it. Drag to pan, drag the cursor to move it, wheel to zoom, click to select; the strip at
 * the top shows the whole case, and a click there moves the chart.
 */
export function TimelineCanvas(props: {
  frame: Frame;
  /** A record clicked; `pick`: with Ctrl or Cmd held (picked for an episode as well as selected). */
  onSelect: (position: number, pick: boolean) => void;
  onCursor: (at: number) => void;
  onStep: (direction: -1 | 1) => void;
}) {
  const { frame, onSelect, onCursor, onStep } = props;
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const viewport = useRef<Viewport | null>(null);
  /** The case span the viewport was set for: a new import (or a new case) starts afresh. */
  const fittedFor = useRef('');
  const frameRef = useRef(frame);
  const [width, setWidth] = useState(0);
  const [tip, setTip] = useState<{ x: number; y: number; text: string } | null>(null);
  const drag = useRef<{ mode: 'pan' | 'cursor' | 'overview'; x: number; start: number; moved: boolean } | null>(null);
  const draggingCursor = useRef(false);
  const pending = useRef(0);
  const height = timelineHeight(frame.rows.length);

  const paint = useCallback(() => {
    pending.current = 0;
    const canvas = canvasRef.current;
    const v = viewport.current;
    if (!canvas || !v) return;
    // Opaque: the compositor need not blend the canvas with the page beneath it.
    const ctx = canvas.getContext('2d', { alpha: false });
    if (!ctx) return;
    const dpr = window.devicePixelRatio || 1;
    const w = canvas.width / dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const drawn = drawTimeline(ctx, frameRef.current, v, w, canvas.height / dpr);
    // What the canvas shows, for tests and the benchmark to read: the moment painted, whether the outcome is in view,
    // the window, and how many records' marks (or counts) were drawn in it.
    canvas.dataset.paintedCursor = String(frameRef.current.cursor);
    canvas.dataset.offenceShown = String(drawn.offenceDrawn);
    canvas.dataset.windowFrom = String(Math.round(v.start));
    canvas.dataset.windowTo = String(Math.round(timeOf(v, w)));
    canvas.dataset.marks = String(drawn.painted.marks);
    // The recall steps drawn in view, and the lane they are drawn across.
    canvas.dataset.recallSteps = drawn.recall.join(' ');
    canvas.dataset.recallLaneTop = String(TOP + recallRowIndex(frameRef.current) * LANE_H);
    const cursorX = xOf(v, frameRef.current.cursor);
    canvas.dataset.cursorX = String(cursorX >= LABEL_W && cursorX <= w ? Math.round(cursorX) : -1);
    canvas.dataset.lanesTop = String(TOP);
    canvas.dataset.lanesBottom = String(workloadTop(frameRef.current));
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

  const { first, last } = frame.layout;
  /** The cursor the chart last followed: it moves to show the cursor only when the cursor itself moves. */
  const followed = useRef(frame.cursor);
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    const span = `${first}|${last}`;
    if (fittedFor.current !== span || !viewport.current) {
      fittedFor.current = span;
      const [from, to] = caseSpan(frameRef.current);
      viewport.current = firstView(from, to, frameRef.current.cursor, width);
    }
    paint();
  }, [width, height, first, last, paint]);

  // The cursor stays in view when it jumps or steps (not while it is being dragged: it is under the pointer then).
  useEffect(() => {
    frameRef.current = frame;
    const v = viewport.current;
    const moved = followed.current !== frame.cursor;
    followed.current = frame.cursor;
    if (moved && v && width > 0 && !draggingCursor.current && !inView(v, width, frame.cursor)) viewport.current = showing(v, width, frame.cursor);
    schedule();
  }, [frame, width, schedule]);

  const setViewport = useCallback(
    (next: Viewport) => {
      viewport.current = next;
      schedule();
    },
    [schedule],
  );

  const zoom = useCallback((factor: number) => viewport.current && setViewport(zoomAbout(viewport.current, width, frameRef.current.cursor, factor)), [width, setViewport]);
  const pan = useCallback((px: number) => viewport.current && setViewport({ ...viewport.current, start: viewport.current.start + px * viewport.current.msPerPx }), [setViewport]);
  const wholeCase = useCallback(() => setViewport(fitSpan(...caseSpan(frameRef.current), width)), [width, setViewport]);
  const aroundCursor = useCallback(() => setViewport(firstView(...caseSpan(frameRef.current), frameRef.current.cursor, width)), [width, setViewport]);
  /** Centre the chart on the instant under a point of the overview strip. */
  const overviewTo = useCallback(
    (x: number) => {
      const v = viewport.current;
      if (!v) return;
      const t = timeOf(overviewViewport(frameRef.current, width), x);
      setViewport({ start: t - ((width - LABEL_W) / 2) * v.msPerPx, msPerPx: v.msPerPx });
    },
    [width, setViewport],
  );

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const v = viewport.current;
      if (!v) return;
      if (Math.abs(e.deltaX) > Math.abs(e.deltaY)) pan(e.deltaX);
      else setViewport(zoomAt(v, width, Math.max(LABEL_W, e.offsetX), Math.exp(e.deltaY * 0.0015)));
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [pan, setViewport, width]);

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    const v = viewport.current;
    if (!v) return;
    const hit = hitTest(frame, v, width, e.nativeEvent.offsetX, e.nativeEvent.offsetY);
    const mode = hit?.kind === 'cursor' ? 'cursor' : hit?.kind === 'overview' ? 'overview' : 'pan';
    drag.current = { mode, x: e.clientX, start: v.start, moved: false };
    draggingCursor.current = mode === 'cursor';
    if (mode === 'overview') overviewTo(e.nativeEvent.offsetX);
    e.currentTarget.setPointerCapture(e.pointerId);
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const v = viewport.current;
    if (!v) return;
    const d = drag.current;
    if (d) {
      if (Math.abs(e.clientX - d.x) > 3) d.moved = true;
      if (d.mode === 'pan') setViewport({ ...v, start: d.start - (e.clientX - d.x) * v.msPerPx });
      else if (d.mode === 'overview') overviewTo(e.nativeEvent.offsetX);
      else if (d.moved) onCursor(timeOf(v, e.nativeEvent.offsetX));
      setTip(null);
      return;
    }
    const hit = hitTest(frame, v, width, e.nativeEvent.offsetX, e.nativeEvent.offsetY);
    setTip(hit ? { x: e.nativeEvent.offsetX, y: e.nativeEvent.offsetY, text: describe(frame, hit) } : null);
  };

  const onPointerUp = (e: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    drag.current = null;
    draggingCursor.current = false;
    const v = viewport.current;
    if (!d || d.moved || !v) return;
    const hit = hitTest(frame, v, width, e.nativeEvent.offsetX, e.nativeEvent.offsetY);
    if (hit?.kind === 'record') onSelect(hit.position, e.ctrlKey || e.metaKey);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const step = (width - LABEL_W) / 8;
    const actions: Record<string, () => void> = {
      ArrowLeft: () => pan(-step),
      ArrowRight: () => pan(step),
      '+': () => zoom(ZOOM_STEP),
      '=': () => zoom(ZOOM_STEP),
      '-': () => zoom(1 / ZOOM_STEP),
      '0': wholeCase,
      c: aroundCursor,
      ',': () => onStep(-1),
      '.': () => onStep(1),
    };
    const action = actions[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  const rows = frame.rows.map((r) => rowLabel(frame, r)).join(', ');
  return (
    <div className="timeline-canvas" ref={wrapRef}>
      <div className="timeline-zoom" role="group" aria-label="Zoom the timeline">
        <button type="button" className="button button--secondary button--tiny" onClick={() => zoom(1 / ZOOM_STEP)} aria-label="Zoom out" title="Zoom out (−)">−</button>
        <button type="button" className="button button--secondary button--tiny" onClick={() => zoom(ZOOM_STEP)} aria-label="Zoom in" title="Zoom in (+), about the cursor">+</button>
        <button type="button" className="button button--secondary button--tiny" onClick={wholeCase} title="Show the whole case (0)">Whole case</button>
        <button type="button" className="button button--secondary button--tiny" onClick={aroundCursor} title="The weeks before the cursor (c)">Weeks before the cursor</button>
      </div>
      <canvas
        ref={canvasRef}
        tabIndex={0}
        role="img"
        aria-label={`Timeline of the case, rows: ${rows}; then workload and team staffing. The table below lists the same records, and the recall steps marked across the oversight lane are listed under the chart.`}
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
        Keyboard: focus the timeline, then ← and → pan, + and − zoom about the cursor, 0 shows the whole case, c the weeks
        before the cursor, comma and full stop step the cursor to the previous or next record. Mouse: drag to pan, wheel to
        zoom, drag the black line to move the cursor, click a mark to select it, click the strip at the top to move there.
      </p>
    </div>
  );
}
