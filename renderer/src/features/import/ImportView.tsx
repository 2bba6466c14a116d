import { useState, type DragEvent } from 'react';
import type { Case } from '../../../../shared/schemas/index.js';
import { href } from '../shell/useHashRoute.js';
import { ImportPreviewView } from './ImportPreview.js';
import { MappingStep } from './MappingStep.js';
import { Progress } from './Progress.js';
import { useImport } from './useImport.js';

/** Import nDelius, WMT and partner files into a case: choose, check, preview, then store all or nothing. */
export function ImportView({ found }: { found: Case }) {
  const { state, start, answerMapping, accept, cancel } = useImport(found.id, found.crn);
  const [dragging, setDragging] = useState(false);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const files = [...e.dataTransfer.files];
    if (files.length > 0) start(files);
  };

  if (state.step === 'reading' || state.step === 'writing') {
    return (
      <Progress
        label={state.step === 'reading' ? 'Checking the files' : 'Storing the import'}
        file={state.file}
        done={state.done}
        total={state.total}
        secondsLeft={state.secondsLeft}
        onCancel={cancel}
      />
    );
  }
  if (state.step === 'mapping') return <MappingStep questions={state.questions} onAnswer={answerMapping} onCancel={cancel} />;
  if (state.step === 'preview') return <ImportPreviewView crn={found.crn} preview={state.preview} onAccept={accept} onCancel={cancel} />;
  if (state.step === 'stored') {
    return (
      <div className="panel-confirmation" role="status">
        <h2 className="heading-m">Import stored</h2>
        <p>{state.written.toLocaleString('en-GB')} rows were added to the case in one step.</p>
        {state.backup.state === 'making' && <p>Making a backup of the case as it now stands…</p>}
        {state.backup.state === 'made' && <p>A backup of the case as it now stands has been made.</p>}
        {state.backup.state === 'failed' && <p>The import is stored, but the backup of the case could not be made: {state.backup.message}</p>}
        <p>
          <a href={href.case(found.id)}>Open the chronology</a> or{' '}
          <button type="button" className="link-like" onClick={cancel}>import more files</button>.
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
      <div
        className={`drop-zone${dragging ? ' drop-zone--active' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label className="label" htmlFor="import-files">Choose files</label>
        <div className="hint" id="import-files-hint">Or drag and drop them here. CSV (UTF-8 or Windows-1252) and .xlsx.</div>
        <input
          id="import-files"
          type="file"
          multiple
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="import-files-hint"
          className="file-input"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length > 0) start(files);
          }}
        />
      </div>
    </div>
  );
}
