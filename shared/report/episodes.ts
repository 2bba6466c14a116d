import type { CaseIndex, OfficerView } from '../engine/caseIndex.js';
import { KNOWLEDGE_RULES } from '../engine/knowledge.js';
import { CONCERNS_RULE, countStates, openConcerns, recordsIn, whatTheyKnew } from '../engine/officerSummary.js';
import { isRedStatus } from '../engine/team.js';
import { EXCESSIVE_CAPACITY_PCT, isStale } from '../engine/workload.js';
import { count } from '../domain/words.js';
import { decisionInstant, episodeOfficer } from '../review/flags.js';
import { decisionText } from '../review/episodeEdits.js';
import { outOfForce, policiesInForce, policyDates } from '../review/policies.js';
import { APPRAISAL_NAMES } from '../review/words.js';
import type { Episode, Review } from '../schemas/review.js';
import { daysBetweenDates } from '../time/calendar.js';
import { formatUkDate } from '../time/display.js';
import type { Block } from './document.js';
import { officerName, paragraphsOf, recordLine, recordRef } from './words.js';

/** How many of the latest records of a kind the document lists under each count. */
const LISTED = 10;

const listed = (lines: string[], total: number): Block[] =>
  total === 0 ? [] : [{ kind: 'list', items: total > lines.length ? [...lines, `and ${count(total - lines.length, 'earlier record')}`] : lines }];

/** What the officer carried at the decision: workload, caseload, team and other work, as the officer panel says it. */
function carried(view: OfficerView): Block {
  const w = view.workload;
  const rows: { label: string; value: string }[] = [];
  if (w) {
    const run = w.over110Since ? `; over ${EXCESSIVE_CAPACITY_PCT}% since ${formatUkDate(w.over110Since)} (${count(daysBetweenDates(w.over110Since, w.snapshot.snapshotDate) + 1, 'day')})` : '';
    rows.push({ label: 'Capacity (WMT)', value: `${w.snapshot.capacityPct}%${w.excessive ? ', excessive workload' : ''}${run}` });
    rows.push({ label: 'Caseload', value: w.snapshot.totalCases !== undefined ? `${count(w.snapshot.totalCases, 'case')}${w.caseloadAtLeast50 ? ' (50 or more)' : ''}` : 'No caseload in the snapshot' });
    rows.push({
      label: 'Workload snapshot',
      value: `${formatUkDate(w.snapshot.snapshotDate)}${w.staleDays > 0 ? `, ${count(w.staleDays, 'day')} before the decision` : ', the same day'}${isStale(w) ? ' (stale)' : ''}; ${w.snapshot.provenance.fileName}, row ${w.snapshot.provenance.row}`,
    });
  } else rows.push({ label: 'Capacity (WMT)', value: 'No workload snapshot on or before this date: no data' });
  const t = view.team;
  rows.push({
    label: 'Team staffing',
    value: t
      ? `${t.teamName ?? t.teamCode}: ${t.staffingPct}% staffed${t.deliveryStatus ? `, status ${t.deliveryStatus}${isRedStatus(t.deliveryStatus) ? ' (a reduced service)' : ''}` : ''}; snapshot of ${formatUkDate(t.snapshotDate)}`
      : `${view.teamCode ? `Team ${view.teamCode}: ` : ''}no staffing snapshot on or before this date: no data`,
  });
  rows.push({ label: 'Other work', value: `${count(view.otherWork.sameDay.length, 'contact')} on other cases that day, ${count(view.otherWork.sameWeek.length, 'contact')} in the seven days to it` });
  return { kind: 'facts', rows };
}

/** The view from the tunnel at a decision: what the officer knew, what was on record, what others held, what they carried. */
export function tunnelBlocks(index: CaseIndex, view: OfficerView, anchor: string): Block[] {
  const counts = countStates(view.states);
  const known = recordsIn(index, view, 'known', LISTED);
  const onRecord = recordsIn(index, view, 'onRecord', LISTED);
  const elsewhere = recordsIn(index, view, 'heldElsewhere', LISTED);
  const notYet = recordsIn(index, view, 'notYetRecorded', LISTED);
  const later = recordsIn(index, view, 'hindsightOnly', LISTED);
  const facts = whatTheyKnew(index, view).map((d) => ({
    label: d.label,
    value: d.record ? `${d.value ? `${d.value}. ` : ''}${recordLine(d.record)}` : 'None known or on record',
  }));
  const concerns = openConcerns(index, view);
  const notHeld = recordsIn(index, view, 'notHeld', LISTED);
  return [
    { kind: 'heading', level: 3, text: 'What the officer knew', anchor: `${anchor}-knew` },
    { kind: 'facts', rows: facts },
    { kind: 'paragraph', runs: [{ text: count(counts.known, 'record'), bold: true }, { text: ` known to the officer. ${KNOWLEDGE_RULES.known}` }] },
    ...listed(known.latest.map(recordLine), known.count),
    { kind: 'paragraph', runs: [{ text: count(concerns.length, 'open concern'), bold: true }, { text: `. ${CONCERNS_RULE}` }] },
    ...listed([...concerns].reverse().slice(0, LISTED).map(recordLine), concerns.length),
    { kind: 'heading', level: 3, text: 'What was on the record', anchor: `${anchor}-record` },
    { kind: 'paragraph', runs: [{ text: count(counts.onRecord, 'record'), bold: true }, { text: ` on the probation record, there to be read. ${KNOWLEDGE_RULES.onRecord}` }] },
    ...listed(onRecord.latest.map(recordLine), onRecord.count),
    ...(counts.notHeld > 0
      ? [{ kind: 'paragraph', runs: [{ text: count(counts.notHeld, 'record'), bold: true }, { text: ` on the probation record of a case the officer did not hold then. ${KNOWLEDGE_RULES.notHeld}` }] } as Block, ...listed(notHeld.latest.map(recordLine), notHeld.count)]
      : []),
    { kind: 'heading', level: 3, text: 'What others held', anchor: `${anchor}-others` },
    { kind: 'paragraph', runs: [{ text: count(counts.heldElsewhere, 'record'), bold: true }, { text: ` held by other agencies, not shared with probation. ${KNOWLEDGE_RULES.heldElsewhere}` }] },
    ...listed(elsewhere.latest.map(recordLine), elsewhere.count),
    ...(counts.notYetRecorded > 0
      ? [{ kind: 'paragraph', runs: `${count(counts.notYetRecorded, 'record')} had happened but were not yet on the record.` } as Block, ...listed(notYet.latest.map(recordLine), notYet.count)]
      : []),
    ...(counts.hindsightOnly > 0
      ? [{ kind: 'paragraph', runs: `${count(counts.hindsightOnly, 'record')} came to light only after the further offence.` } as Block, ...listed(later.latest.map(recordLine), later.count)]
      : []),
    { kind: 'heading', level: 3, text: 'What the officer carried', anchor: `${anchor}-carried` },
    carried(view),
  ];
}

/** The policies in force on the decision's date, and any the episode cites that were not. */
function policyBlocks(review: Review, episode: Episode, date: string, anchor: string): Block[] {
  const inForce = policiesInForce(review.policies, date);
  const warnings = episode.policies.flatMap((id) => {
    const p = review.policies.find((x) => x.id === id);
    const why = p ? outOfForce(p, date) : null;
    return why ? [{ kind: 'paragraph', style: 'warning', runs: `The episode cites ${p!.name}, which ${why}.` } as Block] : [];
  });
  return [
    { kind: 'heading', level: 3, text: `The policy in force on ${formatUkDate(date)}`, anchor: `${anchor}-policy` },
    ...warnings,
    review.policies.length === 0
      ? { kind: 'paragraph', runs: 'The review names no policies.' }
      : inForce.length === 0
        ? { kind: 'paragraph', runs: 'None of the review’s policies was in force that day.' }
        : { kind: 'list', items: inForce.map((p) => `${p.name}${p.version ? ` (${p.version})` : ''}, ${policyDates(p)}${p.requires ? `: ${p.requires}` : ''}`) },
  ];
}

/** One key practice episode: what it was, and the view from the tunnel at its decision. */
export function episodeBlocks(index: CaseIndex, review: Review, episode: Episode): Block[] {
  const anchor = `episode-${episode.id}`;
  const at = decisionInstant(episode);
  const officer = at === null ? null : episodeOfficer(index, episode, at);
  const view = at !== null && officer !== null ? index.view(officer, at) : null;
  const names = (ids: readonly string[], list: readonly { id: string; name?: string; text?: string }[]) =>
    ids.map((id) => {
      const item = list.find((x) => x.id === id);
      return item ? `${id}: ${item.name ?? item.text}` : id;
    });
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: `${episode.id}. ${episode.title}`, anchor },
    {
      kind: 'facts',
      rows: [
        { label: 'Decision', value: decisionText(episode.decisionAt) },
        { label: 'Officer', value: `${officerName(index, officer)}${episode.officer ? '' : ' (who held the case then)'}${view && !view.holdsCase ? ', who did not hold the case then' : ''}` },
        { label: 'Appraisal', value: episode.appraisal ? APPRAISAL_NAMES[episode.appraisal] : 'Not yet appraised' },
        { label: 'Policies cited', value: names(episode.policies, review.policies).join('; ') || 'None' },
        { label: 'Contributory factors', value: names(episode.factors, review.factors).join('; ') || 'None' },
      ],
    },
    ...(episode.whatHappened.trim() ? [{ kind: 'heading', level: 3, text: 'What happened', anchor: `${anchor}-what` } as Block, ...paragraphsOf(episode.whatHappened).map((p): Block => ({ kind: 'paragraph', runs: p }))] : []),
    ...(episode.records.length > 0 ? [{ kind: 'heading', level: 3, text: 'Records', anchor: `${anchor}-records` } as Block, { kind: 'list', items: episode.records.map((id) => recordRef(index, id)) } as Block] : []),
  ];
  if (!view) {
    blocks.push({ kind: 'paragraph', style: 'warning', runs: 'The decision’s moment or officer cannot be worked out, so there is no view from the tunnel.' });
    return blocks;
  }
  return [
    ...blocks,
    { kind: 'paragraph', style: 'lead', runs: `The view from the tunnel: what ${officerName(index, officer)} could know and carried at ${decisionText(episode.decisionAt)}, from the case as it stands.` },
    ...tunnelBlocks(index, view, anchor),
    ...policyBlocks(review, episode, view.date, anchor),
  ];
}
