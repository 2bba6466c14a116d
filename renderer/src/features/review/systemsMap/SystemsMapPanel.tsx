import { lazy, Suspense } from 'react';
import type { SystemsMapProps } from './SystemsMap.js';

// React Flow and elk are large: the map's code loads only when the map is shown, never with the first bundle.
const SystemsMap = lazy(() => import('./SystemsMap.js'));

/** The systems map of a review, loaded when it is first shown. Its props are the map's own (SystemsMap.tsx). */
export function SystemsMapPanel(props: SystemsMapProps) {
  return (
    <section className="systems-map-panel" aria-labelledby="systems-map-heading">
      <h2 id="systems-map-heading" className="heading-m">Systems map</h2>
      <Suspense fallback={<p role="status">Opening the systems map…</p>}>
        <SystemsMap {...props} />
      </Suspense>
    </section>
  );
}
