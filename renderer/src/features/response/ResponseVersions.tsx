import type { CaseIndex } from '../../../../shared/engine/caseIndex.js';
import { paragraphsOf } from '../../../../shared/report/words.js';
import { RESPONSE_STATUS_NAMES } from '../../../../shared/review/words.js';
import type { Finding, ReviewResponse } from '../../../../shared/schemas/review.js';
import { formatInstant } from '../../../../shared/time/display.js';
import { RecordLine } from '../review/episodes/parts.js';

/** Who wrote a response: the practitioner's name where `by` is a staff code of the case, with the code. */
function byWhom(index: CaseIndex, by: string): string {
  const name = index.staffMember(by).name;
  return name ? `${name} (${by})` : by;
}

/** What a response answered, when the finding has been reworded since: the wording the practitioner read. */
export type AnsweredWording = ReadonlyMap<number, Finding | null>;

/**
 * Every version of a practitioner's response to one finding, oldest first: none is ever taken back. A version that
 * answered an earlier wording of the finding shows that wording beside the finding's words now.
 */
export function ResponseVersions(props: { index: CaseIndex; finding: Finding | undefined; versions: readonly ReviewResponse[]; earlier?: AnsweredWording; headingLevel?: 3 | 4 | 5 }) {
  const { versions } = props;
  if (versions.length === 0) return <p className="hint">No response yet.</p>;
  const Heading = (['h3', 'h4', 'h5'] as const)[(props.headingLevel ?? 3) - 3] ?? 'h3';
  return (
    <ol className="response-versions">
      {[...versions]
        .sort((a, b) => a.version - b.version)
        .map((r) => {
          const answersEarlier = props.earlier?.has(r.version) ?? false;
          const earlier = props.earlier?.get(r.version) ?? null;
          return (
            <li key={r.version} className="response-version" data-version={r.version} data-status={r.status}>
              <Heading className="heading-s">
                Version {r.version}: {RESPONSE_STATUS_NAMES[r.status]}
                {answersEarlier && <strong className="tag tag--yellow">Answers an earlier wording</strong>}
              </Heading>
              <p className="hint">
                By {byWhom(props.index, r.by)}, {formatInstant(r.at)}
              </p>
              <blockquote className="response-version__text">
                {paragraphsOf(r.text).map((p, i) => (
                  <p key={i}>{p}</p>
                ))}
              </blockquote>
              {r.evidence.length > 0 && (
                <>
                  <p className="response-version__label">Evidence given:</p>
                  <ul className="list list--bullet">
                    {r.evidence.map((id) => (
                      <li key={id}>
                        <RecordLine index={props.index} id={id} />
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {answersEarlier && (
                <div className="wordings" role="group" aria-label={`The finding’s wordings, for version ${r.version}`}>
                  <div className="wordings__column">
                    <p className="wordings__label">The wording this response answered</p>
                    <blockquote>{earlier ? earlier.text : 'Not kept in the case: the trail does not hold the earlier words.'}</blockquote>
                  </div>
                  <div className="wordings__column">
                    <p className="wordings__label">The finding’s wording now</p>
                    <blockquote>{props.finding?.text ?? 'The finding has since been deleted.'}</blockquote>
                  </div>
                </div>
              )}
            </li>
          );
        })}
    </ol>
  );
}
