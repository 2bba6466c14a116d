// The presenter view and the debrief alone, without the rest of the app: the demo case indexed in the page, and a
// walkthrough and session the test mounts (window.mount). presenter.spec.ts bundles this with esbuild and serves it
// under the app's CSP. Answers are kept as the store would keep them: appended to the session.
import { createElement, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { DebriefView } from '../../renderer/src/features/training/debrief/DebriefView.js';
import { PresenterView } from '../../renderer/src/features/training/presenter/PresenterView.js';
import { CaseIndex, type CaseData } from '../../shared/engine/caseIndex.js';
import type { Session, Walkthrough } from '../../shared/training/walkthrough.js';

export interface Mount {
  view: 'presenter' | 'debrief';
  walkthrough: Walkthrough;
  session: Session;
}

declare global {
  interface Window {
    mount: (m: Mount) => void;
    session: Session;
    harnessReady: boolean;
  }
}

function Harness({ index, mount }: { index: CaseIndex; mount: Mount }) {
  const [session, setSession] = useState(mount.session);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    window.session = session;
  }, [session]);
  if (mount.view === 'debrief') return createElement('main', null, createElement(DebriefView, { index, walkthrough: mount.walkthrough, session }));
  return createElement(
    'main',
    null,
    createElement('h1', null, 'The app behind the presenter view'),
    createElement('button', { type: 'button', onClick: () => setOpen(true) }, 'Present'),
    open &&
      createElement(PresenterView, {
        index,
        walkthrough: mount.walkthrough,
        session,
        onAnswer: (answer) => setSession((s) => ({ ...s, answers: [...s.answers, answer] })),
        onClose: () => setOpen(false),
      }),
  );
}

void fetch('bundle.json')
  .then((r) => r.json())
  .then((bundle: CaseData) => {
    const index = new CaseIndex(bundle);
    const root = createRoot(document.getElementById('root')!);
    let mounted = 0;
    window.mount = (m) => root.render(createElement(Harness, { index, mount: m, key: ++mounted }));
    window.harnessReady = true;
  });
