import { useMemo, useState } from 'react';
import { FINDING_KIND_NAMES } from '../../../../shared/review/words.js';
import { count } from '../../../../shared/domain/words.js';
import { href } from '../shell/useHashRoute.js';
import { FindingPage } from './findings/FindingPage.js';
import { startFinding } from './findings/startFinding.js';
import { useReviewWork } from './reviewContext.js';

/** Findings: the list, with each one's open flags, and each finding's own page (`findings/N1`) to write it. */
export function FindingsSection({ item }: { item?: string | undefined }) {
  const { review, caseId } = useReviewWork();
  if (item) {
    const finding = review?.findings.find((f) => f.id === item);
    if (!finding) {
      return (
        <>
          <h2 className="heading-m">Finding {item} is not in the review</h2>
          <p>It may have been deleted, or its adding undone. <a href={href.review(caseId, 'findings')}>All findings</a></p>
        </>
      );
    }
    return <FindingPage key={finding.id} finding={finding} />;
  }
  return <FindingList />;
}

const SHOWN_WORDS = 160;

function FindingList() {
  const work = useReviewWork();
  const { review, caseId, checks } = work;
  const [adding, setAdding] = useState(false);
  const findings = useMemo(() => (review?.findings ?? []).map((f) => ({ f, flags: checks.of(f) })), [review, checks]);
  const episodeTitle = (id: string | undefined) => review?.episodes.find((e) => e.id === id)?.title;
  return (
    <>
      <h2 className="heading-m">Findings</h2>
      <p className="lede">What the review finds, each checked for hindsight as it is written: words that judge with the outcome known, evidence the officer could not have read, and criticism that names no system factor.</p>
      <button
        type="button"
        className="button"
        disabled={adding}
        onClick={() => {
          setAdding(true);
          void startFinding(work).finally(() => setAdding(false));
        }}
      >
        Add a finding
      </button>
      {findings.length === 0 ? (
        <p>There are no findings yet.</p>
      ) : (
        <table className="table review-table">
          <caption className="visually-hidden">Findings, in the review’s order</caption>
          <thead>
            <tr>
              <th scope="col">Finding</th>
              <th scope="col">Episode</th>
              <th scope="col">Evidence</th>
              <th scope="col">Hindsight flags</th>
            </tr>
          </thead>
          <tbody>
            {findings.map(({ f, flags }) => {
              const open = flags.filter((x) => x.dismissed === null).length;
              return (
                <tr key={f.id}>
                  <td>
                    <a href={href.review(caseId, `findings/${f.id}`)}>Finding {f.id}</a>
                    <strong className="tag tag--grey">{FINDING_KIND_NAMES[f.kind]}</strong>
                    <span className="review-table__words">{f.text ? `${f.text.slice(0, SHOWN_WORDS)}${f.text.length > SHOWN_WORDS ? '…' : ''}` : 'No words yet'}</span>
                  </td>
                  <td>{f.episode ? <a href={href.review(caseId, `episodes/${f.episode}`)}>{episodeTitle(f.episode) ?? f.episode}</a> : 'None'}</td>
                  <td className="nowrap">{f.evidence.length === 0 ? 'None' : count(f.evidence.length, 'record')}</td>
                  <td className="nowrap">
                    {open > 0 ? <strong className="tag tag--red tag--inline">{open} open</strong> : flags.length > 0 ? 'None open' : 'None'}
                    {flags.length > open && <span className="hint review-table__note">{flags.length - open} dismissed</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
