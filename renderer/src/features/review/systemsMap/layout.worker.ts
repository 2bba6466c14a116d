/// <reference lib="webworker" />
// The systems map's layout, off the window's thread: each request is checked, laid out by elk, and answered with
// where each box goes (shared/review/mapLayout.ts). elk's bundled build also listens on `self.onmessage` when it
// loads inside a worker; this module's handler, set after the import has run, replaces it.
import ELK from 'elkjs/lib/elk.bundled.js';
import { layOut, LayoutRequest, type LayoutAnswer } from '../../../../../shared/review/mapLayout.js';

declare const self: DedicatedWorkerGlobalScope;

const elk = new ELK();

self.onmessage = async (event: MessageEvent<unknown>) => {
  const request = LayoutRequest.safeParse(event.data);
  let answer: LayoutAnswer;
  if (!request.success) answer = { ok: false, seq: -1, message: 'The map sent something that is not a layout request.' };
  else {
    try {
      const positions = await layOut(request.data, elk);
      answer = { ok: true, seq: request.data.seq, positions: [...positions].map(([id, p]) => ({ id, x: p.x, y: p.y })) };
    } catch (e) {
      answer = { ok: false, seq: request.data.seq, message: e instanceof Error ? e.message : String(e) };
    }
  }
  self.postMessage(answer);
};
