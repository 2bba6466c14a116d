/** The kinds of file a user imports (docs/formats.md). */
export type FileKind = 'contacts' | 'workload' | 'team' | 'information' | 'allocations';
export const FILE_KINDS: readonly FileKind[] = ['contacts', 'workload', 'team', 'information', 'allocations'];

/** Headers match whatever their case or punctuation: `Contact Date`, `contact_date` and `CONTACT-DATE` are one. */
export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Canonical columns of each kind, and the other headers real exports use for them. */
export const COLUMNS: Record<FileKind, Record<string, readonly string[]>> = {
  contacts: {
    crn: ['case reference number', 'case reference'],
    contact_id: ['contact id'],
    contact_date: ['date'],
    contact_start_time: ['start time'],
    contact_end_time: ['end time'],
    start_datetime: [],
    type_code: ['contact type code', 'contact type'],
    type_description: ['contact type description'],
    outcome_code: ['contact outcome code'],
    outcome_description: ['outcome', 'contact outcome description'],
    attended: [],
    complied: [],
    enforcement_action_code: ['enforcement code'],
    enforcement_action_description: ['enforcement action'],
    staff_code: ['officer code', 'staff'],
    staff_name: ['officer', 'officer name'],
    staff_grade: ['officer grade', 'grade'],
    team_code: [],
    team_description: ['team'],
    provider_code: [],
    provider_description: ['provider'],
    sensitive: [],
    alert_active: ['alert'],
    description: ['subject'],
    notes: ['contact notes'],
    created_datetime: ['created', 'created date', 'created date time'],
    created_by: [],
    last_updated_datetime: [],
    last_updated_by: [],
    event_number: [],
    requirement_id: ['rqmnt id'],
    licence_condition_id: ['lic condition id'],
    nsi_id: [],
    linked_contact_id: [],
  },
  workload: {
    snapshot_date: ['workload date', 'date'],
    staff_code: ['offender manager code', 'om code', 'om key'],
    om_name: ['offender manager', 'name'],
    grade_code: ['grade'],
    team_code: [],
    team_name: ['team'],
    pdu_name: ['pdu', 'ldu'],
    region_name: ['region'],
    contracted_hours: [],
    reduction_hours: ['reductions'],
    nominal_target: [],
    available_points: [],
    total_points: [],
    capacity_pct: ['capacity', 'capacity percentage'],
    total_cases: ['caseload'],
    community_cases: [],
    licence_cases: [],
    custody_cases: [],
    tier_a: [],
    tier_b: [],
    tier_c: [],
    tier_d: [],
    untiered: [],
    sdr_points: [],
    paroms_points: [],
    arms_points: [],
    cms_points: [],
  },
  team: {
    snapshot_date: ['date'],
    team_code: ['pdu code', 'unit code'],
    team_name: ['team', 'pdu name'],
    target_fte: [],
    in_post_fte: [],
    staffing_pct: ['staffing', 'staffing percentage'],
    vacancies: [],
    long_term_absence_fte: [],
    unallocated_cases: [],
    spo_span: [],
    delivery_status: ['status'],
  },
  information: {
    info_id: [],
    crn: [],
    occurred: [],
    precision: [],
    source_agency: ['agency', 'source'],
    summary: [],
    shared_with_probation: ['shared', 'date shared'],
    known_to_staff_code: [],
    known_from: [],
    came_to_light: [],
    evidence_ref: ['evidence'],
  },
  allocations: {
    crn: [],
    staff_code: [],
    staff_name: [],
    grade: [],
    team_code: [],
    from: ['start date', 'allocated from'],
    to: ['end date', 'allocated to'],
    reason: ['allocation reason'],
    cover: [],
  },
};

/**
 * Columns the real exports carry that Foresight does not use: recognised, so they are never asked about, and left
 * out. nDelius contact lists come with the CONTACT table's own columns (ids of linked rows, flags, audit fields);
 * WMT and Manage a Workforce extracts with their points, report and org columns.
 */
export const KNOWN_UNUSED: Record<FileKind, readonly string[]> = {
  contacts: [
    'offender id', 'offender name', 'forename', 'surname', 'noms number', 'pnc number', 'contact type id', 'contact outcome type id',
    'contact type category', 'event id', 'provider location id', 'provider employee id', 'provider team id', 'hours credited', 'visor contact',
    'visor exported', 'staff id', 'staff employee id', 'team id', 'probation area id', 'partition area id', 'office location id',
    'office location', 'row version', 'soft deleted', 'created by user id', 'last updated user id', 'explanation id', 'trust provider flag',
    'trust provider team id', 'enforcement', 'document linked', 'upload linked', 'latest enforcement action id', 'table name',
    'primary key id', 'pss rqmnt id', 'rar activity', 'nomis case note id', 'linked document contact id', 'external reference',
    'rar linked contact id', 'session delivered con type id', 'system generated', 'sgc flag', 'national standards contact',
    'attendance contact', 'contact end date',
  ],
  workload: [
    'ldu cluster', 'cluster', 'ldu code', 'pdu code', 'region code', 'offender manager type', 'om type', 'om type id', 'workload owner id',
    'workload report id', 'staging id', 'effective from', 'effective to', 'default contracted hours', 'remaining points', 'cms %', 'gs %',
    'cms percentage', 'gs percentage', 'gs points', 'sdr conversion points', 'arms total cases', 'arms community cases', 'arms licence cases',
    'arms license cases', 'paroms due next 30 days', 'paroms completed last 30 days', 'sdr due next 30 days', 'sdr conversions last 30 days',
    'monthly sdrs', 'total t2a cases', 't2a community cases', 't2a licence cases', 't2a license cases', 't2a custody cases',
    'license cases', 'license last 16 weeks', 'licence last 16 weeks', 'community last 16 weeks', 'tier 0', 'tier a0', 'tier b0', 'tier c0', 'tier d0',
  ],
  team: ['region', 'region name', 'region code', 'reporting period', 'notes'],
  information: ['recorded by', 'entered by', 'notes', 'document', 'page'],
  allocations: ['allocation id', 'event number', 'event id', 'allocated by', 'spo staff code', 'spo name', 'provider code', 'pdu', 'notes'],
};

const UNUSED = Object.fromEntries(FILE_KINDS.map((k) => [k, new Set(KNOWN_UNUSED[k].map(normaliseHeader))])) as unknown as Record<FileKind, ReadonlySet<string>>;

/** Whether a header is a column of the real exports that Foresight knows and leaves out. */
const isKnownUnused = (kind: FileKind, header: string) => UNUSED[kind].has(normaliseHeader(header));

/** Columns without which a file of that kind cannot be read. Alternatives are checked by the mappers. */
export const REQUIRED: Record<FileKind, readonly string[]> = {
  contacts: ['crn', 'contact_id', 'contact_date', 'staff_code'],
  workload: ['snapshot_date', 'staff_code'],
  team: ['snapshot_date', 'team_code'],
  information: ['info_id', 'crn', 'occurred', 'source_agency', 'summary'],
  allocations: ['crn', 'staff_code', 'from'],
};

/**
 * A user's answers for headers the tool did not know, by normalised header: the canonical column it holds, or
 * null to ignore it. Saved per kind of file, so each unknown column is asked about once.
 */
export type ColumnMap = Record<string, string | null>;
export type SavedColumnMaps = Partial<Record<FileKind, ColumnMap>>;

/** Map each header to its canonical column for a kind; unknown (or ignored) headers map to null. */
export function mapHeaders(kind: FileKind, header: readonly string[], columnMap: ColumnMap = {}): (string | null)[] {
  const lookup = new Map<string, string>();
  for (const [canonical, aliases] of Object.entries(COLUMNS[kind])) {
    lookup.set(normaliseHeader(canonical), canonical);
    for (const alias of aliases) lookup.set(normaliseHeader(alias), canonical);
  }
  return header.map((h) => {
    const key = normaliseHeader(h);
    if (Object.hasOwn(columnMap, key)) return columnMap[key] ?? null;
    return lookup.get(key) ?? null;
  });
}

/** Headers neither known for the kind nor answered by the user: what the mapping step asks about. */
export function unknownHeaders(kind: FileKind, header: readonly string[], columnMap: ColumnMap = {}): string[] {
  const mapped = mapHeaders(kind, header, columnMap);
  return header.filter((h, i) => mapped[i] === null && h.trim() !== '' && !Object.hasOwn(columnMap, normaliseHeader(h)) && !isKnownUnused(kind, h));
}

/**
 * Recognise a file's kind from its header row: the kind whose required columns it best covers. A file missing a
 * required column is still recognised when it has most of them, so the user is told which column is missing.
 */
export function detectKind(header: readonly string[], saved: SavedColumnMaps = {}): FileKind | null {
  let best: { kind: FileKind; share: number; matched: number } | null = null;
  for (const kind of FILE_KINDS) {
    const mapped = new Set(mapHeaders(kind, header, saved[kind]).filter((c): c is string => c !== null));
    const share = REQUIRED[kind].filter((c) => mapped.has(c)).length / REQUIRED[kind].length;
    if (share < 0.5) continue;
    if (!best || share > best.share || (share === best.share && mapped.size > best.matched)) best = { kind, share, matched: mapped.size };
  }
  return best?.kind ?? null;
}
