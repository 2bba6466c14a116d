import { useEffect, useState } from 'react';
import { CaseView } from './features/cases/CaseView.js';
import { CaseList } from './features/cases/CaseList.js';
import { NewCase } from './features/cases/CaseForm.js';
import { NewCaseFromFiles } from './features/newCase/NewCaseFromFiles.js';
import { DeleteCase } from './features/cases/DeleteCase.js';
import { RenameCase } from './features/cases/RenameCase.js';
import { BackupsPage } from './features/backups/BackupsPage.js';
import { ExportCase } from './features/caseFiles/ExportCase.js';
import { OpenCaseFile } from './features/caseFiles/OpenCaseFile.js';
import { SettingsPage } from './features/settings/SettingsPage.js';
import { Layout } from './features/shell/Layout.js';
import { useHashRoute } from './features/shell/useHashRoute.js';
import { firstRun } from './features/demo/firstRun.js';
import { useDb } from './store/context.js';

export function App() {
  const db = useDb();
  const route = useHashRoute();
  const [starting, setStarting] = useState<'loading' | 'ready' | { error: string }>('loading');
  useEffect(() => {
    firstRun(db).then(
      () => setStarting('ready'),
      (e: unknown) => setStarting({ error: e instanceof Error ? e.message : String(e) }),
    );
  }, [db]);

  let page: React.ReactNode;
  if (starting === 'loading') page = <p className="page" aria-live="polite">Opening Foresight…</p>;
  else if (starting !== 'ready') {
    page = (
      <div className="page">
        <h1 className="heading-l">Foresight could not start</h1>
        <p className="error-message" role="alert">{starting.error}</p>
      </div>
    );
  } else if (route.page === 'cases') page = <CaseList />;
  else if (route.page === 'new-case') page = <NewCase />;
  else if (route.page === 'new-from-files') page = <NewCaseFromFiles />;
  else if (route.page === 'case') page = <CaseView caseId={route.caseId} tab={route.tab} />;
  else if (route.page === 'rename') page = <RenameCase caseId={route.caseId} />;
  else if (route.page === 'delete') page = <DeleteCase caseId={route.caseId} />;
  else if (route.page === 'export') page = <ExportCase caseId={route.caseId} />;
  else if (route.page === 'settings') page = <SettingsPage />;
  else if (route.page === 'backups') page = <BackupsPage />;
  else if (route.page === 'open') page = <OpenCaseFile />;
  else page = <div className="page"><h1 className="heading-l">Page not found</h1><p><a href="#/">Go to the list of cases</a></p></div>;

  return <Layout>{page}</Layout>;
}
