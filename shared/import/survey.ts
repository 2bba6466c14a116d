import type { FileKind } from './columns.js';

/** One CRN the files hold, and how many rows of each kind name it. */
export interface CrnCount {
  crn: string;
  contacts: number;
  information: number;
  allocations: number;
}

/** What a set of export files holds before a case is made from them: the CRNs, the likeliest case first. */
export interface ImportSurvey {
  crns: CrnCount[];
  /** The earliest and latest contact dates (London dates), for the reviewer's bearings. */
  from: string | null;
  to: string | null;
}

const CASE_KINDS = ['contacts', 'information', 'allocations'] as const satisfies readonly FileKind[];
type CaseKind = (typeof CASE_KINDS)[number];

/**
 * Counts the CRNs named by contacts, information and allocations, a chunk at a time. A contact list often holds the
 * officers' other cases too; partner information and allocations are gathered for the case under review, so a CRN
 * they name comes first, then the CRN with the most contacts.
 */
export class CrnSurvey {
  private readonly counts = new Map<string, CrnCount>();
  private from: string | null = null;
  private to: string | null = null;

  add(kind: FileKind, rows: readonly { crn: string; date?: string }[]): void {
    if (!(CASE_KINDS as readonly string[]).includes(kind)) return;
    for (const row of rows) {
      const c = this.counts.get(row.crn) ?? { crn: row.crn, contacts: 0, information: 0, allocations: 0 };
      c[kind as CaseKind]++;
      this.counts.set(row.crn, c);
      if (kind === 'contacts' && row.date) {
        if (this.from === null || row.date < this.from) this.from = row.date;
        if (this.to === null || row.date > this.to) this.to = row.date;
      }
    }
  }

  /** Take in another survey's counts: a file is surveyed on its own, so a file read again counts once. */
  merge(other: CrnSurvey): void {
    for (const c of other.counts.values()) {
      const mine = this.counts.get(c.crn) ?? { crn: c.crn, contacts: 0, information: 0, allocations: 0 };
      for (const k of CASE_KINDS) mine[k] += c[k];
      this.counts.set(c.crn, mine);
    }
    if (other.from !== null && (this.from === null || other.from < this.from)) this.from = other.from;
    if (other.to !== null && (this.to === null || other.to > this.to)) this.to = other.to;
  }

  result(): ImportSurvey {
    const gathered = (c: CrnCount) => c.information + c.allocations;
    const crns = [...this.counts.values()].sort((a, b) => gathered(b) - gathered(a) || b.contacts - a.contacts || (a.crn < b.crn ? -1 : 1));
    return { crns, from: this.from, to: this.to };
  }
}
