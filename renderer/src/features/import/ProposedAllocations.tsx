import type { AllocationFieldErrors, AllocationFields } from '../../../../shared/domain/allocationForm.js';

/**
 * Who held the case, as proposed from its transfer contacts. The reviewer edits, removes or adds rows, and nothing
 * is stored unless they tick the confirmation: the tool never assumes an allocation silently.
 */
export function ProposedAllocations(props: {
  rows: AllocationFields[];
  errors: AllocationFieldErrors[];
  confirmed: boolean;
  onChange: (rows: AllocationFields[]) => void;
  onConfirm: (confirmed: boolean) => void;
}) {
  const { rows, errors } = props;
  const set = (i: number, patch: Partial<AllocationFields>) => props.onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const cell = (i: number, field: 'staffCode' | 'staffName' | 'from' | 'to', label: string) => {
    const error = field === 'staffName' ? undefined : errors[i]?.[field];
    const id = `alloc-${i}-${field}`;
    return (
      <td>
        <label htmlFor={id} className="visually-hidden">{label}, row {i + 1}</label>
        {error && <span id={`${id}-error`} className="error-message">{error}</span>}
        <input id={id} className={`input input--cell${error ? ' input--error' : ''}`} value={rows[i]?.[field] ?? ''} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => set(i, { [field]: e.target.value })} />
      </td>
    );
  };
  return (
    <section className="proposed-allocations" aria-labelledby="proposed-allocations-title">
      <h3 id="proposed-allocations-title" className="heading-s">Who held the case (proposed)</h3>
      <p className="hint">
        No allocations file was given, so these are read from the case's transfer contacts (ETOM, ROC). Check them
        against the case record: cover during absences cannot be read from transfers, so add it here.
      </p>
      <table className="table table--compact">
        <thead>
          <tr><th scope="col">Staff code</th><th scope="col">Name</th><th scope="col">From</th><th scope="col">To (blank: still held)</th><th scope="col">Cover</th><th scope="col"><span className="visually-hidden">Remove</span></th></tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {cell(i, 'staffCode', 'Staff code')}
              {cell(i, 'staffName', 'Name')}
              {cell(i, 'from', 'From')}
              {cell(i, 'to', 'To')}
              <td>
                <input type="checkbox" id={`alloc-${i}-cover`} checked={row.cover} onChange={(e) => set(i, { cover: e.target.checked })} />
                <label htmlFor={`alloc-${i}-cover`} className="visually-hidden">Cover, row {i + 1}</label>
              </td>
              <td><button type="button" className="link-like" onClick={() => props.onChange(rows.filter((_, j) => j !== i))}>Remove<span className="visually-hidden"> row {i + 1}</span></button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button button--secondary button--small" onClick={() => props.onChange([...rows, { staffCode: '', staffName: '', from: '', to: '', cover: false, reason: 'Added by reviewer' }])}>
        Add an allocation
      </button>
      <div className="checkbox checkbox--confirm">
        <input type="checkbox" id="confirm-allocations" checked={props.confirmed} onChange={(e) => props.onConfirm(e.target.checked)} />
        <label htmlFor="confirm-allocations">I have checked these allocations: store them with the import</label>
      </div>
    </section>
  );
}
