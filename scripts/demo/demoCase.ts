import { addDays, daysBetween, eachDay, isWeekday, Random, ukDate } from './calendar.js';

/**
 * The built-in demo case: a synthetic but realistic licence case that ends in a serious further offence.
 * Every name, CRN and staff code is invented. The story the data tells:
 * - Released on licence 16 May 2022; supervised by Sarah Okafor (PO), handed to James Whitfield (PO) on 1 Feb 2023,
 *   with Priya Lal (PQiP) covering during his sickness (10 Jul to 20 Aug 2023).
 * - From August 2023 Whitfield runs over 110% capacity with 50+ cases; the team falls to about 60% staffing and
 *   records a Red delivery status.
 * - Police attend domestic incidents at the new partner's address; the first is never shared with probation.
 * - In September 2023 a recall is considered and not taken; in November the recall steps start, and the further
 *   offence happens before the arrest. Some information comes to light only afterwards.
 */

export const DEMO_CASE = {
  crn: 'X900417',
  subject: 'Daniel Marsh (synthetic)',
  title: 'SFO review: Daniel Marsh (synthetic demo case)',
  offenceAt: '2023-11-12T02:17',
  offenceDate: '2023-11-12',
  synthetic: true,
} as const;

const RELEASE = '2022-05-16';
const HANDOVER = '2023-02-01';
const COVER_FROM = '2023-07-10';
const COVER_TO = '2023-08-20';
const END = '2023-11-30';

const TEAM = { code: 'N07T02', name: 'Northtown Central Team 2' };

export const OFFICERS = {
  okafor: { code: 'N07P101', name: 'Sarah Okafor', grade: 'PSM', wmtGrade: 'PO' },
  whitfield: { code: 'N07P214', name: 'James Whitfield', grade: 'PSM', wmtGrade: 'PO' },
  lal: { code: 'N07P377', name: 'Priya Lal', grade: 'PSP', wmtGrade: 'PQiP' },
} as const;
const SPO = { code: 'N07S020', name: 'Helen Brooks', grade: 'PSC' };
const TIERING = { code: 'N07UTSO', name: 'Tiering Service', grade: '' };
const FACILITATOR = { code: 'N07PRG4', name: 'Marcus Bell', grade: 'PSQ' };
const CRS_WORKER = { code: 'N07CRS1', name: 'Accommodation Services (CRS)', grade: '' };
const PARTNER = 'Zoë Kowalska';

type Officer = { code: string; name: string; grade: string };
type Row = Record<string, string | number | undefined>;

export const CONTACT_COLUMNS = [
  'crn', 'contact_id', 'contact_date', 'contact_start_time', 'contact_end_time', 'type_code', 'type_description',
  'outcome_code', 'outcome_description', 'attended', 'complied', 'enforcement_action_code',
  'enforcement_action_description', 'staff_code', 'staff_name', 'staff_grade', 'team_code', 'team_description',
  'provider_code', 'sensitive', 'description', 'notes', 'created_datetime', 'created_by',
] as const;

const OUTCOMES = {
  ATTC: 'Attended - Complied',
  AFTA: 'Failed To Attend',
  UAAB: 'Unacceptable Absence',
  AAME: 'Acceptable Absence - Medical',
  AACL: 'Acceptable Absence - Court/Legal',
  RSSR: 'Rescheduled - Service Request',
  MO10: 'Decision to recall',
  MO11: 'Decision not to recall',
} as const;

/** Who held the case on a date: the demo's allocations, with cover winning while it runs. */
function holderOn(date: string): Officer {
  if (date >= COVER_FROM && date <= COVER_TO) return OFFICERS.lal;
  return date < HANDOVER ? OFFICERS.okafor : OFFICERS.whitfield;
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export interface DemoOptions {
  /** Pad the case's chronology with routine contacts up to this many case contacts (for speed tests). */
  caseContacts?: number;
  seed?: number;
}

/** What the generator wrote: the counts tests check the app against. */
export interface DemoManifest {
  crn: string;
  caseContacts: number;
  information: number;
  otherContacts: number;
  workloadSnapshots: number;
  teamSnapshots: number;
  allocations: number;
}

export interface DemoFiles {
  contacts: Row[];
  information: Row[];
  allocations: Row[];
  workload: Row[];
  team: Row[];
  manifest: DemoManifest;
}

class ContactLog {
  readonly rows: Row[] = [];
  private nextId = 2600000001;
  constructor(private readonly random: Random) {}

  add(c: {
    crn?: string;
    date: string;
    start?: number;
    minutes?: number;
    type: [string, string];
    outcome?: keyof typeof OUTCOMES;
    enforcement?: [string, string];
    staff: Officer;
    description?: string;
    notes: string;
    /** Days after the contact that it was written up; default the same day. */
    lateDays?: number;
    sensitive?: boolean;
  }): void {
    const start = c.start;
    const attended = c.outcome === 'ATTC' ? 'Y' : c.outcome === 'AFTA' || c.outcome === 'UAAB' ? 'N' : undefined;
    const createdDate = addDays(c.date, c.lateDays ?? 0);
    const createdMinutes = c.lateDays
      ? this.random.int(9 * 60, 17 * 60)
      : Math.min(23 * 60 + 30, (start ?? this.random.int(9 * 60, 15 * 60)) + (c.minutes ?? 30) + this.random.int(5, 150));
    this.rows.push({
      crn: c.crn ?? DEMO_CASE.crn,
      contact_id: this.nextId++,
      contact_date: ukDate(c.date),
      contact_start_time: start === undefined ? undefined : clock(start),
      contact_end_time: start === undefined || !c.minutes ? undefined : clock(start + c.minutes),
      type_code: c.type[0],
      type_description: c.type[1],
      outcome_code: c.outcome,
      outcome_description: c.outcome ? OUTCOMES[c.outcome] : undefined,
      attended,
      complied: c.outcome === 'ATTC' ? 'Y' : attended === 'N' ? 'N' : undefined,
      enforcement_action_code: c.enforcement?.[0],
      enforcement_action_description: c.enforcement?.[1],
      staff_code: c.staff.code,
      staff_name: c.staff.name,
      staff_grade: c.staff.grade,
      team_code: c.staff.code === TIERING.code ? 'N07UTS' : TEAM.code,
      team_description: c.staff.code === TIERING.code ? 'Unallocated Tiering' : TEAM.name,
      provider_code: 'N07',
      sensitive: c.sensitive ? 'Y' : 'N',
      description: c.description,
      notes: c.notes,
      created_datetime: `${createdDate} ${clock(createdMinutes)}:00`,
      created_by: c.staff.name,
    });
  }
}

const T = {
  COAI: ['COAI', 'Initial Appointment - In office (NS)'],
  COAP: ['COAP', 'Planned Office Visit (NS)'],
  COPT: ['COPT', 'Planned Telephone Contact (NS)'],
  CHVS: ['CHVS', 'Home Visit to Case (NS)'],
  CTOA: ['CTOA', 'Phone Contact from PoP'],
  CTOB: ['CTOB', 'Phone Contact to PoP'],
  CMOB: ['CMOB', 'eMail/Text to PoP'],
  C204: ['C204', 'Police Liaison'],
  C369: ['C369', 'Police intelligence enquiries - requested'],
  C515: ['C515', 'Police intelligence enquiries - Response Received'],
  CCMR: ['CCMR', 'MAPPA referral'],
  MAPLS: ['MAPLS', 'MAPPA level setting process'],
  CCMM: ['CCMM', 'MAPPA meeting'],
  C157: ['C157', 'Safeguarding - Child related contact'],
  SFGC: ['SFGC', 'Safeguarding enquiries requested'],
  SFRR: ['SFRR', 'Safeguarding enquiries response received'],
  C078: ['C078', 'Safeguarding - Child protection meeting'],
  MO1: ['MO1', 'Management oversight'],
  MO5: ['MO5', 'Management Oversight - Recall'],
  C004: ['C004', 'OASys assessment completed'],
  ETCH20: ['ETCH20', 'Tier Change - Calculated in Auto Tiering Service'],
  ETOM: ['ETOM', 'Community Practitioner Transfer'],
  ROC: ['ROC', 'Responsible Officer Change'],
  CSPO: ['CSPO', 'Consultation with manager'],
  EREL: ['EREL', 'Release from custody'],
  C256: ['C256', 'Order/ Licence Received'],
  ERCL: ['ERCL', 'Breach / prison recall'],
  CARR: ['CARR', 'Arrest incident'],
  LCL: ['LCL', 'Licence compliance letter'],
  APAT: ['APAT', 'Programme Session (NS)'],
  CRSAPT: ['CRSAPT', 'CRS Appointment'],
  C238: ['C238', 'Case discussion'],
  CIOA: ['CIOA', 'Information from PoP'],
} as const satisfies Record<string, [string, string]>;

const ROUTINE_NOTES = [
  'Discussed employment search; attending the job centre weekly. Reports no contact with previous associates.',
  'Reviewed licence conditions. Says he is sleeping at the approved address most nights.',
  'Presented as settled. Talked about his relationship with his new partner, which he describes as “going well”.',
  'Short session. Seemed tired and irritable; said money is tight and benefits were delayed.',
  'Discussed alcohol use: says he drinks "a few cans at weekends". Advised about the link with past offending.',
  'Worked on the consequential thinking exercise. Engaged, though said he has "heard it all before".',
  'Talked through the housing waiting list and his worries about being moved out of area.',
  'Reports an argument with his brother; no police involvement, he says. Explored how he managed his anger.',
];

function buildCaseContacts(log: ContactLog, random: Random): void {
  const e = (date: string, staff: Officer, type: [string, string], notes: string, extra: Partial<Parameters<ContactLog['add']>[0]> = {}) =>
    log.add({ date, staff, type, notes, start: random.int(36, 64) * 15, minutes: 30, ...extra });

  e(RELEASE, OFFICERS.okafor, T.EREL, 'Released from HMP Northtown on licence. Licence expiry 15/05/2025.', { start: 9 * 60 });
  e(RELEASE, OFFICERS.okafor, T.C256, 'Licence received from the prison. Conditions: reside at approved address, no contact with named victim, exclusion zone, disclose relationships.');
  log.add({ date: RELEASE, start: 14 * 60, minutes: 60, staff: OFFICERS.okafor, type: [...T.COAI], outcome: 'ATTC', notes: 'Initial appointment. Licence conditions explained and signed. Daniel says he wants "a fresh start" and to keep out of trouble. Risk of serious harm to a known adult (partner) assessed as High.' });
  e('2022-05-20', SPO, T.MO1, 'Management oversight: allocation to PO appropriate given ROSH High to known adult. MAPPA referral to be made. Home visit within 10 days.');
  e('2022-05-23', OFFICERS.okafor, T.CCMR, 'MAPPA referral made: category 2, level 2 requested due to previous domestic violence against former partners.');
  e('2022-05-24', OFFICERS.okafor, T.CHVS, 'Home visit to approved premises. Room tidy; spoke with key worker, no concerns so far.', { outcome: 'ATTC' });
  e('2022-06-09', OFFICERS.okafor, T.MAPLS, 'MAPPA level set at 2. Police, children\'s services and housing to share information as it arises.');
  e('2022-06-14', OFFICERS.okafor, T.C004, 'OASys completed. ROSH: High to known adult (partner), Medium to children, Low to public and staff. OGRS 62, OVP 48.');
  e('2022-06-15', TIERING, T.ETCH20, `Tier Change Date: ${ukDate('2022-06-15')} 02:14:33\nTier: B2\nTier Change Reason: OASys Assessment`, { start: 2 * 60 + 14, minutes: 0 });
  e('2022-06-16', OFFICERS.okafor, T.C369, 'Police intelligence enquiry requested: any call-outs or intelligence since release.');
  e('2022-06-28', OFFICERS.okafor, T.C515, 'Police response: nothing of note since release.', { lateDays: 2 });

  // Appointments: weekly for 12 weeks, then fortnightly.
  let nextAppointment = addDays(RELEASE, 7);
  let missedInARow = 0;
  while (nextAppointment < DEMO_CASE.offenceDate) {
    const date = isWeekday(nextAppointment) ? nextAppointment : addDays(nextAppointment, 2);
    const staff = holderOn(date);
    const late = date > '2023-08-20';
    const roll = random.next();
    const outcome: keyof typeof OUTCOMES =
      roll < (late ? 0.2 : 0.07) ? 'AFTA' : roll < (late ? 0.25 : 0.1) ? 'AAME' : roll < 0.12 ? 'RSSR' : 'ATTC';
    missedInARow = outcome === 'AFTA' ? missedInARow + 1 : 0;
    log.add({
      date,
      start: random.int(38, 62) * 15,
      minutes: 45,
      staff,
      type: [...(random.chance(0.15) && date > '2023-03-01' ? T.COPT : T.COAP)],
      outcome,
      enforcement: outcome === 'AFTA' ? (missedInARow >= 2 ? ['EA02', 'First Warning Letter Sent'] : ['ROM', 'Refer to Offender Manager']) : undefined,
      notes:
        outcome === 'ATTC'
          ? random.pick(ROUTINE_NOTES)
          : outcome === 'AFTA'
            ? 'Did not attend. Phoned twice with no answer; text sent asking him to call.'
            : outcome === 'AAME'
              ? 'Rang in sick before the appointment; sick note to follow.'
              : 'Rescheduled at short notice: officer in court.',
      lateDays: late && random.chance(0.3) ? random.int(2, 6) : random.chance(0.08) ? 1 : 0,
    });
    if (outcome === 'AFTA') {
      log.add({ date: addDays(date, 1), staff, type: [...T.CTOB], start: random.int(36, 64) * 15, minutes: 10, notes: 'Called about the missed appointment. He said he forgot; reminded of licence conditions.' });
    }
    if (random.chance(0.9)) {
      log.add({ date: addDays(date, -1), staff, type: [...T.CMOB], start: random.int(36, 64) * 15, minutes: 0, notes: 'Appointment reminder text sent.' });
    }
    if (random.chance(0.6)) {
      log.add({ date: addDays(date, random.int(2, 5)), staff, type: [...T.CTOA], start: random.int(36, 68) * 15, minutes: 10, notes: random.pick(['Rang to ask about travel costs.', 'Rang to say he has a job interview next week.', 'Rang upset about housing; calmed down during the call.', 'Rang to ask whether he can stay at his partner\'s address at weekends. Told no without prior approval.']) });
    }
    const weekly = date < addDays(RELEASE, 182) || date >= '2023-09-22';
    nextAppointment = addDays(date, weekly ? 7 : 14);
  }

  // Building Better Relationships: a weekly group programme, autumn 2022.
  for (let week = 0, date = '2022-10-04'; week < 24; week++, date = addDays(date, 7)) {
    const outcome = random.chance(0.1) ? 'AFTA' : 'ATTC';
    log.add({ date, start: 18 * 60, minutes: 150, staff: FACILITATOR, type: [...T.APAT], outcome, notes: outcome === 'ATTC' ? `Building Better Relationships session ${week + 1}. ${random.pick(['Participated well.', 'Quiet; contributed when asked.', 'Challenged other group members about blaming partners.', 'Minimised past violence in the group exercise.'])}` : `Did not attend session ${week + 1}.` });
  }

  // Commissioned accommodation support, fortnightly through the housing crisis.
  for (let date = '2023-03-07'; date < '2023-10-31'; date = addDays(date, 14)) {
    log.add({ date, start: random.int(40, 60) * 15, minutes: 60, staff: CRS_WORKER, type: [...T.CRSAPT], outcome: random.chance(0.2) ? 'AFTA' : 'ATTC', notes: random.pick(['Accommodation support: housing application updated.', 'Helped with the rent arrears plan.', 'Discussed moving to the partner\'s address; advised it needs probation approval.']) });
  }

  // Monthly case discussions, and the approved premises' weekly updates while he lived there.
  for (let date = '2022-06-06'; date < DEMO_CASE.offenceDate; date = addDays(date, 14)) {
    e(date, holderOn(date), T.C238, random.pick(['Case discussed in team meeting: no change to plan.', 'Peer case discussion: risk to partner\'s household to be kept under review.', 'Discussed with colleagues: compliance acceptable.']));
  }
  for (let date = '2022-05-27'; date < DEMO_CASE.offenceDate; date = addDays(date, 7)) {
    if (random.chance(0.1)) continue;
    e(date, holderOn(date), T.CIOA, random.pick(['Approved premises update: signed in every night this week.', 'Approved premises update: returned after curfew once (10 minutes late).', 'Approved premises update: no concerns.', 'Approved premises update: seen drinking outside the premises.']), { lateDays: random.chance(0.3) ? random.int(1, 4) : 0 });
  }

  // Home visits roughly every three months while staffing allowed; none during the cover period.
  for (const date of ['2022-08-22', '2022-11-14', '2023-02-13', '2023-05-22', '2023-09-04']) {
    e(date, holderOn(date), T.CHVS, 'Home visit. Address in order. Noted a child\'s shoes by the door; Daniel said they belong to his partner\'s son who "sometimes visits".', { outcome: 'ATTC' });
  }

  // Management oversight: regular at first, thinning as the team loses staff.
  for (const date of ['2022-07-18', '2022-09-26', '2022-12-05', '2023-01-30', '2023-04-17', '2023-07-07', '2023-09-22']) {
    e(date, SPO, T.MO1, date < '2023-04-01'
      ? 'Management oversight: case reviewed with the PO. Plan appropriate; continue fortnightly reporting and MAPPA level 2.'
      : 'Management oversight (brief, during team pressures): case discussed; officer to request police checks on new partner\'s address.');
  }

  // MAPPA level 2 meetings.
  for (const date of ['2022-09-08', '2022-12-08', '2023-03-09', '2023-06-08', '2023-09-07']) {
    e(date, holderOn(date), T.CCMM, 'MAPPA level 2 meeting. Police, housing and children\'s services present. ' +
      (date >= '2023-06-01' ? 'Police did not report any incidents at the partner\'s address. Children\'s services not in attendance.' : 'No new concerns shared. Level 2 maintained.'));
  }

  // Tier and OASys changes.
  e('2022-12-12', OFFICERS.okafor, T.C004, 'OASys review. ROSH unchanged: High to known adult. Compliance good; employment obtained (warehouse, nights).');
  e('2022-12-13', TIERING, T.ETCH20, `Tier Change Date: ${ukDate('2022-12-13')} 03:02:10\nTier: B1\nTier Change Reason: OASys Assessment`, { start: 3 * 60 + 2, minutes: 0 });
  e('2023-09-25', TIERING, T.ETCH20, `Tier Change Date: ${ukDate('2023-09-25')} 02:41:55\nTier: A2\nTier Change Reason: Registration added`, { start: 2 * 60 + 41, minutes: 0 });

  // The handover and the cover.
  e(HANDOVER, SPO, T.ETOM, `Transfer from ${OFFICERS.okafor.name} to ${OFFICERS.whitfield.name}. Allocation Reason: Officer left team.`);
  e(HANDOVER, SPO, T.ROC, `New Details: ${OFFICERS.whitfield.name} (${OFFICERS.whitfield.code})\nPrevious Details: ${OFFICERS.okafor.name} (${OFFICERS.okafor.code})\nAllocation Reason: Officer left team`);
  e('2023-01-27', OFFICERS.okafor, T.CSPO, 'Handover note: compliant, working nights. Watch for a new relationship: he must disclose it under the licence.');
  e(COVER_FROM, SPO, T.CSPO, `Cover: ${OFFICERS.lal.name} (PQiP) to cover during ${OFFICERS.whitfield.name}'s sickness absence. Reporting reduced to telephone where possible.`);
  e('2023-08-21', OFFICERS.whitfield, T.CSPO, 'Returned from sickness absence. Caseload increased by four cases transferred from a vacant post.');

  // New relationship, safeguarding.
  e('2023-05-09', OFFICERS.whitfield, T.C157, `Daniel disclosed a new relationship with ${PARTNER}, who has a 7-year-old son. Disclosure made under the licence condition.`, { sensitive: true });
  e('2023-05-10', OFFICERS.whitfield, T.SFGC, 'Safeguarding enquiry sent to children\'s services about the partner\'s household.');
  e('2023-06-19', OFFICERS.whitfield, T.SFRR, 'Children\'s services response: family known; no open case. Will share any new concerns.', { lateDays: 4 });
  e('2023-06-20', OFFICERS.whitfield, T.C369, `Police intelligence enquiry requested: call-outs at ${PARTNER}'s address.`);
  e('2023-07-24', OFFICERS.lal, T.C515, 'Police response: one "concern for welfare" log, no further detail given. (Response delayed owing to police backlog.)', { lateDays: 9 });
  e('2023-08-03', OFFICERS.lal, T.C204, 'Police liaison call. Asked for detail of the welfare log; officer dealing was on leave. Will chase.');

  // The autumn: missed contact, concerns, and the recall decision.
  e('2023-09-15', OFFICERS.whitfield, T.CTOA, `${PARTNER} rang. Said they had argued and Daniel had been "shouting and punching doors". Said she did not want police involved.`, { sensitive: true });
  e('2023-09-15', OFFICERS.whitfield, T.C204, 'Police liaison: reported the partner\'s call. Police to do a welfare check.');
  e('2023-09-18', OFFICERS.whitfield, T.C078, 'Child protection strategy discussion arranged by children\'s services; Daniel\'s contact with the child to be supervised.', { lateDays: 6 });
  e('2023-09-20', OFFICERS.whitfield, T.C515, 'Police intelligence received: Daniel seen with a known associate convicted of supplying drugs.', { lateDays: 3 });
  log.add({ date: '2023-09-22', start: 15 * 60 + 30, minutes: 30, staff: SPO, type: [...T.MO5], outcome: 'MO11', notes: 'Recall considered after the partner\'s call and the police intelligence. Decision not to recall: no further incidents, he is attending, and the partner does not support action. Increase reporting to weekly; joint home visit with police.' });
  e('2023-10-02', OFFICERS.whitfield, T.LCL, 'Licence compliance letter sent about the missed appointments.', { enforcement: ['LCL', 'Licence Compliance Letter Sent'] });
  e('2023-10-30', OFFICERS.whitfield, T.CHVS, 'Planned joint home visit with police cancelled: police unavailable. Rebooked for 14/11.', { outcome: 'RSSR', lateDays: 3 });

  // The recall steps.
  e('2023-11-08', OFFICERS.whitfield, T.ERCL, 'Breach: failed to attend twice and not at the approved address on 07/11. Recall requested.', { enforcement: ['IBR', 'Breach / Recall Initiated'], lateDays: 1 });
  log.add({ date: '2023-11-09', start: 17 * 60 + 5, minutes: 20, staff: SPO, type: [...T.MO5], outcome: 'MO10', notes: 'Decision to recall signed off by the SPO. Recall report sent to the Public Protection Casework Section.' });
  e('2023-11-10', OFFICERS.whitfield, T.C204, 'Recall issued; police notified and PNC circulated: police can now arrest.', { start: 16 * 60 + 40 });
  e('2023-11-12', OFFICERS.whitfield, T.CARR, 'Arrested by police at 11:20 following a serious assault at his partner\'s address overnight.', { start: 11 * 60 + 20, lateDays: 1 });
  e('2023-11-13', SPO, T.MO1, 'SFO notification: charged with a serious further offence. Review commissioned.');
}

function buildOtherWork(log: ContactLog, random: Random): void {
  const caseloads = new Map<string, string[]>();
  for (const [i, officer] of Object.values(OFFICERS).entries()) {
    caseloads.set(officer.code, Array.from({ length: 60 }, (_, n) => `X9${String(10000 + i * 1000 + n).padStart(5, '0')}`));
  }
  const types = [T.COAP, T.COAP, T.COAP, T.COPT, T.CHVS, T.CTOB, T.CMOB, T.CTOA];
  for (const date of eachDay(RELEASE, DEMO_CASE.offenceDate)) {
    if (!isWeekday(date)) continue;
    for (const officer of Object.values(OFFICERS)) {
      const working =
        officer === OFFICERS.okafor ? date < HANDOVER
          : officer === OFFICERS.whitfield ? !(date >= COVER_FROM && date <= COVER_TO)
            : date >= '2022-09-01';
      if (!working) continue;
      const busy = officer === OFFICERS.whitfield && date > '2023-08-20' ? 3 : 0;
      for (let n = random.int(3, 6) + busy; n > 0; n--) {
        const type = random.pick(types);
        log.add({
          crn: random.pick(caseloads.get(officer.code) ?? []),
          date,
          start: random.int(36, 66) * 15,
          minutes: type[0] === 'COAP' ? 45 : 15,
          staff: officer,
          type: [...type],
          outcome: type[0] === 'COAP' || type[0] === 'CHVS' ? random.pick(['ATTC', 'ATTC', 'ATTC', 'AFTA'] as const) : undefined,
          notes: 'Routine contact on another case.',
        });
      }
    }
  }
}

function buildPadding(log: ContactLog, random: Random, target: number): void {
  const days = daysBetween(RELEASE, DEMO_CASE.offenceDate);
  while (log.rows.filter((r) => r.crn === DEMO_CASE.crn).length < target) {
    const batch = target - log.rows.filter((r) => r.crn === DEMO_CASE.crn).length;
    for (let n = 0; n < batch; n++) {
      const date = addDays(RELEASE, random.int(0, days - 1));
      log.add({ date, start: random.int(32, 72) * 15, minutes: 10, staff: holderOn(date), type: [...random.pick([T.CMOB, T.CTOA, T.CTOB])], notes: random.pick(ROUTINE_NOTES) });
    }
  }
}

function buildInformation(): Row[] {
  const w = OFFICERS.whitfield.code;
  const info = (r: Row): Row => ({ crn: DEMO_CASE.crn, precision: 'exact', ...r });
  return [
    info({ info_id: 'PR-01', occurred: '2022-03-02', precision: 'day', source_agency: 'Prison', summary: 'Prison security report: intercepted letter to a former partner with threatening content.', shared_with_probation: '', evidence_ref: 'Prison security file, p. 14' }),
    info({ info_id: 'PR-02', occurred: '2022-04-01', precision: 'month', source_agency: 'Prison', summary: 'Prison keyworker notes: says he will "sort out" anyone who gets in his way after release.', shared_with_probation: '', came_to_light: '2023-11-20', evidence_ref: 'Prison keyworker notes' }),
    info({ info_id: 'MA-01', occurred: '2022-06-09 11:00', source_agency: 'MAPPA', summary: 'MAPPA level 2 set; police to flag any call-outs involving Daniel.', shared_with_probation: '2022-06-09 13:00', known_to_staff_code: OFFICERS.okafor.code, known_from: '2022-06-09', evidence_ref: 'MAPPA minutes 09/06/2022' }),
    info({ info_id: 'P-01', occurred: '2023-04-22 23:40', source_agency: 'Police', summary: 'Police called to a disturbance at the partner\'s address; Daniel present; no arrest. Not flagged to MAPPA.', shared_with_probation: '', evidence_ref: 'Police incident log 4417/22APR23' }),
    info({ info_id: 'CS-01', occurred: '2023-05-30', precision: 'day', source_agency: "Children's Services", summary: 'School raised concern: the partner\'s son said "Dan shouts at mum".', shared_with_probation: '2023-09-18', evidence_ref: 'Children\'s services chronology' }),
    info({ info_id: 'P-02', occurred: '2023-07-02 01:15', source_agency: 'Police', summary: 'Police welfare check at the partner\'s address after neighbours reported screaming. Partner declined to make a statement.', shared_with_probation: '2023-07-24', evidence_ref: 'Police incident log 0922/02JUL23' }),
    info({ info_id: 'H-01', occurred: '2023-08-14', precision: 'day', source_agency: 'Health', summary: 'GP: presented with low mood and poor sleep; alcohol use increasing. Referred to talking therapies.', shared_with_probation: '', came_to_light: '2023-11-24', evidence_ref: 'GP records' }),
    info({ info_id: 'HO-01', occurred: '2023-09-05', precision: 'day', source_agency: 'Housing', summary: 'Notice served on the approved address for rent arrears.', shared_with_probation: '2023-09-12', known_to_staff_code: w, known_from: '2023-09-12', evidence_ref: 'Housing officer email 12/09/2023' }),
    info({ info_id: 'P-03', occurred: '2023-09-15 21:30', source_agency: 'Police', summary: 'Welfare check after probation\'s call: partner said all was fine; officers noted a damaged door.', shared_with_probation: '2023-10-04', evidence_ref: 'Police incident log 2214/15SEP23' }),
    info({ info_id: 'P-04', occurred: '2023-10-28 00:50', source_agency: 'Police', summary: 'Domestic incident at the partner\'s address: partner with facial injury, declined to support a prosecution. DASH risk assessed as High; MARAC referral made but not shared with probation.', shared_with_probation: '', evidence_ref: 'Police DASH form 28/10/2023' }),
    info({ info_id: 'P-05', occurred: '2023-10-01', precision: 'approx', source_agency: 'Police', summary: 'Neighbour told police after the offence that arguments had been "almost nightly" since October.', shared_with_probation: '', came_to_light: '2023-11-15', evidence_ref: 'Witness statement, neighbour' }),
    info({ info_id: 'PB-01', occurred: '2023-10-16', precision: 'day', source_agency: 'Probation', summary: 'Approved premises key worker told the duty officer that Daniel had been staying away most nights.', evidence_ref: 'Interview with duty officer' }),
    info({ info_id: 'V-01', occurred: '2023-11-01', precision: 'day', source_agency: 'Victim', summary: 'Partner later said she had told a friend she was frightened and planned to end the relationship that week.', shared_with_probation: '', came_to_light: '2023-11-18', evidence_ref: 'Family liaison statement' }),
  ];
}

function buildAllocations(): Row[] {
  const a = (o: Officer, from: string, to: string, reason: string, cover: string, grade: string): Row => ({
    crn: DEMO_CASE.crn, staff_code: o.code, staff_name: o.name, grade, team_code: TEAM.code, from, to, reason, cover,
  });
  return [
    a(OFFICERS.okafor, RELEASE, addDays(HANDOVER, -1), 'Initial Allocation', 'N', 'PO'),
    a(OFFICERS.whitfield, HANDOVER, '', 'Officer left team', 'N', 'PO'),
    a(OFFICERS.lal, COVER_FROM, COVER_TO, 'Sickness cover', 'Y', 'PQiP'),
  ];
}

/** WMT capacity by officer and day: the story's workload, with day-to-day noise and an archive outage. */
function capacityOn(officer: Officer, date: string, random: Random): { capacity: number; cases: number; reduction: number } | null {
  if (date >= '2022-12-19' && date <= '2023-01-03') return null; // WMT archive outage over Christmas
  const noise = random.next() * 4 - 2;
  if (officer === OFFICERS.okafor) {
    if (date >= HANDOVER) return null;
    return { capacity: 96 + noise + (date > '2022-10-01' ? 5 : 0), cases: date > '2022-10-01' ? 46 : 43, reduction: 0 };
  }
  if (officer === OFFICERS.lal) {
    if (date < '2022-09-01') return null;
    const months = daysBetween('2022-09-01', date) / 30.4;
    const reduction = months < 6 ? 29.6 : months < 12 ? 22.2 : 14.8;
    return { capacity: (date >= COVER_FROM && date <= COVER_TO ? 112 : 88) + noise, cases: date >= COVER_FROM && date <= COVER_TO ? 31 : 22, reduction };
  }
  if (date >= COVER_FROM && date <= COVER_TO) return null; // on sickness absence: no WMT row
  if (date < '2023-04-01') return { capacity: 99 + noise, cases: 47, reduction: 0 };
  if (date < '2023-06-01') return { capacity: 106 + noise, cases: 49, reduction: 0 };
  if (date < COVER_FROM) return { capacity: 109 + noise, cases: 51, reduction: 0 };
  const weeks = daysBetween('2023-08-21', date) / 7;
  return { capacity: 116 + Math.min(14, weeks * 1.2) + noise, cases: 55 + Math.min(7, Math.floor(weeks / 2)), reduction: 0 };
}

function buildWorkload(random: Random): Row[] {
  const rows: Row[] = [];
  for (const date of eachDay(RELEASE, END)) {
    if (!isWeekday(date)) continue;
    for (const officer of Object.values(OFFICERS)) {
      const w = capacityOn(officer, date, random);
      if (!w) continue;
      const available = Math.floor((2176 * (37 - w.reduction)) / 37);
      const total = Math.round((w.capacity / 100) * available);
      rows.push({
        snapshot_date: date,
        staff_code: officer.code,
        om_name: officer.name,
        grade_code: officer.wmtGrade,
        team_code: TEAM.code,
        team_name: TEAM.name,
        pdu_name: 'Northtown PDU',
        region_name: 'North East (synthetic)',
        contracted_hours: 37,
        reduction_hours: w.reduction,
        nominal_target: 2176,
        available_points: available,
        total_points: total,
        capacity_pct: available > 0 ? Math.round((total / available) * 1000) / 10 : 0,
        total_cases: w.cases,
        community_cases: Math.round(w.cases * 0.45),
        licence_cases: Math.round(w.cases * 0.4),
        custody_cases: w.cases - Math.round(w.cases * 0.45) - Math.round(w.cases * 0.4),
      });
    }
  }
  return rows;
}

function buildTeam(): Row[] {
  const rows: Row[] = [];
  for (let date = RELEASE; date <= END; date = addDays(date, 7)) {
    const months = daysBetween(RELEASE, date) / 30.4;
    const inPost = Math.max(6, Math.round((8.5 - Math.max(0, months - 6) * 0.28) * 10) / 10);
    const pct = Math.round((inPost / 10) * 1000) / 10;
    rows.push({
      snapshot_date: date,
      team_code: TEAM.code,
      team_name: TEAM.name,
      target_fte: 10,
      in_post_fte: inPost,
      staffing_pct: pct,
      vacancies: Math.round((10 - inPost) * 10) / 10,
      long_term_absence_fte: date >= COVER_FROM && date <= COVER_TO ? 1 : 0,
      unallocated_cases: pct < 70 ? Math.round((70 - pct) * 3) : 0,
      spo_span: 10,
      delivery_status: pct < 65 ? 'Red' : pct < 80 ? 'Amber' : 'Green',
    });
  }
  return rows;
}

export function generateDemoCase(options: DemoOptions = {}): DemoFiles {
  const random = new Random(options.seed ?? 20231112);
  const log = new ContactLog(random);
  buildCaseContacts(log, random);
  buildOtherWork(log, random);
  if (options.caseContacts) buildPadding(log, random, options.caseContacts);
  const information = buildInformation();
  const allocations = buildAllocations();
  const workload = buildWorkload(random);
  const team = buildTeam();
  const caseContacts = log.rows.filter((r) => r.crn === DEMO_CASE.crn).length;
  return {
    contacts: log.rows,
    information,
    allocations,
    workload,
    team,
    manifest: {
      crn: DEMO_CASE.crn,
      caseContacts,
      information: information.length,
      otherContacts: log.rows.length - caseContacts,
      workloadSnapshots: workload.length,
      teamSnapshots: team.length,
      allocations: allocations.length,
    },
  };
}
