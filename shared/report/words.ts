import type { CaseIndex } from '../engine/caseIndex.js';
import { oneLineSummary, whatHappened } from '../domain/summary.js';
import type { CaseRecord } from '../schemas/record.js';
import { formatTime } from '../time/display.js';

/** How the document names people and records: the same way everywhere in it. */

/** An officer by name and grade, `James Whitfield (PO)`; the code alone when the case has no name for it. */
export function officerName(index: CaseIndex, code: string | null | undefined): string {
  if (!code) return 'no officer named';
  const s = index.staffMember(code);
  const name = s.name.trim() || code;
  return s.grade ? `${name} (${s.grade})` : name;
}

/** A record in one line: `12 Mar 2023, 10:00: Home visit (CHVS): no answer at the door`. */
export function recordLine(record: CaseRecord): string {
  return `${formatTime(record.occurred)}: ${whatHappened(record)}: ${oneLineSummary(record, 200)}`;
}

/** A record reference as the document names it: its line, or the id where the case no longer holds it. */
export function recordRef(index: CaseIndex, id: string): string {
  if (id === 'offence') return 'The further offence';
  const i = index.positionOf(id);
  return i === undefined ? `${id} (not in the case)` : recordLine(index.records[i]!);
}

/** Paragraphs of a written text: one for each run of lines between blank lines. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
