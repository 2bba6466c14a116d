import type { KnowledgeState } from '../engine/knowledge.js';
import type { CaseRecord } from '../schemas/record.js';
import { formatTime } from '../time/display.js';
import { LATE_STATES } from './flags.js';

/** Why the officer could not have read a record at the decision, in plain words, for each late state. */
function lateReason(record: CaseRecord | 'offence', state: KnowledgeState, officer: string): string {
  if (record === 'offence') return 'the further offence had not happened yet';
  switch (state) {
    case 'notYetHappened':
      return `it had not happened yet (${formatTime(record.occurred)})`;
    case 'hindsightOnly':
      return `it came to light only after the further offence${record.kind === 'information' && record.cameToLight ? ` (${formatTime(record.cameToLight)})` : ''}`;
    case 'heldElsewhere': {
      const shared = record.kind === 'information' && record.reachedProbation ? `shared ${formatTime(record.reachedProbation)}` : 'never shared before the further offence';
      return `held by ${record.sourceAgency}, not yet shared with probation (${shared})`;
    }
    case 'notYetRecorded': {
      const recorded = record.kind === 'contact' ? record.recorded : record.reachedProbation;
      return `it had happened but was not yet on the probation record${recorded ? ` (recorded ${formatTime(recorded)})` : ''}`;
    }
    default:
      return `it was on the probation record, but ${officer} did not hold the case then`;
  }
}

/**
 * A record's state at a decision, said plainly for the reviewer: `Not known to James Whitfield at 30 Oct 2023, 12:00:
 * held by Police, not yet shared with probation (never shared before the further offence)`.
 */
export function stateAtDecision(record: CaseRecord | 'offence', state: KnowledgeState, officer: string, when: string): string {
  if (LATE_STATES.has(state)) return `Not known to ${officer} at ${when}: ${lateReason(record, state, officer)}`;
  if (state === 'known') return `Known to ${officer} at ${when}`;
  return `On the probation record at ${when}, while ${officer} held the case: there to be read, not evidenced as read`;
}
