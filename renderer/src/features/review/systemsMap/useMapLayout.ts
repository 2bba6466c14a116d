import { useEffect, useMemo, useRef, useState } from 'react';
import { LayoutAnswer, type LayoutRequest, type Positions } from '../../../../../shared/review/mapLayout.js';

type Request = Omit<LayoutRequest, 'seq'>;

/** The map's layout worker: one request at a time; while one is laid out, only the latest that came in since waits. */
class LayoutWorker {
  private readonly worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  /** The key of each request sent, by its sequence number. */
  private readonly keys: string[] = [];
  private busy = false;
  private waiting: { key: string; request: Request } | null = null;

  constructor(onAnswer: (key: string, answer: LayoutAnswer) => void) {
    this.worker.onmessage = (e: MessageEvent<unknown>) => {
      // What comes back from another thread is read like any outside data.
      const read = LayoutAnswer.safeParse(e.data);
      const answer: LayoutAnswer = read.success ? read.data : { ok: false, seq: -1, message: 'The layout came back in a form the map does not read.' };
      this.answered(() => onAnswer(this.keys[answer.seq] ?? '', answer));
    };
    this.worker.onerror = (e) => this.answered(() => onAnswer('', { ok: false, seq: -1, message: e.message || 'The layout stopped unexpectedly.' }));
  }

  request(key: string, request: Request): void {
    if (this.busy) this.waiting = { key, request };
    else this.send(key, request);
  }

  end(): void {
    this.worker.terminate();
  }

  private answered(tell: () => void): void {
    this.busy = false;
    tell();
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) this.send(waiting.key, waiting.request);
  }

  private send(key: string, request: Request): void {
    this.busy = true;
    this.keys.push(key);
    this.worker.postMessage({ ...request, seq: this.keys.length - 1 });
  }
}

export type MapLayout =
  | { state: 'laying out'; positions: Positions | null }
  | { state: 'laid out'; positions: Positions }
  | { state: 'failed'; message: string };

/**
 * Lays a map out in a worker of its own (elk stays off the window's thread and out of the first bundle), ended when
 * the map closes. While a new layout is worked out the last one is still given, so a factor moved to another level
 * shows in its new band at once and settles when the new layout arrives.
 */
export function useMapLayout(request: Request): MapLayout {
  const key = useMemo(() => JSON.stringify(request), [request]);
  const [last, setLast] = useState<{ key: string; answer: LayoutAnswer } | null>(null);
  const worker = useRef<LayoutWorker | null>(null);

  useEffect(() => {
    const w = new LayoutWorker((key, answer) => setLast({ key, answer }));
    worker.current = w;
    return () => {
      w.end();
      worker.current = null;
    };
  }, []);

  // By the key alone: a new request of the same map (the review changed elsewhere) is not laid out again.
  useEffect(() => worker.current?.request(key, JSON.parse(key) as Request), [key]);

  return useMemo((): MapLayout => {
    if (!last) return { state: 'laying out', positions: null };
    if (!last.answer.ok) return { state: 'failed', message: last.answer.message };
    const positions = new Map(last.answer.positions.map((p) => [p.id, { x: p.x, y: p.y }]));
    return last.key === key ? { state: 'laid out', positions } : { state: 'laying out', positions };
  }, [last, key]);
}
