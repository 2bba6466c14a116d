import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTCOME_PHRASES, outcomeLanguage } from '../../shared/review/outcomeLanguage.js';

/** The table of docs/review.md, row by row: the phrases of a row share its suggestion. */
const TABLE: [string[], string][] = [
  [['should have known'], 'say what the officer had been told or could read, and when'],
  [['should have realised', 'should have realized'], 'say what the information available at the time showed'],
  [['should have been obvious'], 'say whether, with what was known then, it was apparent'],
  [['should never have'], 'say what the guidance in force then required'],
  [['it was clear that'], 'the records show that'],
  [['obviously', 'clearly'], 'leave it out and give the evidence'],
  [['failed to'], 'did not'],
  [['missed the signs', 'missed the warning signs'], 'name the information, and whether it was known at the time'],
  [['warning signs', 'red flags'], 'name the information, and when it was known'],
  [['inevitable', 'inevitably'], 'leave it out: the outcome was not fixed in advance'],
  [['predictable', 'foreseeable'], 'say what risk was assessed, on what was known then'],
  [['negligent', 'negligence'], 'describe the practice against the guidance in force'],
  [['no excuse'], 'leave it out'],
];

/** What was found, as [text as written, offset, phrase as listed]. */
const found = (text: string) => outcomeLanguage(text).map((m) => [m.text, m.offset, m.phrase]);

describe('outcome language: the list', () => {
  it('holds every phrase of the table, each form its own phrase, with its suggestion word for word', () => {
    expect(OUTCOME_PHRASES).toEqual(TABLE.flatMap(([phrases, suggestion]) => phrases.map((phrase) => ({ phrase, suggestion }))));
  });

  it('finds every listed phrase in a sentence, as the phrase and suggestion the list gives', () => {
    for (const { phrase, suggestion } of OUTCOME_PHRASES) {
      const text = `On the day, ${phrase}, as the notes say.`;
      expect(outcomeLanguage(text), phrase).toEqual([{ phrase, offset: 12, text: phrase, suggestion }]);
    }
  });

  it('finds nothing in plain wording', () => {
    expect(outcomeLanguage('The officer did not visit. The records show that the address was not checked.')).toEqual([]);
    expect(outcomeLanguage('')).toEqual([]);
  });
});

describe('outcome language: matching', () => {
  it('ignores case, and gives the words as the text has them', () => {
    expect(outcomeLanguage('Failed to visit; FAILED TO call; fAiLeD tO write.').map((m) => [m.text, m.offset, m.phrase])).toEqual([
      ['Failed to', 0, 'failed to'],
      ['FAILED TO', 17, 'failed to'],
      ['fAiLeD tO', 33, 'failed to'],
    ]);
  });

  it('ignores case as Unicode case folding does, beyond ASCII too (the long s, the Kelvin sign)', () => {
    expect(found('\u017Fhould have known')).toEqual([['\u017Fhould have known', 0, 'should have known']]);
    expect(found('should have \u212Anown')).toEqual([['should have \u212Anown', 0, 'should have known']]);
    // The dotted capital I is not the capital of i outside Turkish: "faİled" is not "failed".
    expect(found('fa\u0130led to')).toEqual([]);
  });

  it('counts the offset in UTF-16 code units of the text as written: emoji and astral characters count two', () => {
    expect(found('😀 failed to')).toEqual([['failed to', 3, 'failed to']]);
    expect(found('𝒜𝒷 — clearly')).toEqual([['clearly', 7, 'clearly']]);
    expect('𝒜𝒷 — clearly'.slice(7)).toBe('clearly');
  });

  it('counts offsets in the text as written, even where lower-casing would change its length', () => {
    // "İ" lower-cases to two code units: an offset worked out on lower-cased text would be one too many.
    const text = 'İİ Obviously';
    expect(found(text)).toEqual([['Obviously', 3, 'obviously']]);
    expect(text.toLowerCase().indexOf('obviously')).toBe(5);
  });

  it('lets any run of spaces or line breaks stand for the space between words', () => {
    expect(found('failed  to')).toEqual([['failed  to', 0, 'failed to']]);
    expect(found('failed\nto')).toEqual([['failed\nto', 0, 'failed to']]);
    expect(found('failed\r\nto')).toEqual([['failed\r\nto', 0, 'failed to']]);
    expect(found('it was\n\nclear   that')).toEqual([['it was\n\nclear   that', 0, 'it was clear that']]);
    expect(found('should \r\n have \n known')).toEqual([['should \r\n have \n known', 0, 'should have known']]);
    // A space that does not break (pasted from a word processor) and Unicode's line and paragraph separators.
    expect(found('failed\u00A0to')).toEqual([['failed\u00A0to', 0, 'failed to']]);
    expect(found('failed\u2028to')).toEqual([['failed\u2028to', 0, 'failed to']]);
    expect(found('failed\u2029to')).toEqual([['failed\u2029to', 0, 'failed to']]);
    // The older line breaks: next line (NEL), vertical tab and form feed.
    expect(found('failed\u0085to')).toEqual([['failed\u0085to', 0, 'failed to']]);
    expect(found('failed\vto\fagain failed \f to')).toEqual([['failed\vto', 0, 'failed to'], ['failed \f to', 16, 'failed to']]);
  });

  it('takes a tab as white space between the words, like a space', () => {
    expect(found('failed\tto')).toEqual([['failed\tto', 0, 'failed to']]);
    expect(found('failed \t to')).toEqual([['failed \t to', 0, 'failed to']]);
  });

  it('needs white space between the words: a zero-width space, a byte-order mark or nothing at all is not one', () => {
    expect(found('failed\u200Bto')).toEqual([]);
    expect(found('failed\uFEFFto')).toEqual([]);
    expect(found('failedto')).toEqual([]);
    expect(found('failed-to')).toEqual([]);
  });

  it('needs a whole word at each end: no letter just before or after, Unicode letters included', () => {
    expect(found('unfailed to')).toEqual([]);
    expect(found('failed tomorrow')).toEqual([]);
    expect(found('éfailed to')).toEqual([]);
    expect(found('failed toé')).toEqual([]);
    expect(found('Жclearly')).toEqual([]);
    expect(found('clearlyЖ')).toEqual([]);
    expect(found('𝐀clearly')).toEqual([]);
    expect(found('clearly𝐀')).toEqual([]);
    expect(found('negligently')).toEqual([]);
    expect(found('unpredictable')).toEqual([]);
  });

  it('needs a whole word at each end: no digit just before or after', () => {
    expect(found('failed to2')).toEqual([]);
    expect(found('2failed to')).toEqual([]);
    expect(found('red flags3')).toEqual([]);
    expect(found('٣clearly')).toEqual([]);
  });

  it('takes punctuation, quotes, apostrophes and underscores as word ends', () => {
    expect(found('(failed to)')).toEqual([['failed to', 1, 'failed to']]);
    expect(found('‘clearly’')).toEqual([['clearly', 1, 'clearly']]);
    expect(found("'clearly'")).toEqual([['clearly', 1, 'clearly']]);
    expect(found('_clearly_')).toEqual([['clearly', 1, 'clearly']]);
    expect(found('clearly—obviously.')).toEqual([['clearly', 0, 'clearly'], ['obviously', 8, 'obviously']]);
  });

  it('takes the longest phrase at a place and scans on after it, so "missed the warning signs" is one match', () => {
    expect(found('He missed the warning signs.')).toEqual([['missed the warning signs', 3, 'missed the warning signs']]);
    expect(found('He missed the signs.')).toEqual([['missed the signs', 3, 'missed the signs']]);
    expect(found('There were warning signs and red flags.')).toEqual([['warning signs', 11, 'warning signs'], ['red flags', 29, 'red flags']]);
  });

  it('matches a phrase only where it is whole, and goes on finding the ones that are', () => {
    // "should have been obvious" is not whole in "...obviously": the scan finds "obviously" after it.
    expect(found('It should have been obviously wrong.')).toEqual([['obviously', 20, 'obviously']]);
    expect(found('it was clear that it was clearly so')).toEqual([['it was clear that', 0, 'it was clear that'], ['clearly', 25, 'clearly']]);
    expect(found('failed to failed to')).toEqual([['failed to', 0, 'failed to'], ['failed to', 10, 'failed to']]);
    expect(found('inevitable, inevitably')).toEqual([['inevitable', 0, 'inevitable'], ['inevitably', 12, 'inevitably']]);
  });

  it('gives the same answer called again (the scan keeps no state between texts)', () => {
    const text = 'Clearly she failed to act: negligence.';
    expect(outcomeLanguage(text)).toEqual(outcomeLanguage(text));
    expect(found(text)).toEqual([['Clearly', 0, 'clearly'], ['failed to', 12, 'failed to'], ['negligence', 27, 'negligence']]);
  });
});

/** Text made of listed phrases (in any case), ordinary words, and the characters that sit between or beside them. */
const pieces = fc.oneof(
  fc.constantFrom(...OUTCOME_PHRASES.map((p) => p.phrase)).chain((p) => fc.constantFrom(p, p.toUpperCase(), p.replace(/ /g, '\n'), p.replace(/ /g, '\r\n  '))),
  fc.constantFrom('the', 'signs', 'warning', 'missed', 'should', 'have', 'clear', 'that', 'it was', 'no', 'excuse', 'failed', 'to', 'é', '2', '😀', 'İ'),
  fc.constantFrom(' ', '  ', '\n', '\r\n', '\t', '.', ',', '’', "'", '-', ''),
);
const text = fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join(''));
const letterOrDigit = /[\p{L}\p{N}]/u;

describe('outcome language (property tests)', () => {
  it('never gives matches that overlap, gives them in order, and each is a listed phrase as the text has it', () => {
    const listed = new Map(OUTCOME_PHRASES.map((p) => [p.phrase, p.suggestion]));
    fc.assert(
      fc.property(text, (t) => {
        const matches = outcomeLanguage(t);
        let end = 0;
        for (const m of matches) {
          expect(m.offset).toBeGreaterThanOrEqual(end);
          end = m.offset + m.text.length;
          expect(t.slice(m.offset, end)).toBe(m.text);
          expect(listed.get(m.phrase)).toBe(m.suggestion);
          expect(m.text.toLowerCase().split(/[ \r\n\u00A0]+/).join(' ')).toBe(m.phrase);
          expect(t.slice(0, m.offset)).not.toMatch(new RegExp(`${letterOrDigit.source}$`, 'u'));
          expect(t.slice(end)).not.toMatch(new RegExp(`^${letterOrDigit.source}`, 'u'));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finds a listed phrase set apart by spaces in any text', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...OUTCOME_PHRASES), text, (before, { phrase }, after) => {
        const t = `${before} ${phrase} ${after}`;
        const at = before.length + 1;
        // Something found must reach over the phrase's place (a longer phrase may start earlier and take it in).
        expect(outcomeLanguage(t).some((m) => m.offset <= at && at < m.offset + m.text.length)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
