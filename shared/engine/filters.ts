import { recordKind } from '../domain/recordKind.js';
import type { CaseRecord } from '../schemas/record.js';
import type { KnowledgeState } from './knowledge.js';

/** The filters the chronology table and the timeline share. Empty: no filter. */
export interface RecordFilter {
  kind: string;
  agency: string;
  type: string;
  officer: string;
  state: KnowledgeState | '';
  text: string;
}

export const NO_FILTER: RecordFilter = { kind: '', agency: '', type: '', officer: '', state: '', text: '' };

export function isFiltering(f: RecordFilter): boolean {
  return Object.values(f).some((v) => v !== '');
}

const typeOf = (r: CaseRecord) => (r.kind === 'contact' ? (r.typeCode ?? r.typeDescription ?? '') : '');
const officerOf = (r: CaseRecord) => (r.kind === 'contact' ? r.staffCode : (r.knownToStaffCode ?? ''));

/** Whether a record passes the filters; `state` is its knowledge state at the cursor for the chosen officer. */
export function matchesFilter(r: CaseRecord, state: KnowledgeState, f: RecordFilter): boolean {
  if (f.kind && recordKind(r) !== f.kind) return false;
  if (f.agency && r.sourceAgency !== f.agency) return false;
  if (f.type && typeOf(r) !== f.type) return false;
  if (f.officer && officerOf(r) !== f.officer) return false;
  if (f.state && state !== f.state) return false;
  if (f.text) {
    const needle = f.text.toLowerCase();
    const haystack = `${r.summary} ${r.notes ?? ''} ${r.kind === 'contact' ? `${r.typeDescription ?? ''} ${r.outcomeDescription ?? ''} ${r.staffName ?? ''}` : r.sourceAgency}`.toLowerCase();
    if (!haystack.includes(needle)) return false;
  }
  return true;
}

/** The values each filter can take in a case, for its drop-downs. */
export function filterOptions(records: readonly CaseRecord[]): { kinds: string[]; agencies: string[]; types: string[]; officers: string[] } {
  const kinds = new Set<string>();
  const agencies = new Set<string>();
  const types = new Set<string>();
  const officers = new Set<string>();
  for (const r of records) {
    kinds.add(recordKind(r));
    agencies.add(r.sourceAgency);
    if (typeOf(r)) types.add(typeOf(r));
    if (officerOf(r)) officers.add(officerOf(r));
  }
  const sorted = (s: Set<string>) => [...s].sort();
  return { kinds: sorted(kinds), agencies: sorted(agencies), types: sorted(types), officers: sorted(officers) };
}
