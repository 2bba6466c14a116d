import { describe, expect, it } from 'vitest';
import { defaultOfficer } from '../../shared/engine/allocations.js';
import type { Allocation } from '../../shared/schemas/index.js';
import { earliestInstant, latestInstant } from '../../shared/time/london.js';
import { demoCaseIndex } from '../helpers/demoFiles.js';

const day = (value: string) => ({ value, precision: 'day' as const });
const held = (staffCode: string, from: string, to: string | null, cover = false): Allocation => ({ id: `${staffCode}-${from}`, crn: 'X123456', staffCode, from: day(from), to: to ? day(to) : null, cover });
const ALLOCATIONS = [held('N07P001', '2023-01-01', '2023-03-31'), held('N07P002', '2023-05-01', null), held('N07P003', '2023-06-01', '2023-06-30', true)];

describe('whose view it is by default', () => {
  it('is whoever held the case then, the covering officer during cover', () => {
    expect(defaultOfficer(ALLOCATIONS, [], earliestInstant(day('2023-02-01')))).toBe('N07P001');
    expect(defaultOfficer(ALLOCATIONS, [], earliestInstant(day('2023-06-15')))).toBe('N07P003');
    expect(defaultOfficer(ALLOCATIONS, [], latestInstant(day('2023-06-30')) + 1)).toBe('N07P002');
  });

  it('is the last holder in a gap, the first before any allocation, and the first officer named when there are none', () => {
    expect(defaultOfficer(ALLOCATIONS, [], earliestInstant(day('2023-04-15')))).toBe('N07P001');
    expect(defaultOfficer(ALLOCATIONS, [], earliestInstant(day('2022-06-01')))).toBe('N07P001');
    expect(defaultOfficer([], [{ code: 'N07P009', name: 'X' }], 0)).toBe('N07P009');
    expect(defaultOfficer([], [], 0)).toBeNull();
  });
});

describe('the officers on the case by a moment', () => {
  const index = demoCaseIndex();
  it('lists no one whose part in the case was still to come', () => {
    const early = index.officersBy(Date.parse('2022-06-01T12:00:00Z')).map((o) => o.code);
    expect(early).toContain('N07P101');
    expect(early).not.toContain('N07P214');
    const late = index.officersBy(index.offenceStart).map((o) => o.code);
    expect(late).toEqual(expect.arrayContaining(['N07P101', 'N07P214', 'N07P377']));
  });
});
