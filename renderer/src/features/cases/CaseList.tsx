import { useState } from 'react';
import { formatTime } from '../../../../shared/time/display.js';
import { countRecords, listCases } from '../../store/cases.js';
import { useDb } from '../../store/context.js';
import { loadDemoCase } from '../demo/loadDemo.js';
import { href, navigate } from '../shell/useHashRoute.js';
import { usePageTitle } from '../shell/usePageTitle.js';
import { useStored } from '../../app/useStored.js';

export function CaseList() {
  const db = useDb();
  const cases = useStored(async (db) => {
    const all = await listCases(db);
    return Promise.all(all.map(async (c) => ({ ...c, records: await countRecords(db, c.id) })));
  }, []);
  const [restoring, setRestoring] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hasDemo = cases?.some((c) => c.synthetic) ?? true;
  usePageTitle('Cases');

  const restoreDemo = async () => {
    setRestoring(true);
    setError(null);
    try {
      const demo = await loadDemoCase(db);
      navigate(href.case(demo.id));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setRestoring(false);
    }
  };

  return (
    <div className="page">
      <h1 className="heading-l">Cases</h1>
      <p className="lede">Each case holds its chronology, its officers' workload and their team's staffing. Everything stays on this computer.</p>
      <div className="button-group">
        <a className="button" href={href.newFromFiles()} role="button">New case from export files</a>
        <a className="button button--secondary" href={href.newCase()} role="button">Create an empty case</a>
        {!hasDemo && (
          <button type="button" className="button button--secondary" onClick={restoreDemo} disabled={restoring}>
            {restoring ? 'Restoring the demo case…' : 'Restore the demo case'}
          </button>
        )}
      </div>
      {error && <p className="error-message" role="alert">{error}</p>}
      {cases === undefined ? (
        <p>Loading cases…</p>
      ) : cases.length === 0 ? (
        <p>There are no cases yet.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Cases</caption>
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">CRN</th>
              <th scope="col">Person on probation</th>
              <th scope="col">Further offence</th>
              <th scope="col" className="numeric">Records</th>
              <th scope="col"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id}>
                <td>
                  <a href={href.case(c.id)}>{c.title}</a>
                  {c.synthetic && <strong className="tag tag--grey">Synthetic</strong>}
                  {c.trainingCopy && <strong className="tag tag--yellow">Training copy</strong>}
                </td>
                <td>{c.crn}</td>
                <td>{c.subject}</td>
                <td>{formatTime(c.offenceAt)}</td>
                <td className="numeric">{c.records.toLocaleString('en-GB')}</td>
                <td className="actions">
                  <a href={href.edit(c.id)}>Edit details<span className="visually-hidden"> {c.title}</span></a>
                  <a href={href.delete(c.id)} className="link--warning">Delete<span className="visually-hidden"> {c.title}</span></a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
