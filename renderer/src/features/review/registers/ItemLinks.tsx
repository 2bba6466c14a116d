import { useCallback } from 'react';
import { whatHappened } from '../../../../../shared/domain/summary.js';
import { startOf } from '../../../../../shared/review/registerForms.js';
import { formatTime } from '../../../../../shared/time/display.js';
import { href } from '../../shell/useHashRoute.js';
import { useReviewWork } from '../reviewContext.js';
import type { ReviewSection } from '../sections.js';

/** Items of the review named by id and their words, each linking to the section that holds it. */
export function ItemLinks({ section, items }: { section: ReviewSection; items: readonly { id: string; text: string }[] }) {
  const { caseId } = useReviewWork();
  if (items.length === 0) return null;
  return (
    <ul className="register__links">
      {items.map((item) => (
        <li key={item.id}>
          <a href={href.review(caseId, section)}>{item.id}: {startOf(item.text, 50)}</a>
        </li>
      ))}
    </ul>
  );
}

/** The review's episodes and findings with these ids, as ItemLinks lists them (an id the review no longer has is left out). */
export function useNamedItems() {
  const { review } = useReviewWork();
  const episodes = new Map((review?.episodes ?? []).map((e) => [e.id, e.title]));
  const findings = new Map((review?.findings ?? []).map((f) => [f.id, f.text]));
  const named = (names: Map<string, string>) => (ids: readonly string[]) => ids.flatMap((id) => (names.has(id) ? [{ id, text: names.get(id) ?? '' }] : []));
  return { episodes: named(episodes), findings: named(findings) };
}

/** A record of the case named for people to read: when, and what happened ("16 May 2022, 09:00: Release from custody"). */
export function useRecordName(): (id: string) => string {
  const { index } = useReviewWork();
  return useCallback(
    (id: string) => {
      const at = index.positionOf(id);
      const record = at === undefined ? undefined : index.records[at];
      return record ? `${formatTime(record.occurred)}: ${whatHappened(record)}` : id;
    },
    [index],
  );
}
