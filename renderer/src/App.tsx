import { useEffect, useState } from 'react';
import { CaseView } from './features/cases/CaseView.js';
import { CaseList } from './features/cases/CaseList.js';
import { NewCase } from './features/cases/CaseForm.js';
import { NewCaseFromFiles } from './features/newCase/NewCaseFromFiles.js';
import { DeleteCase } from './features/cases/DeleteCase.js';
import { EditCaseDetails } from './features/cases/EditCaseDetails.js';
import { BackupsPage } from './features/backups/BackupsPage.js';
import { ExportCase } from './features/caseFiles/ExportCase.js';
import { OpenCaseFile } from './features/caseFiles/OpenCaseFile.js';
import { SettingsPage } from './features/settings/SettingsPage.js';
import { ErrorBoundary, PageProblem } from './features/shell/ErrorBoundary.js';
import { Layout } from './features/shell/Layout.js';
import { Opening } from './features/shell/Opening.js';
import { href, useHashRoute } from './features/shell/useHashRoute.js';
import { usePageTitle } from './features/shell/usePageTitle.js';
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
  if (starting === 'loading') page = <Opening />;
  else if (starting !== 'ready') page = <CouldNotStart message={starting.error} />;
  else if (route.page === 'cases') page = <CaseList />;
  else if (route.page === 'new-case') page = <NewCase />;
  else if (route.page === 'new-from-files') page = <NewCaseFromFiles />;
  else if (route.page === 'case') page = <CaseView caseId={route.caseId} tab={route.tab} section={route.section} />;
  else if (route.page === 'edit') page = <EditCaseDetails caseId={route.caseId} />;
  else if (route.page === 'delete') page = <DeleteCase caseId={route.caseId} />;
  else if (route.page === 'export') page = <ExportCase caseId={route.caseId} />;
  else if (route.page === 'settings') page = <SettingsPage />;
  else if (route.page === 'backups') page = <BackupsPage />;
  else if (route.page === 'open') page = <OpenCaseFile />;
  else page = <NotFound />;

  return (
    <Layout>
      <ErrorBoundary resetKey={window.location.hash} fallback={(error) => <PageProblem error={error} route={route} />}>
        {page}
      </ErrorBoundary>
    </Layout>
  );
}

function CouldNotStart({ message }: { message: string }) {
  usePageTitle('Foresight could not start');
  return (
    <div className="page">
      <h1 className="heading-l">Foresight could not start</h1>
      <p className="error-message" role="alert">{message}</p>
    </div>
  );
}

function NotFound() {
  usePageTitle('Page not found');
  return (
    <div className="page">
      <h1 className="heading-l">Page not found</h1>
      <p>There is no page at this address in Foresight.</p>
      <p><a href={href.cases()}>Go to the list of cases</a></p>
    </div>
  );
}
