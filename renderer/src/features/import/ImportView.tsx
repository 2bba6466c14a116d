import { useMemo } from 'react';
import { describeRows } from '../../../../shared/import/plan.js';
import { count } from '../../../../shared/domain/words.js';
import type { Case } from '../../../../shared/schemas/index.js';
import { href } from '../shell/useHashRoute.js';
import { FileDrop } from './FileDrop.js';
import { ImportSteps } from './ImportSteps.js';
import { useImport } from './useImport.js';

/** Import nDelius, WMT and partner files into a case: choose, check, preview, then store all or nothing. */
export function ImportView({ found }: { found: Case }) {
  const into = useMemo(() => ({ caseId: found.id, crn: found.crn }), [found.id, found.crn]);
  const { state, start, answerMapping, accept, cancel } = useImport(into);

  const steps = <ImportSteps state={state} crn={found.crn} acceptLabel="Accept and store" onAnswer={answerMapping} onAccept={accept} onCancel={cancel} />;
  if (state.step !== 'choose' && state.step !== 'failed' && state.step !== 'stored') return steps;
  if (state.step === 'stored') {
    return (
      <div className="panel-confirmation" role="status">
        <h2 className="heading-m">Import stored</h2>
        <p>Stored in one step: {describeRows(state.written)}{state.replaced > 0 ? `; ${count(state.replaced, 'changed row')} replaced` : ''}.</p>
        {state.backup.state === 'making' && <p>Making a backup of the case as it now stands…</p>}
        {state.backup.state === 'made' && <p>A backup of the case as it now stands has been made.</p>}
        {state.backup.state === 'failed' && <p>The import is stored, but the backup of the case could not be made: {state.backup.message}</p>}
        <p className="button-group">
          <a className="button" href={href.case(found.id, 'timeline')}>Open the timeline</a>
          <a href={href.case(found.id)}>Open the chronology</a>
          <button type="button" className="link-like" onClick={cancel}>Import more files</button>
        </p>
      </div>
    );
  }
  return (
    <div className="import">
      {state.step === 'failed' && (
        <div className="error-summary" role="alert">
          <h2 className="error-summary__title">The import stopped</h2>
          <p>{state.message} Nothing was stored.</p>
        </div>
      )}
      <h2 className="heading-m">Import files into this case</h2>
      <p>
        nDelius contact lists, WMT workload snapshots, team staffing, partner-agency information and allocations, as
        CSV or Excel (.xlsx). Choose several at once: each file's kind is recognised from its columns. Nothing is stored
        until you have seen what each file holds and accepted it.
      </p>
      <FileDrop onFiles={start} />
    </div>
  );
}
