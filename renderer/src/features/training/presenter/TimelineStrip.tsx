import { KNOWLEDGE_STATES } from '../../../../../shared/engine/knowledge.js';
import type { Strip } from '../../../../../shared/training/presenter.js';
import { count } from '../../../../../shared/domain/words.js';
import { formatUkDate } from '../../../../../shared/time/display.js';
import { STATE_COLOURS, STATE_LABELS } from '../../case/knowledgeLegend.js';

const HEIGHT = 120;

/**
 * The timeline as a strip of bars, a bar a day (or a week), each split by knowledge state and coloured as on the
 * timeline. Only the states the frame allows are counted, so before the end it draws nothing the officer could not know.
 */
export function TimelineStrip({ strip, label }: { strip: Strip; label: string }) {
  const codes = strip.states.map((s) => KNOWLEDGE_STATES.indexOf(s));
  const totals = strip.buckets.map((b) => codes.reduce((sum, c) => sum + (b.counts[c] ?? 0), 0));
  const most = Math.max(1, ...totals);
  const all = totals.reduce((a, b) => a + b, 0);
  const width = strip.buckets.length;
  const per = (s: (typeof strip.states)[number]) => strip.buckets.reduce((sum, b) => sum + (b.counts[KNOWLEDGE_STATES.indexOf(s)] ?? 0), 0);
  const said = `${label}: ${count(all, 'record')} from ${formatUkDate(strip.from)} to ${formatUkDate(strip.to)}, a bar a ${strip.bucketDays === 1 ? 'day' : 'week'}. ${strip.states.map((s) => `${STATE_LABELS[s]} ${per(s)}`).join(', ')}.`;
  return (
    <figure className="strip">
      <svg className="strip__chart" viewBox={`0 0 ${width} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={said}>
        {strip.buckets.map((b, i) => {
          let y = HEIGHT;
          return codes.map((c) => {
            const h = ((b.counts[c] ?? 0) / most) * (HEIGHT - 4);
            if (h === 0) return null;
            y -= h;
            return <rect key={`${i}-${c}`} x={i + 0.1} y={y} width={0.8} height={h} fill={STATE_COLOURS[KNOWLEDGE_STATES[c]!]} />;
          });
        })}
      </svg>
      <div className="strip__axis" aria-hidden="true">
        <span>{formatUkDate(strip.from)}</span>
        <span>{formatUkDate(strip.to)}</span>
      </div>
      <figcaption className="strip__legend">
        {strip.states.map((s) => (
          <span key={s} className="strip__key">
            <span className="state-swatch" style={{ background: STATE_COLOURS[s] }} aria-hidden="true" />
            {STATE_LABELS[s]}: {per(s).toLocaleString('en-GB')}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
