import { describe, expect, it } from 'vitest';
import { newSigningKey, signingAs } from '../../shared/audit/signatures.js';
import { withImportEntry } from '../../shared/bundle/bundleRows.js';
import { verifyBundle } from '../../shared/bundle/verifyBundle.js';
import { buildCaseBundle } from '../../shared/import/buildBundle.js';
import { readCsvImportFile } from '../../shared/import/readFile.js';
import { caseBundleOf } from '../../renderer/src/store/caseBundle.js';
import { storeCaseBundle } from '../../renderer/src/store/cases.js';
import { authorOf, freshDb } from './helpers.js';

const CSV = 'crn,contact_id,contact_date,type_code,staff_code,notes\nX123456,1,2023-01-02,COAP,N07P012,Seen\nX123456,2,2023-01-09,COAP,N07P012,Seen again\n';
const bytes = new TextEncoder().encode(CSV);
const theCase = { id: 'c1', crn: 'X123456', title: 'Case', subject: '', offenceAt: { value: '2023-06-01', precision: 'day' as const }, synthetic: false, createdAt: '2026-11-23T00:00:00Z' };

describe('a case received signed, stored and sent on', () => {
  it('keeps its signers, so the entries they signed still check out when the case goes out again', async () => {
    const key = newSigningKey('A. Reviewer');
    const signed = withImportEntry(buildCaseBundle(theCase, [{ result: readCsvImportFile({ fileName: 'c.csv', bytes, sha256: 'ab'.repeat(32) }), sha256: 'ab'.repeat(32) }]), 'A. Reviewer', new Date('2026-11-23T10:00:00Z'), signingAs(key));
    expect(verifyBundle(signed)).toMatchObject({ ok: true, unsigned: [] });
    const { db } = freshDb();
    await storeCaseBundle(db, signed, { kind: 'bundleReceived', what: 'Case file received', author: authorOf('P. Practitioner'), at: new Date('2026-11-24T10:00:00Z') });
    const sentOn = await caseBundleOf(db, 'c1');
    if (!sentOn) throw new Error('case missing');
    // Entry 1 is still the reviewer's, signed; entry 2, the receipt, is signed by the practitioner who received it.
    expect(verifyBundle(sentOn)).toMatchObject({ ok: true, entries: 2, signers: [{ name: 'A. Reviewer', entries: 1 }, { name: 'P. Practitioner', entries: 1 }], unsigned: [] });
  });
});
