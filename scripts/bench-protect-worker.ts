/// <reference lib="webworker" />
// The trail check as the app's case-file worker runs it, for `npm run bench -- protect`: one store, one check, one
// answer with its time. It says when it has loaded, since loading modules from Vite's dev server one by one takes far
// longer than the app's bundled worker does.
import { openDatabase } from '../renderer/src/store/db.js';
import { sealerFor } from '../renderer/src/store/sealing.js';
import { checkTrail, type TrailCheckDepth } from '../renderer/src/store/trailCheck.js';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<{ name: string; key: Uint8Array | null; caseId: string; depth: TrailCheckDepth }>) => {
  const { name, key, caseId, depth } = event.data;
  const db = openDatabase(name, key ? { sealer: sealerFor(key) } : {});
  await db.open();
  const t0 = performance.now();
  const trail = await checkTrail(db, caseId, depth);
  const ms = performance.now() - t0;
  db.close();
  self.postMessage({ ok: trail?.ok ?? false, reason: trail && !trail.ok ? trail.reason : '', ms });
};
self.postMessage('loaded');
