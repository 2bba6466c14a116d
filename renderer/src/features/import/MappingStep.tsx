import { useState } from 'react';
import { COLUMNS, FILE_KINDS, normaliseHeader, REQUIRED, unknownHeaders, type FileKind } from '../../../../shared/import/columns.js';
import { COLUMN_LABELS } from '../../../../shared/import/columnLabels.js';
import { KIND_NAMES } from './kindNames.js';
import type { MappingAnswer, MappingQuestion } from '../../app/importProtocol.js';

const IGNORE = '';

function FileQuestion(props: { q: MappingQuestion; answer: MappingAnswer | null; onChange: (a: MappingAnswer) => void }) {
  const { q } = props;
  const kind = props.answer?.kind ?? q.kind;
  const columnMap = props.answer?.columnMap ?? {};
  const unknown = kind ? unknownHeaders(kind, q.header, kind === q.kind ? q.saved : {}) : [];
  const setColumn = (header: string, canonical: string) =>
    kind && props.onChange({ index: q.index, kind, columnMap: { ...columnMap, [normaliseHeader(header)]: canonical === IGNORE ? null : canonical } });
  return (
    <fieldset className="fieldset mapping-file">
      <legend className="heading-s">{q.file}</legend>
      <div className="form-group">
          <label className="label" htmlFor={`kind-${q.index}`}>What does this file hold?</label>
          <div className="hint">{q.kind === null ? 'Its columns did not match any kind of file Foresight knows.' : 'Recognised from its columns; change it if that is wrong.'}</div>
          <select id={`kind-${q.index}`} className="select" value={kind ?? ''} onChange={(e) => props.onChange({ index: q.index, kind: e.target.value as FileKind, columnMap: {} })}>
            <option value="" disabled>Choose…</option>
            {FILE_KINDS.map((k) => <option key={k} value={k}>{KIND_NAMES[k]}</option>)}
          </select>
      </div>
      {kind && unknown.length > 0 && (
        <table className="table table--compact">
          <caption className="hint">Columns Foresight does not recognise. This kind of file needs: {REQUIRED[kind].map((c) => COLUMN_LABELS[kind][c] ?? c).join(', ')}.</caption>
          <thead><tr><th scope="col">Column in the file</th><th scope="col">Example values</th><th scope="col">Holds</th></tr></thead>
          <tbody>
            {unknown.map((header) => {
              const i = q.header.indexOf(header);
              const id = `map-${q.index}-${i}`;
              return (
                <tr key={header}>
                  <td><label htmlFor={id}>{header}</label></td>
                  <td>{q.samples[i]?.join(' · ') || '(empty)'}</td>
                  <td>
                    <select id={id} className="select" value={columnMap[normaliseHeader(header)] ?? IGNORE} onChange={(e) => setColumn(header, e.target.value)}>
                      <option value={IGNORE}>Ignore this column</option>
                      {Object.keys(COLUMNS[kind]).map((c) => <option key={c} value={c}>{COLUMN_LABELS[kind][c] ?? c} ({c})</option>)}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </fieldset>
  );
}

/** Asked once per unknown column, with example values; answers can be remembered for the next file like it. */
export function MappingStep(props: { questions: MappingQuestion[]; onAnswer: (answers: MappingAnswer[], remember: boolean) => void; onCancel: () => void }) {
  const [answers, setAnswers] = useState<Map<number, MappingAnswer>>(new Map());
  const [remember, setRemember] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = () => {
    const all: MappingAnswer[] = [];
    for (const q of props.questions) {
      const a = answers.get(q.index);
      const kind = a?.kind ?? q.kind;
      if (!kind) return setProblem(`Choose what ${q.file} holds.`);
      all.push({ index: q.index, kind, columnMap: { ...a?.columnMap } });
    }
    // An unanswered column is ignored: say so explicitly, so it is remembered too.
    for (const a of all) {
      const q = props.questions.find((x) => x.index === a.index) as MappingQuestion;
      for (const h of unknownHeaders(a.kind, q.header, a.kind === q.kind ? q.saved : {})) if (!Object.hasOwn(a.columnMap, normaliseHeader(h))) a.columnMap[normaliseHeader(h)] = null;
    }
    props.onAnswer(all, remember);
  };
  return (
    <div className="mapping">
      <h2 className="heading-m">Tell Foresight what these columns hold</h2>
      <p>Some files have columns Foresight does not recognise. Choose what each holds, or ignore it. Nothing has been stored yet.</p>
      {problem && <p className="error-message" role="alert">{problem}</p>}
      {props.questions.map((q) => (
        <FileQuestion key={q.index} q={q} answer={answers.get(q.index) ?? null} onChange={(a) => setAnswers((m) => new Map(m).set(q.index, a))} />
      ))}
      <div className="checkbox">
        <input type="checkbox" id="remember-mapping" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
        <label htmlFor="remember-mapping">Remember these answers for files with the same columns</label>
      </div>
      <div className="button-group">
        <button type="button" className="button" onClick={submit}>Continue</button>
        <button type="button" className="button button--secondary" onClick={props.onCancel}>Cancel</button>
      </div>
    </div>
  );
}
