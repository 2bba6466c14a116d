import { useMemo, useState } from 'react';
import { paragraphsOf } from '../../../../../shared/report/words.js';
import { documentFileName } from '../../../../../shared/bridge/contract.js';
import type { CaseIndex } from '../../../../../shared/engine/caseIndex.js';
import { workloadChartSvg } from '../../../../../shared/report/charts.js';
import type { DrawnFigure } from '../../../../../shared/report/figureTypes.js';
import { workloadChart } from '../../../../../shared/report/figures.js';
import { londonDateOf } from '../../../../../shared/time/london.js';
import { debrief, sessionCsv, type PointDebrief, type RatingGap } from '../../../../../shared/training/debrief.js';
import { choicesChartSvg, ratingsChartSvg } from '../../../../../shared/training/debriefCharts.js';
import { pointMoment } from '../../../../../shared/training/presenter.js';
import type { Session, Walkthrough } from '../../../../../shared/training/walkthrough.js';
import { bridge } from '../../../bridge/index.js';
import { savedWords } from '../../report/savedWords.js';
import { OfficerPicture } from '../presenter/OfficerPicture.js';
import '../presenter/presenter.css';
import './debrief.css';

/** A drawn chart as a picture: its SVG as a data URL (the app's CSP allows data: images), its description as alt text. */
function Chart({ figure, alt }: { figure: DrawnFigure; alt: string }) {
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(figure.svg)}`;
  return <img className="debrief__chart" src={src} width={figure.width} height={figure.height} alt={alt} />;
}

/** A drawn chart's description, its text as written (the SVG holds it escaped). */
const descriptionOf = (figure: DrawnFigure) =>
  (/<desc>([^<]*)<\/desc>/.exec(figure.svg)?.[1] ?? '').replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] as string);

const rating = (v: number | null) => (v === null ? 'None given' : String(Math.round(v * 10) / 10));
const gapText = (g: RatingGap) => (g.gap === null ? 'No gap: a side gave no rating' : `${g.gap > 0 ? '+' : ''}${Math.round(g.gap * 10) / 10}`);

function PointSection({ p, exercise }: { p: PointDebrief; exercise: boolean }) {
  const chart = useMemo(() => choicesChartSvg(p), [p]);
  const id = `debrief-point-${p.point.id}`;
  return (
    <section className="debrief__point" aria-labelledby={id}>
      <h2 className="heading-m" id={id}>
        {p.number}. {p.point.title} <span className="debrief__when">{p.when}</span>
      </h2>
      <p className="debrief__question">{p.point.question}</p>
      <div className="debrief__columns">
        <section aria-labelledby={`${id}-room`} className="debrief__room">
          <h3 className="heading-s" id={`${id}-room`}>What the room chose</h3>
          <Chart figure={chart} alt={`How the groups chose at point ${p.number}: shown in the table below.`} />
          <table className="table table--compact">
            <caption className="visually-hidden">The groups’ choices at point {p.number}</caption>
            <thead>
              <tr>
                <th scope="col">Option</th>
                <th scope="col" className="numeric">Groups</th>
              </tr>
            </thead>
            <tbody>
              {p.point.options.map((o, k) => (
                <tr key={k}>
                  <td>{k + 1}. {o}</td>
                  <td className="numeric">{p.counts[k] ?? 0} of {p.groups.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="table table--compact">
            <caption className="visually-hidden">Each group’s answer at point {p.number}</caption>
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col">Chose</th>
                {exercise && <th scope="col" className="numeric">How foreseeable (0 to 100)</th>}
              </tr>
            </thead>
            <tbody>
              {p.groups.map((g) => (
                <tr key={g.group.id}>
                  <th scope="row">{g.group.name}{exercise && g.group.toldOutcome ? ' (told the outcome)' : ''}</th>
                  <td>{g.choice !== null ? `${g.choice + 1}. ${g.option}` : 'No choice recorded'}</td>
                  {exercise && <td className="numeric">{rating(g.foreseeable)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby={`${id}-actual`}>
          <h3 className="heading-s" id={`${id}-actual`}>What the officer actually did</h3>
          {p.point.actual ? paragraphsOf(p.point.actual).map((para, i) => <p key={i}>{para}</p>) : <p>Not written in the walkthrough.</p>}
        </section>
        <section aria-labelledby={`${id}-picture`} className="debrief__picture">
          <h3 className="heading-s" id={`${id}-picture`}>What they knew and carried then</h3>
          {p.officer ? <OfficerPicture picture={p.officer} headingLevel={3} /> : <p>No officer held the case or is named for this moment.</p>}
        </section>
      </div>
    </section>
  );
}

/**
 * The debrief after a session: at each decision point, the room's choices beside what the officer actually did and
 * what they knew and carried then; in the hindsight exercise, each side's foreseeability rating and the gap between
 * them. The results can be saved as CSV.
 */
export function DebriefView({ index, walkthrough, session }: { index: CaseIndex; walkthrough: Walkthrough; session: Session }) {
  const d = useMemo(() => debrief(index, walkthrough, session), [index, walkthrough, session]);
  const exercise = session.mode === 'hindsightExercise';
  const ratings = useMemo(() => (exercise ? ratingsChartSvg(d) : null), [d, exercise]);
  // What the officers carried over the case, as the report draws it, with each decision point marked.
  const workload = useMemo(() => {
    const decisions = walkthrough.points.flatMap((p, i) => {
      const m = pointMoment(index, p);
      return m ? [{ label: String(i + 1), date: londonDateOf(m.at) }] : [];
    });
    return workloadChartSvg({ ...workloadChart(index, null), decisions });
  }, [index, walkthrough]);
  const [saved, setSaved] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  const download = async () => {
    const fileName = documentFileName(`${walkthrough.title} - results`, 'csv');
    try {
      const answer = await bridge.saveDocument({ suggestedName: fileName, kind: 'csv', data: new TextEncoder().encode(sessionCsv(walkthrough, session)) });
      setFailed(null);
      setSaved(savedWords(answer, fileName));
    } catch (e) {
      setFailed(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="debrief">
      <h1 className="heading-l">Debrief: {walkthrough.title}</h1>
      <p className="lede">
        At each decision point: what the room chose, what the officer actually did, and what they knew and carried then.
        {exercise ? ' Then how foreseeable the outcome looked to the groups told it first and to those not told.' : ''}
      </p>
      <div className="button-group">
        <button type="button" className="button" onClick={() => void download()}>
          Download results (CSV)
        </button>
      </div>
      <div role="status">
        {saved && <p className="notification notification--success">{saved}.</p>}
      </div>
      {failed && <p className="notification notification--error" role="alert">The results could not be saved: {failed}</p>}

      {exercise && ratings && (
        <section aria-labelledby="debrief-ratings" className="debrief__ratings">
          <h2 className="heading-m" id="debrief-ratings">How foreseeable the outcome looked</h2>
          <p>
            Knowing the outcome makes it look more foreseeable than it was (creeping determinism). Over every point, the groups told the outcome
            rated it {rating(d.overall.told)}; those not told, {rating(d.overall.notTold)}: a gap of {gapText(d.overall)}.
          </p>
          <Chart figure={ratings} alt="Each side’s foreseeability rating at each point, and the gap: shown in the table below." />
          <table className="table table--compact">
            <caption className="table__caption">Mean rating at each point, 0 to 100</caption>
            <thead>
              <tr>
                <th scope="col">Point</th>
                <th scope="col" className="numeric">Told the outcome</th>
                <th scope="col" className="numeric">Not told</th>
                <th scope="col" className="numeric">Gap (told minus not told)</th>
              </tr>
            </thead>
            <tbody>
              {d.points.map((p) => (
                <tr key={p.point.id}>
                  <th scope="row">{p.number}. {p.point.title}</th>
                  <td className="numeric">{rating(p.ratings.told)}</td>
                  <td className="numeric">{rating(p.ratings.notTold)}</td>
                  <td className="numeric">{gapText(p.ratings)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {d.points.map((p) => <PointSection key={p.point.id} p={p} exercise={exercise} />)}

      <section aria-labelledby="debrief-workload">
        <h2 className="heading-m" id="debrief-workload">What the officers carried over the case</h2>
        <Chart figure={workload} alt={`Capacity of each officer who held the case over the case, with each decision point marked by its number. ${descriptionOf(workload)}`} />
      </section>
    </div>
  );
}
