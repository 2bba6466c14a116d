import { AS_OF_LISTS, type AsOfReport } from '../shared/engine/asOf.js';

const LABELS: Record<(typeof AS_OF_LISTS)[number], string> = {
  known: 'Known to the officer',
  onRecord: 'On record (available, not evidenced as read)',
  notHeld: 'On record, but the officer did not hold the case',
  notYetRecorded: 'Happened, not yet on the record',
  heldElsewhere: 'Held by another agency, not shared',
  hindsightOnly: 'Came to light only later',
  notYetHappened: 'Not yet happened',
};

/** The as-of report in plain words, for a person at a terminal (`--json` gives the document itself). */
export function formatAsOfReport(r: AsOfReport): string {
  const o = r.officer;
  const lines = [
    `${r.crn} at ${r.at}`,
    `Officer ${o.staffCode}${o.name ? ` (${o.name}${o.grade ? `, ${o.grade}` : ''})` : ''}: ${o.holdsCase ? 'held the case' : 'did not hold the case'}`,
    '',
    ...AS_OF_LISTS.map((s) => `${LABELS[s]}: ${r.knowledge[s].length}${r.knowledge[s].length ? `  ${r.knowledge[s].slice(0, 8).join(', ')}${r.knowledge[s].length > 8 ? ', …' : ''}` : ''}`),
    '',
  ];
  const w = r.workload;
  if (!w) lines.push('Workload: no snapshot on or before this date (no data)');
  else {
    lines.push(`Workload: ${w.capacityPct}% capacity, ${w.totalCases ?? 'unknown'} cases, snapshot ${w.snapshotDate} (${w.staleDays} days before)`);
    if (w.over110Since) lines.push(`  over 110% since ${w.over110Since}${w.excessive ? ': excessive workload (four weeks or more)' : ''}`);
  }
  lines.push(r.team ? `Team ${r.team.teamCode}: ${r.team.staffingPct}% staffed${r.team.deliveryStatus ? `, status ${r.team.deliveryStatus}` : ''} (snapshot ${r.team.snapshotDate})` : 'Team: no snapshot on or before this date (no data)');
  lines.push(`Other work: ${r.otherWork.sameDay} contacts that day, ${r.otherWork.sameWeek} in the seven days to it`);
  return lines.join('\n');
}
