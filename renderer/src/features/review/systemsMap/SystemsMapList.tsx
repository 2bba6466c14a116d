import { useEffect, useRef } from 'react';
import { count } from '../../../../../shared/domain/words.js';
import { flowDate, flowWhen, notArrivedText, type InformationFlow } from '../../../../../shared/review/informationFlow.js';
import { factorsByLevel, linksFrom, type MapNode, type SystemsMapGraph } from '../../../../../shared/review/systemsMap.js';
import { ACCIMAP_LEVEL_NAMES } from '../../../../../shared/review/words.js';
import type { AcciMapLevel } from '../../../../../shared/schemas/review.js';
import { domId } from './domId.js';
import { MoveToLevel } from './MoveToLevel.js';

/** A linked episode or finding: a button that opens it when the review can, else its words. */
function Linked({ node, open }: { node: MapNode; open?: (id: string) => void }) {
  const words = `${node.text}${node.detail ? ` (${node.detail})` : ''}`;
  return open ? (
    <button type="button" className="link-button" onClick={() => open(node.ref)}>
      {words}
    </button>
  ) : (
    <>{words}</>
  );
}

/**
 * The AcciMap as a list: each level with its factors, each factor with what it is linked to and a select to move it.
 * A factor moved goes to its new level's place in the list, and focus goes with it: to its level list, there.
 */
export function FactorList(props: {
  graph: SystemsMapGraph;
  onMove: (factor: MapNode, level: AcciMapLevel) => void;
  onOpenEpisode?: (id: string) => void;
  onOpenFinding?: (id: string) => void;
}) {
  const links = linksFrom(props.graph);
  const moved = useRef<string | null>(null);
  useEffect(() => {
    if (moved.current === null) return;
    document.getElementById(domId('list-move', moved.current))?.focus();
    moved.current = null;
  }, [props.graph]);
  const move = (f: MapNode, level: AcciMapLevel) => {
    moved.current = f.ref;
    props.onMove(f, level);
  };
  return (
    <div className="systems-map-list">
      {factorsByLevel(props.graph).map(({ level, factors }) => (
        <section key={level} className="systems-map-list__level" aria-labelledby={`level-${level}`}>
          <h3 id={`level-${level}`} className="heading-s">
            {ACCIMAP_LEVEL_NAMES[level]} <span className="systems-map-list__count">({count(factors.length, 'factor')})</span>
          </h3>
          {factors.length === 0 ? (
            <p className="hint">No factors at this level.</p>
          ) : (
            <ul className="systems-map-list__factors">
              {factors.map((f) => {
                const linked = links.get(f.id) ?? [];
                const episodes = linked.filter((n) => n.kind === 'episode');
                const findings = linked.filter((n) => n.kind === 'finding');
                return (
                  <li key={f.id} className="systems-map-list__factor">
                    <p className="systems-map-list__text">{f.text}</p>
                    {f.detail && <p className="hint">{f.detail}</p>}
                    {episodes.length === 0 && findings.length === 0 && <p className="systems-map-list__links-title">Not linked to an episode or a finding yet.</p>}
                    {episodes.length > 0 && (
                      <>
                        <p className="systems-map-list__links-title">Episodes</p>
                        <ul className="list">{episodes.map((n) => <li key={n.id}><Linked node={n} open={props.onOpenEpisode} /></li>)}</ul>
                      </>
                    )}
                    {findings.length > 0 && (
                      <>
                        <p className="systems-map-list__links-title">Findings</p>
                        <ul className="list">{findings.map((n) => <li key={n.id}><Linked node={n} open={props.onOpenFinding} /></li>)}</ul>
                      </>
                    )}
                    <MoveToLevel idPrefix="list-move" factorId={f.ref} text={f.text} level={level} onMove={(to) => move(f, to)} />
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

/** How information moved, as a table: one row for each link on the map. */
export function FlowTable({ flow }: { flow: InformationFlow }) {
  const names = new Map(flow.nodes.map((n) => [n.id, n.label]));
  return (
    <>
      <table className="table table--compact systems-map-table">
        <caption className="table__caption">How information moved before the further offence</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">When</th>
            <th scope="col">Records</th>
            <th scope="col">Never arrived</th>
          </tr>
        </thead>
        <tbody>
          {flow.edges.map((e) => (
            <tr key={e.id}>
              <td>{names.get(e.from)}</td>
              <td>{e.kind === 'notShared' ? 'Did not reach probation' : names.get(e.to)}</td>
              <td className="nowrap">{flowWhen(e) || 'Never'}</td>
              <td>
                <ul className="systems-map-table__records">
                  {e.records.map((r) => (
                    <li key={r.id}>
                      {r.summary} <span className="systems-map-table__id">({r.id}{r.moved ? `, ${flowDate(r.moved)}` : ''})</span>
                    </li>
                  ))}
                </ul>
              </td>
              <td>{e.kind === 'notShared' ? notArrivedText(e) : 'None'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {flow.edges.length === 0 && <p>No information from other agencies, and none recorded as known to an officer, before the further offence.</p>}
      {flow.notYetHappened.length > 0 && (
        <p className="hint">
          {count(flow.notYetHappened.length, 'record')} of information had not happened by the further offence, as far as {flow.notYetHappened.length === 1 ? 'its time is' : 'their times are'} known, and {flow.notYetHappened.length === 1 ? 'is' : 'are'} not shown.
        </p>
      )}
    </>
  );
}
