import { useState } from 'react';
import { countBackups } from '../../store/backups.js';
import { countRecords, deleteCase, findCase } from '../../store/cases.js';
import { useDb } from '../../store/context.js';
import { href, navigate } from '../shell/useHashRoute.js';
import { usePageTitle } from '../shell/usePageTitle.js';
import { CaseGone } from './CaseGone.js';
import { useStored } from '../../app/useStored.js';

/** Deleting a case cannot be undone, so it gets its own confirmation page naming exactly what will go. */
export function DeleteCase({ caseId }: { caseId: string }) {
  const db = useDb();
  const found = useStored(async (db) => {
    const c = await findCase(db, caseId);
    return c && { ...c, records: await countRecords(db, caseId), backups: await countBackups(db, caseId) };
  }, [caseId]);
  const [deleting, setDeleting] = useState(false);
  usePageTitle('Delete case', found?.title);
  if (found === undefined) return <p className="page">Loading…</p>;
  if (found === null) return <CaseGone />;
  const confirm = async () => {
    setDeleting(true);
    await deleteCase(db, caseId);
    navigate(href.cases());
  };
  return (
    <div className="page page--narrow">
      <a className="back-link" href={href.cases()}>Back to cases</a>
      <h1 className="heading-l">Are you sure you want to delete “{found.title}”?</h1>
      <div className="warning-text">
        <span className="warning-text__icon" aria-hidden="true">!</span>
        <strong className="warning-text__text">
          <span className="visually-hidden">Warning</span>
          This deletes the case ({found.crn}) and its {found.records.toLocaleString('en-GB')} records, allocations, workload and
          staffing snapshots, its audit trail and its {found.backups} {found.backups === 1 ? 'backup' : 'backups'} from this computer. It cannot be undone.
        </strong>
      </div>
      <div className="button-group">
        <button type="button" className="button button--warning" onClick={confirm} disabled={deleting}>
          {deleting ? 'Deleting…' : 'Yes, delete this case'}
        </button>
        <a href={href.cases()} className="link-button">No, keep it</a>
      </div>
    </div>
  );
}
