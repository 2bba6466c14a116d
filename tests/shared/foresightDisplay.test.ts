import { describe, expect, it } from 'vitest';
import { defaultOfficer } from '../../shared/engine/allocations.js';
import { NO_FILTER } from '../../shared/engine/filters.js';
import { KNOWLEDGE_STATES, type KnowledgeState } from '../../shared/engine/knowledge.js';
import { FULL, HIDDEN, PLACEHOLDER, REVEALED, showRecords } from '../../shared/engine/foresight.js';
import { demoCaseIndex } from '../helpers/demoFiles.js';

const index = demoCaseIndex();
const cursor = index.offenceStart - 60_000;
const officer = defaultOfficer(index.data.allocations, index.data.staff, cursor) as string;
const states = index.view(officer, cursor).states;
const stateOf = (i: number) => KNOWLEDGE_STATES[states[i] as number] as KnowledgeState;
const NONE = { filter: NO_FILTER, hindsight: false, revealed: new Set<string>() };
const positionsIn = (...wanted: KnowledgeState[]) => index.records.map((_, i) => i).filter((i) => wanted.includes(stateOf(i)));

describe('foresight: what the view shows of each record at the cursor', () => {
  it('the demo case, just before the offence, has records in every state the rule holds back', () => {
    for (const s of ['notYetHappened', 'hindsightOnly', 'heldElsewhere'] as const) expect(positionsIn(s).length).toBeGreaterThan(0);
  });

  it('shows nothing that had not happened, a placeholder for what the officer could not know, and the rest in full', () => {
    const shown = showRecords(index, states, NONE);
    index.records.forEach((_, i) => {
      const s = stateOf(i);
      const expected = s === 'notYetHappened' ? HIDDEN : s === 'hindsightOnly' || s === 'heldElsewhere' || s === 'notYetRecorded' ? PLACEHOLDER : FULL;
      expect([index.records[i]?.id, shown[i]]).toEqual([index.records[i]?.id, expected]);
    });
  });

  it('a filter on content never matches a placeholder, even when the hidden text would match', () => {
    const held = index.records[positionsIn('heldElsewhere')[0] as number]!;
    const word = held.summary.split(' ').find((w) => w.length > 6) as string;
    const shown = showRecords(index, states, { ...NONE, filter: { ...NO_FILTER, text: word } });
    expect(shown[index.positionOf(held.id) as number]).toBe(HIDDEN);
    expect(positionsIn('heldElsewhere', 'hindsightOnly').every((i) => shown[i] === HIDDEN)).toBe(true);
  });

  it('filtering by knowledge state lists the placeholders, still as placeholders', () => {
    const shown = showRecords(index, states, { ...NONE, filter: { ...NO_FILTER, state: 'hindsightOnly' } });
    const showing = index.records.map((_, i) => i).filter((i) => shown[i] !== HIDDEN);
    expect(showing).toEqual(positionsIn('hindsightOnly'));
    expect(showing.every((i) => shown[i] === PLACEHOLDER)).toBe(true);
  });

  it('a reveal shows that record alone, marked as revealed', () => {
    const [first, second] = positionsIn('hindsightOnly');
    const shown = showRecords(index, states, { ...NONE, revealed: new Set([index.records[first as number]!.id]) });
    expect([shown[first as number], shown[second as number]]).toEqual([REVEALED, PLACEHOLDER]);
  });

  it('hindsight shows every record in full, what came after the offence included', () => {
    const shown = showRecords(index, states, { ...NONE, hindsight: true });
    expect([...shown].every((s) => s === FULL)).toBe(true);
  });
});
