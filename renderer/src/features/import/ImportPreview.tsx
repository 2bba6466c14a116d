import { useState } from 'react';
import { validateAllocations, type AllocationFieldErrors, type AllocationFields } from '../../../../shared/domain/allocationForm.js';
import { toSafeCsv } from '../../../../shared/domain/csvExport.js';
import type { Allocation } from '../../../../shared/schemas/index.js';
import { contentOf, describeRows, type ChangedRow } from '../../../../shared/import/plan.js';
import { formatUkDate, ukNumericDate } from '../../../../shared/time/display.js';
import { changeKey, type ImportPreview } from '../../app/importProtocol.js';
import { ProposedAllocations } from './ProposedAllocations.js';
import { KIND_NAMES } from './kindNames.js';
import { saveFile } from '../shell/saveFile.js';

function downloadProblems(preview: ImportPreview): void {
  const rows = preview.files.flatMap((f) => [
    ...f.errors.map((e) => [f.file, 'error', e.row, e.column ?? '', e.value ?? '', e.message]),
    ...f.warnings.map((w) => [f.file, 'warning', w.row, w.column ?? '', w.value ?? '', w.message]),
  ]);
  const csv = toSafeCsv(['file', 'severity', 'row', 'column', 'value', 'reason'], rows);
  saveFile(csv, 'import-problems.csv', 'text/csv');
}

/** The fields that differ between the stored row and the file's row. */
function differences(change: ChangedRow): { field: string; before: string; after: string }[] {
  const before = JSON.parse(contentOf(change.before)) as Record<string, unknown>;
  const after = JSON.parse(contentOf(change.after)) as Record<string, unknown>;
  const show = (v: unknown) => (v === undefined ? '(blank)' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((field) => ({ field, before: show(before[field]), after: show(after[field]) }));
}

const range = (from: string | null, to: string | null) => (from && to ? (from === to ? formatUkDate(from) : `${formatUkDate(from)} to ${formatUkDate(to)}`) : '—');

const ENCODINGS = { xlsx: 'Excel workbook', 'utf-8': 'UTF-8', 'windows-1252': 'Windows-1252' } as const;

export function ImportPreviewView(props: {
  crn: string;
  preview: ImportPreview;
  /** What the Accept button says: storing into a case, or creating the case with the import. */
  acceptLabel: string;
  onAccept: (acceptedChangeKeys: string[], confirmedAllocations: Allocation[]) => void;
  onCancel: () => void;
}) {
  const { preview } = props;
  const [acceptedChanges, setAcceptedChanges] = useState<Set<string>>(new Set());
  const [allocations, setAllocations] = useState<AllocationFields[]>(() =>
    preview.proposedAllocations.map((p) => ({ staffCode: p.staffCode, staffName: p.staffName ?? '', from: ukNumericDate(p.from.value), to: p.to ? ukNumericDate(p.to.value) : '', cover: p.cover, reason: p.reason ?? '' })),
  );
  const [allocationErrors, setAllocationErrors] = useState<AllocationFieldErrors[]>([]);
  const [allocationsConfirmed, setAllocationsConfirmed] = useState(false);
  const accept = () => {
    if (!allocationsConfirmed) return props.onAccept([...acceptedChanges], []);
    const checked = validateAllocations(props.crn, allocations);
    if (!checked.ok) return setAllocationErrors(checked.errors);
    props.onAccept([...acceptedChanges], checked.allocations);
  };
  const problems = preview.files.flatMap((f) => [
    ...f.errors.map((e) => ({ ...e, file: f.file, severity: 'Error' as const })),
    ...f.warnings.map((w) => ({ ...w, file: f.file, severity: 'Warning' as const })),
  ]);
  const blocked = preview.files.filter((f) => f.errors.length > 0);
  const nothingToDo = preview.toAdd === 0 && preview.changed.length === 0;
  const toggle = (key: string) =>
    setAcceptedChanges((s) => {
      const next = new Set(s);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <div className="import-preview">
      <h2 className="heading-m">Check what will be imported</h2>
      <p>Nothing has been stored yet.</p>
      <table className="table table--compact">
        <caption className="heading-s">Files</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Kind</th>
            <th scope="col" className="numeric">Rows</th>
            <th scope="col">What it holds for case {props.crn}</th>
            <th scope="col">Dates</th>
            <th scope="col" className="numeric">Errors</th>
            <th scope="col" className="numeric">Warnings</th>
            <th scope="col" className="numeric">New</th>
            <th scope="col" className="numeric">Already in the case</th>
          </tr>
        </thead>
        <tbody>
          {preview.files.map((f) => (
            <tr key={f.file + f.sha256}>
              <td>
                {f.file}
                {f.errors.length > 0 && <strong className="tag tag--red">Blocked</strong>}
                {f.alreadyImported && <strong className="tag tag--grey">Imported before</strong>}
                <div className="hint">{ENCODINGS[f.encoding]}{f.officers.length > 0 ? ` · ${f.officers.length} ${f.officers.length === 1 ? 'officer' : 'officers'}` : ''}</div>
              </td>
              <td>{f.kind ? KIND_NAMES[f.kind] : 'Not recognised'}</td>
              <td className="numeric">{f.rows.toLocaleString('en-GB')}</td>
              <td>
                {describeRows(f.byTable)}
                {f.otherCaseRows > 0 && <div className="hint">{f.otherCaseRows.toLocaleString('en-GB')} for other cases, left out</div>}
              </td>
              <td>{range(f.from, f.to)}</td>
              <td className="numeric">{f.errors.length.toLocaleString('en-GB')}</td>
              <td className="numeric">{f.warnings.length.toLocaleString('en-GB')}</td>
              <td className="numeric">{f.errors.length > 0 ? '—' : f.added.toLocaleString('en-GB')}</td>
              <td className="numeric">{f.unchanged.toLocaleString('en-GB')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.files.some((f) => (f.byTable.otherWork ?? 0) > 0) && (
        <p className="hint">Contacts of other CRNs are the officers' other work: they count towards what the officer carried that day and week, and are not part of this case's chronology.</p>
      )}

      {blocked.length > 0 && (
        <div className="warning-text">
          <span className="warning-text__icon" aria-hidden="true">!</span>
          <strong className="warning-text__text">
            <span className="visually-hidden">Warning</span>
            {blocked.length === 1 ? `${blocked[0]?.file} has errors and will not be imported.` : `${blocked.length} files have errors and will not be imported.`}{' '}
            Correct the rows listed below and import {blocked.length === 1 ? 'it' : 'them'} again.
          </strong>
        </div>
      )}

      {problems.length > 0 && (
        <>
          <div className="problems-header">
            <h3 className="heading-s">Problems ({problems.length.toLocaleString('en-GB')})</h3>
            <button type="button" className="button button--secondary button--small" onClick={() => downloadProblems(preview)}>
              Download problems (CSV)
            </button>
          </div>
          <div className="problems-scroll" tabIndex={0} role="region" aria-label="Problems">
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Severity</th>
                  <th scope="col" className="numeric">Row</th>
                  <th scope="col">Column</th>
                  <th scope="col">Value</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {problems.slice(0, 500).map((p, i) => (
                  <tr key={i}>
                    <td>{p.file}</td>
                    <td>{p.severity}</td>
                    <td className="numeric">{p.row}</td>
                    <td>{p.column ?? ''}</td>
                    <td>{p.value ?? ''}</td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {problems.length > 500 && <p className="hint">The first 500 are shown; download the CSV for all of them.</p>}
          </div>
        </>
      )}

      {preview.changed.length > 0 && (
        <fieldset className="fieldset">
          <legend className="heading-s">Rows that differ from what the case holds ({preview.changed.length})</legend>
          <p className="hint">Nothing is overwritten unless you tick it. Unticked rows keep what the case already holds.</p>
          {preview.changed.slice(0, 200).map((c) => {
            const key = changeKey(c);
            const id = `change-${key.replace(/[^a-zA-Z0-9]/g, '-')}`;
            return (
              <div key={key} className="change">
                <div className="checkbox">
                  <input type="checkbox" id={id} checked={acceptedChanges.has(key)} onChange={() => toggle(key)} />
                  <label htmlFor={id}>Replace {c.key} with the file's version</label>
                </div>
                <table className="table table--compact">
                  <thead>
                    <tr><th scope="col">Field</th><th scope="col">In the case</th><th scope="col">In the file</th></tr>
                  </thead>
                  <tbody>
                    {differences(c).map((d) => (
                      <tr key={d.field}><td>{d.field}</td><td>{d.before}</td><td>{d.after}</td></tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
          })}
        </fieldset>
      )}

      {preview.proposedAllocations.length > 0 && !nothingToDo && (
        <ProposedAllocations rows={allocations} errors={allocationErrors} confirmed={allocationsConfirmed} onChange={setAllocations} onConfirm={setAllocationsConfirmed} />
      )}

      {nothingToDo ? (
        blocked.length === preview.files.length ? (
          <p><strong>Nothing can be stored: every file has errors.</strong></p>
        ) : (
          <p><strong>Nothing new: everything in {blocked.length > 0 ? 'the files without errors' : 'these files'} is already in the case.</strong></p>
        )
      ) : (
        <p>
          This will store <strong>{describeRows(preview.toAddByTable)}</strong>
          {acceptedChanges.size > 0 && <> and replace <strong>{acceptedChanges.size}</strong> changed {acceptedChanges.size === 1 ? 'row' : 'rows'}</>}, in one step.
        </p>
      )}
      <div className="button-group">
        {!nothingToDo && (
          <button type="button" className="button" onClick={accept}>
            {props.acceptLabel}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={props.onCancel}>
          {nothingToDo ? 'Back' : 'Cancel'}
        </button>
      </div>
    </div>
  );
}
