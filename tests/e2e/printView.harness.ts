// The print view alone, without the rest of the app: a page with something behind it, a button that opens it, and
// the browser bridge for "Save as PDF". printView.spec.ts bundles this with esbuild and serves it under the app's CSP.
import { createElement, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { bridge } from '../../renderer/src/bridge/index.js';
import { PrintView } from '../../renderer/src/features/report/PrintView.js';
import type { ReportDocument } from '../../shared/report/document.js';
import type { FigureSvg } from '../../shared/report/html.js';

function Harness({ doc, svgs }: { doc: ReportDocument; svgs: ReadonlyMap<string, FigureSvg> }) {
  const [open, setOpen] = useState(false);
  return createElement(
    'main',
    null,
    createElement('h1', null, 'The app behind the print view'),
    createElement('button', { type: 'button', onClick: () => setOpen(true) }, 'Open the print view'),
    open && createElement(PrintView, { doc, svgs, onClose: () => setOpen(false), onSavePdf: () => void bridge.printToPdf({ suggestedName: 'review.pdf' }) }),
  );
}

void Promise.all([fetch('doc.json').then((r) => r.json()), fetch('svgs.json').then((r) => r.json())]).then(([doc, svgs]: [ReportDocument, [string, FigureSvg][]]) => {
  createRoot(document.getElementById('root')!).render(createElement(Harness, { doc, svgs: new Map(svgs) }));
});
