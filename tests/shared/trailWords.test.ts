import { describe, expect, it } from 'vitest';
import { count } from '../../shared/domain/words.js';
import { describeBadSignatures, describeSignatures, describeTrail, rowInWords } from '../../shared/audit/trailWords.js';

describe('the trail check in plain words', () => {
  it('counts with the right plural', () => {
    expect([count(0, 'entry', 'entries'), count(1, 'entry', 'entries'), count(2, 'entry', 'entries'), count(1, 'row'), count(1234, 'row')]).toEqual(['0 entries', '1 entry', '2 entries', '1 row', '1,234 rows']);
  });

  it('says a trail checks out without hashes, keys or sums', () => {
    expect(describeTrail({ ok: true, entries: 1, rows: 1 })).toBe('The audit trail checks out: its only entry is in order and unaltered, and everything the case holds (1 row) is as the trail last recorded it.');
    expect(describeTrail({ ok: true, entries: 2, rows: 1234 })).toBe('The audit trail checks out: its 2 entries are in order and unaltered, and everything the case holds (1,234 rows) is as the trail last recorded it.');
  });

  it.each([
    [{ ok: false, entry: 3, reason: 'entry 3 has been changed since it was written' }, 'The audit trail does not check out: entry 3 has been changed since it was written.'],
    [{ ok: false, entry: 2, reason: 'entry 2 is not chained to the entry before it' }, 'The audit trail does not check out: entry 2 does not follow on from the entry before it.'],
    [{ ok: false, entry: 4, reason: 'the rows the case holds do not add up to the rows its trail recorded' }, 'The case does not match its audit trail: what the case holds is not what the trail last recorded.'],
    [{ ok: false, row: 'otherWork:contact:1234', reason: 'otherWork:contact:1234 was stored by the trail but is missing from the case' }, 'The case does not match its audit trail: contact 1234 in the officers’ other work is missing from the case.'],
    [{ ok: false, row: 'records:info:7', reason: 'records:info:7 has been changed since the trail recorded it' }, 'The case does not match its audit trail: information record 7 has been changed since the trail recorded it.'],
    [{ ok: false, row: 'case', reason: 'case is in the case but no entry of the trail stored it' }, 'The case does not match its audit trail: the row holding the case’s details is in the case, but no change recorded in the trail put it there.'],
  ] as const)('names what failed: %o', (check, words) => {
    expect(describeTrail(check)).toBe(words);
  });

  it('names each kind of row as a reviewer would', () => {
    expect(rowInWords('records:contact:99')).toBe('contact 99');
    expect(rowInWords('workload:N07P012|2022-01-03')).toBe('the workload figures for N07P012 on 3 Jan 2022');
    expect(rowInWords('teams:N07T02|2022-01-03')).toBe('the staffing figures for team N07T02 on 3 Jan 2022');
    expect(rowInWords('allocations:alloc:1')).toBe('allocation alloc:1');
    expect(rowInWords('staff:N07P012')).toBe('staff member N07P012');
    expect(rowInWords(`sources:${'a'.repeat(64)}`)).toBe('the details of an imported file');
    expect(rowInWords('records:block 3')).toBe('a block of stored records');
  });
});

describe('a trail’s signatures in plain words', () => {
  it.each([
    [{ signed: 1, unsigned: 0, invalid: 0 }, 'Its only entry is signed.'],
    [{ signed: 3, unsigned: 0, invalid: 0 }, 'All 3 entries are signed.'],
    [{ signed: 0, unsigned: 2, invalid: 0 }, 'None of its 2 entries is signed.'],
    [{ signed: 2, unsigned: 1, invalid: 0 }, 'Of its 3 entries, 2 are signed and 1 is not signed.'],
    [{ signed: 1, unsigned: 1, invalid: 1 }, 'Of its 3 entries, 1 is signed, 1 is not signed and 1 has a signature that does not match.'],
    [{ signed: 0, unsigned: 0, invalid: 2 }, 'Of its 2 entries, 2 have signatures that do not match.'],
  ])('%j', (counts, words) => expect(describeSignatures(counts)).toBe(words));

  it('never says a trail with a signature that does not match checks out', () => {
    expect(describeBadSignatures(1)).toBe('The audit trail does not check out: 1 entry was changed after signing (the signature does not match).');
  });
});
