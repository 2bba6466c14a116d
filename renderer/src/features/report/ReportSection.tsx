import { useEffect, useRef, useState, type FormEvent } from 'react';
import { REPORT_FORMATS, type ReportFormat } from '../../../../shared/report/formats.js';
import type { ReportDocument } from '../../../../shared/report/document.js';
import { countPlaces, type RedactionPlan } from '../../../../shared/report/redaction.js';
import { PrintView } from './PrintView.js';
import { RedactionPreview } from './RedactionPreview.js';
import { FORMAT_NAMES, FORMAT_WORDS, useDocumentWriter, type WriterState } from './useDocumentWriter.js';

const FORMAT_HINTS: Record<ReportFormat, string> = {
  docx: 'The whole review, with headings Word’s navigation pane lists, tables and figures. For the commissioning manager, quality assurance and the inspectorate.',
  print: 'The same document on screen, laid out for A4, to save as a PDF.',
  html: 'The same document as one web page that needs nothing else to open, and prints.',
  csv: 'Every record of the chronology with the tabular timeline’s columns, to open in a spreadsheet.',
};

type Audience = 'full' | 'redacted';

function Outcome({ state }: { state: WriterState }) {
  // The outcome takes the place of the progress bar, where the person is looking, and takes focus so it is read out.
  const banner = useRef<HTMLDivElement>(null);
  useEffect(() => banner.current?.focus(), [state]);
  if (state.state === 'done') {
    return (
      <div className="notification notification--success" role="status" tabIndex={-1} ref={banner}>
        <p><strong>{state.said}</strong></p>
        {state.unrecorded && <p className="error-message">It could not be recorded in the case’s audit trail: {state.unrecorded}</p>}
      </div>
    );
  }
  if (state.state === 'stopped') {
    return (
      <div className="notification" role="status" tabIndex={-1} ref={banner}>
        <p>Stopped: nothing was written.</p>
      </div>
    );
  }
  if (state.state === 'failed') {
    return (
      <div className="notification notification--error" role="alert" tabIndex={-1} ref={banner}>
        <p><strong>The document could not be written:</strong> {state.message}</p>
      </div>
    );
  }
  return null;
}


/**
 * The review as a document: Word, PDF (through the print view), a web page, or the chronology as a spreadsheet; the
 * whole review, or a copy redacted for victims and families, whose replacements the person sees before anything is
 * written. Made in a worker with progress and a working Cancel; the app says where the file went.
 */
export function ReportSection({ caseId }: { caseId: string }) {
  const writer = useDocumentWriter(caseId);
  const [format, setFormat] = useState<ReportFormat>('docx');
  const [audience, setAudience] = useState<Audience>('full');
  const [plan, setPlan] = useState<RedactionPlan | null>(null);
  // The document as it would be written, to count the places each replacement touches as names are added.
  const [planned, setPlanned] = useState<ReportDocument | null>(null);
  const [planProblem, setPlanProblem] = useState<string | null>(null);
  const { state } = writer;

  const chooseAudience = (a: Audience) => {
    setAudience(a);
    if (a === 'redacted' && !plan) {
      setPlanProblem(null);
      writer.planOf().then(
        (found) => {
          setPlan(found.plan);
          setPlanned(found.doc);
        },
        (e: unknown) => setPlanProblem(e instanceof Error ? e.message : String(e)));
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (audience === 'redacted' && !plan) return;
    void writer.write(format, audience === 'redacted' ? plan : null);
  };

  // Focus follows the work: to the progress bar (and its Cancel) when writing starts, back to the button after the
  // print view closes.
  const progress = useRef<HTMLDivElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  const previous = useRef(state.state);
  useEffect(() => {
    if (state.state === 'working' && previous.current !== 'working') progress.current?.focus();
    if (state.state === 'idle' && previous.current === 'printing') submitButton.current?.focus();
    previous.current = state.state;
  }, [state.state]);

  if (state.state === 'printing') {
    return <PrintView doc={state.doc} svgs={state.figures} onClose={writer.reset} onSavePdf={() => void writer.savePdf()} />;
  }
  const working = state.state === 'working';
  const pct = working && state.progress && state.progress.total > 0 ? Math.round((state.progress.done / state.progress.total) * 100) : 0;
  return (
    <section aria-labelledby="report-heading" className="report-maker">
      <h2 id="report-heading" className="heading-m" tabIndex={-1}>The report</h2>
      <p className="register__intro">
        The review as a document that stands on its own: the terms of reference, the summary and judgement, the chronology of key events, each episode with
        its view from the tunnel, the workload and staffing charts, the systems map, the findings with their flags, the practitioner’s responses, the
        action plan, and where the case came from, so the document can be checked against it.
      </p>

      <form onSubmit={submit} noValidate>
        <div className="form-group">
          <fieldset className="form-fieldset" disabled={working}>
            <legend className="form-fieldset__legend">What to write</legend>
            <div className="radios radios--stacked">
              {REPORT_FORMATS.map((f) => (
                <div key={f} className="report-choice">
                  <div className="radio">
                    <input id={`report-format-${f}`} type="radio" name="report-format" checked={format === f} onChange={() => setFormat(f)} aria-describedby={`report-format-${f}-hint`} />
                    <label htmlFor={`report-format-${f}`}>{FORMAT_NAMES[f]}</label>
                  </div>
                  <div id={`report-format-${f}-hint`} className="hint hint--s report-choice__hint">{FORMAT_HINTS[f]}</div>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <div className="form-group">
          <fieldset className="form-fieldset" disabled={working}>
            <legend className="form-fieldset__legend">Who it is for</legend>
            <div className="radios radios--stacked">
              <div className="radio">
                <input id="report-audience-full" type="radio" name="report-audience" checked={audience === 'full'} onChange={() => chooseAudience('full')} />
                <label htmlFor="report-audience-full">The whole review, with every name</label>
              </div>
              <div className="report-choice">
                <div className="radio">
                  <input id="report-audience-redacted" type="radio" name="report-audience" checked={audience === 'redacted'} onChange={() => chooseAudience('redacted')} aria-describedby="report-audience-redacted-hint" />
                  <label htmlFor="report-audience-redacted">A redacted copy for victims and families</label>
                </div>
                <div id="report-audience-redacted-hint" className="hint hint--s report-choice__hint">Staff and third parties are named by their role; the CRN, staff codes and email addresses are taken out. You see every replacement before anything is written.</div>
              </div>
            </div>
          </fieldset>
        </div>
        {audience === 'redacted' &&
          (planProblem ? (
            <p className="error-message" role="alert">The names to redact could not be found: {planProblem}</p>
          ) : plan ? (
            <RedactionPreview plan={plan} onChange={(changed) => setPlan(planned ? countPlaces(changed, planned) : changed)} />
          ) : (
            <p aria-live="polite">Finding the names to redact…</p>
          ))}
        {working ? (
          <div className="report-progress" aria-live="polite" tabIndex={-1} ref={progress}>
            <progress max={100} value={pct} aria-label={`Writing ${FORMAT_WORDS[state.format].writing}: ${pct}%`} className="progress" />
            <p>{state.progress ? `${state.progress.what} (${pct}%)` : 'Reading the case…'}</p>
            <button type="button" className="button button--secondary" onClick={writer.cancel}>Cancel</button>
          </div>
        ) : (
          <>
            <Outcome state={state} />
            <button type="submit" className="button" disabled={audience === 'redacted' && !plan} ref={submitButton}>
              {format === 'print' ? 'Open the print view' : `Write ${FORMAT_WORDS[format].writing}`}
            </button>
          </>
        )}
      </form>
    </section>
  );
}
