/** A progress bar with rows, percent and time left, and a Cancel that works. */
export function Progress(props: { label: string; file: string; done: number; total: number; secondsLeft: number | null; onCancel: () => void }) {
  const { done, total, secondsLeft: left } = props;
  const pct = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div className="import-progress" aria-live="polite">
      <h2 className="heading-m">{props.label}</h2>
      {props.file && <p>{props.file}</p>}
      <progress max={100} value={pct} aria-label={`${props.label}: ${pct}%`} className="progress" />
      <p>
        {total > 0 ? `${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} rows (${pct}%)` : 'Starting…'}
        {left !== null && ` · about ${left < 60 ? `${left} s` : `${Math.round(left / 60)} min`} left`}
      </p>
      <button type="button" className="button button--secondary" onClick={props.onCancel}>Cancel</button>
    </div>
  );
}
