import type { SaveState } from '../../../app/review.js';
import { formatInstant } from '../../../../../shared/time/display.js';

/**
 * The chronology's switches: the tabular timeline (the review's columns beside each record) and key events only, with
 * where the latest save stands. "Saved" is said only once the change is stored with its trail entry; it does not name
 * the record, which a later move of the cursor may hold back.
 */
export function TabularBar({ tabular, keyEventsOnly, status, onChange }: {
  tabular: boolean;
  keyEventsOnly: boolean;
  status: SaveState;
  onChange: (change: { tabular?: boolean; keyEventsOnly?: boolean }) => void;
}) {
  return (
    <div className="tabular-bar">
      <div className="checkbox">
        <input id="tabular-timeline" type="checkbox" checked={tabular} onChange={(e) => onChange({ tabular: e.target.checked })} aria-describedby="tabular-timeline-hint" />
        <label htmlFor="tabular-timeline">Tabular timeline</label>
        <span id="tabular-timeline-hint" className="visually-hidden">The review's columns beside each record: what should have happened, data gaps, notable practice, problems, contributory factors and key events.</span>
      </div>
      <div className="checkbox">
        <input id="key-events-only" type="checkbox" checked={keyEventsOnly} onChange={(e) => onChange({ keyEventsOnly: e.target.checked })} />
        <label htmlFor="key-events-only">Key events only</label>
      </div>
      <p className="tabular-bar__status" role="status">
        {status.state === 'saving' && 'Saving…'}
        {status.state === 'saved' && `Saved, ${formatInstant(status.at.toISOString())}`}
        {status.state === 'failed' && <strong className="error-message">Not saved: {status.message}</strong>}
      </p>
      {tabular && (
        <p id="tabular-keys" className="hint tabular-bar__keys">
          Select a cell and press Enter or F2 (or double-click it) to write in it. Enter or Tab saves and moves on; Shift+Enter
          starts a new line; Escape puts it back as it was. Space or Enter ticks a key event.
        </p>
      )}
    </div>
  );
}
