import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import type { Case } from '../../../../shared/schemas/index.js';
import { renameCase } from '../../store/cases.js';
import { useDb } from '../../store/context.js';
import { href, navigate } from '../shell/useHashRoute.js';
import { ErrorSummary, TextField } from './fields.js';

export function RenameCase({ caseId }: { caseId: string }) {
  const db = useDb();
  const found = useLiveQuery(() => db.cases.get(caseId).then((c) => c ?? null), [db, caseId]);
  if (found === undefined) return <p className="page">Loading…</p>;
  if (found === null) return <CaseGone />;
  return <RenameForm found={found} />;
}

function RenameForm({ found }: { found: Case }) {
  const db = useDb();
  const [title, setTitle] = useState(found.title);
  const [error, setError] = useState<string | undefined>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = title.trim();
    if (!trimmed || trimmed.length > 200) {
      setError(trimmed ? 'The case name must be 200 characters or fewer' : 'Enter a name for the case');
      return;
    }
    await renameCase(db, found.id, trimmed);
    navigate(href.cases());
  };
  return (
    <div className="page page--narrow">
      <a className="back-link" href={href.cases()}>Back to cases</a>
      <h1 className="heading-l">Rename case</h1>
      <ErrorSummary errors={{ title: error }} labels={{ title: 'Case name' }} />
      <form onSubmit={submit} noValidate>
        <TextField id="title" label="Case name" hint={`CRN ${found.crn}`} value={title} onChange={setTitle} error={error} />
        <div className="button-group">
          <button type="submit" className="button">Save name</button>
          <a href={href.cases()} className="link-button">Cancel</a>
        </div>
      </form>
    </div>
  );
}

export function CaseGone() {
  return (
    <div className="page">
      <h1 className="heading-l">Case not found</h1>
      <p>This case does not exist on this computer. It may have been deleted.</p>
      <p><a href={href.cases()}>Go to the list of cases</a></p>
    </div>
  );
}
