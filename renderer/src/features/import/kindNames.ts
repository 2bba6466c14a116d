import type { FileKind } from '../../../../shared/import/columns.js';

/** The kinds of import file, as the import screens name them. */
export const KIND_NAMES: Record<FileKind, string> = {
  contacts: 'Contacts (nDelius contact list)',
  workload: 'Workload snapshots (WMT)',
  team: 'Team staffing snapshots',
  information: 'Partner-agency information',
  allocations: 'Allocations (who held the case)',
};
