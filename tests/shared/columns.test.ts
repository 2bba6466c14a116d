import { describe, expect, it } from 'vitest';
import { COLUMNS, FILE_KINDS, KNOWN_UNUSED, detectKind, mapHeaders, normaliseHeader, unknownHeaders } from '../../shared/import/columns.js';
import { COLUMN_LABELS } from '../../shared/import/columnLabels.js';

/** A contact list as the nDelius reporting database gives it: the CONTACT table's columns, most of which Foresight leaves out. */
const NDELIUS_EXPORT = [
  'CRN', 'CONTACT_ID', 'OFFENDER_ID', 'CONTACT_DATE', 'CONTACT_START_TIME', 'CONTACT_END_TIME', 'CONTACT_TYPE_ID', 'TYPE_CODE',
  'TYPE_DESCRIPTION', 'CONTACT_OUTCOME_TYPE_ID', 'OUTCOME_CODE', 'OUTCOME_DESCRIPTION', 'RQMNT_ID', 'LIC_CONDITION_ID', 'NSI_ID',
  'EVENT_ID', 'HOURS_CREDITED', 'NOTES', 'VISOR_CONTACT', 'STAFF_ID', 'STAFF_CODE', 'STAFF_NAME', 'TEAM_ID', 'TEAM_CODE', 'SOFT_DELETED',
  'ALERT_ACTIVE', 'ATTENDED', 'COMPLIED', 'SENSITIVE', 'CREATED_DATETIME', 'CREATED_BY_USER_ID', 'LAST_UPDATED_DATETIME',
  'LAST_UPDATED_USER_ID', 'TRUST_PROVIDER_FLAG', 'STAFF_EMPLOYEE_ID', 'PROBATION_AREA_ID', 'ENFORCEMENT', 'DOCUMENT_LINKED',
  'UPLOAD_LINKED', 'LATEST_ENFORCEMENT_ACTION_ID', 'RAR_ACTIVITY', 'SYSTEM_GENERATED', 'DESCRIPTION', 'EXTERNAL_REFERENCE', 'ROW_VERSION',
];

/** A Manage a Workforce capacity extract, with its display headers. */
const MAW_EXPORT = ['Workload Date', 'Region', 'LDU Cluster', 'Team', 'Offender Manager', 'OM Code', 'Grade', 'Capacity %', 'Total Cases', 'CMS %', 'GS %', 'ARMS Total Cases', 'Contracted Hours', 'Reductions', 'Available Points', 'Total Points'];

describe('the columns of real exports', () => {
  it('a standard nDelius contact export is recognised with nothing to ask', () => {
    expect(detectKind(NDELIUS_EXPORT)).toBe('contacts');
    expect(unknownHeaders('contacts', NDELIUS_EXPORT)).toEqual([]);
  });

  it('a Manage a Workforce extract is recognised with nothing to ask', () => {
    expect(detectKind(MAW_EXPORT)).toBe('workload');
    expect(unknownHeaders('workload', MAW_EXPORT)).toEqual([]);
  });

  it('a column nobody knows is still asked about', () => {
    expect(unknownHeaders('contacts', [...NDELIUS_EXPORT, 'Reviewer comment'])).toEqual(['Reviewer comment']);
  });

  it('every column Foresight reads has a plain-English name, and no name is left over', () => {
    for (const kind of FILE_KINDS) expect(Object.keys(COLUMN_LABELS[kind]).sort()).toEqual(Object.keys(COLUMNS[kind]).sort());
  });

  it('no column left out is one Foresight reads, under its own name or another', () => {
    for (const kind of FILE_KINDS) {
      const read = new Set(Object.entries(COLUMNS[kind]).flatMap(([c, aliases]) => [c, ...aliases].map(normaliseHeader)));
      expect(KNOWN_UNUSED[kind].filter((h) => read.has(normaliseHeader(h)))).toEqual([]);
      expect(mapHeaders(kind, KNOWN_UNUSED[kind]).every((c) => c === null)).toBe(true);
    }
  });

  it('nDelius’s ENFORCEMENT flag is not read as the enforcement action', () => {
    expect(mapHeaders('contacts', ['ENFORCEMENT', 'ENFORCEMENT_ACTION_DESCRIPTION'])).toEqual([null, 'enforcement_action_description']);
  });
});

describe('headers that are the names of an object’s own properties', () => {
  it('a column headed "Constructor" or "toString" is asked about, not taken for a built-in', () => {
    expect(mapHeaders('contacts', ['Constructor', 'toString', 'crn'])).toEqual([null, null, 'crn']);
    expect(unknownHeaders('contacts', ['Constructor', 'toString', '__proto__', 'crn'])).toEqual(['Constructor', 'toString', '__proto__']);
  });
});
