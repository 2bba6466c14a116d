// A bench-only page (never part of the app): the systems map panel alone, on a review and case the benchmark writes
// beside it (review.json, case.json), so `npm run bench -- systems-map` can time panning a 300-box map in Chromium.
// Moving a factor changes the review here as the Review tab's store would.
import { createElement, StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { SystemsMapPanel } from '../../renderer/src/features/review/systemsMap/SystemsMapPanel.js';
import type { SystemsMapProps } from '../../renderer/src/features/review/systemsMap/SystemsMap.js';
import '../../renderer/src/styles.css';

const [review, data] = (await Promise.all([fetch('./review.json').then((r) => r.json()), fetch('./case.json').then((r) => r.json())])) as [SystemsMapProps['review'], SystemsMapProps['data']];

function Bench() {
  const [shown, setShown] = useState(review);
  const onMoveFactor: SystemsMapProps['onMoveFactor'] = (id, level) => setShown((r) => ({ ...r, factors: r.factors.map((f) => (f.id === id ? { ...f, level } : f)) }));
  return createElement(SystemsMapPanel, { review: shown, data, title: shown.title, onMoveFactor });
}

createRoot(document.getElementById('root') as HTMLElement).render(createElement(StrictMode, null, createElement(Bench)));
