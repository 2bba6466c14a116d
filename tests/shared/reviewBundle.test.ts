import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withImportEntry, withWholeCaseEntry } from '../../shared/bundle/bundleRows.js';
import { readCaseBundle } from '../../shared/bundle/readBundle.js';
import { verifyBundle } from '../../shared/bundle/verifyBundle.js';
import { buildCaseBundle } from '../../shared/import/buildBundle.js';
import { parseDateTime } from '../../shared/import/dates.js';
import { OUTCOME_PHRASES } from '../../shared/review/outcomeLanguage.js';
import { readReview } from '../../shared/review/readReview.js';
import { reviewRows } from '../../shared/review/reviewRows.js';
import type { CaseBundle } from '../../shared/schemas/bundle.js';
import { ACCIMAP_LEVELS, APPRAISALS, FINDING_KINDS, REASONABLE_STEPS, RESPONSE_STATUSES, SEIPS_ELEMENTS, type ReviewInput } from '../../shared/schemas/review.js';
import { readText, sha256 } from '../helpers/demoFiles.js';

const CONTACTS = 'crn,contact_id,contact_date,contact_start_time,type_code,staff_code,staff_name,staff_grade,created_datetime\n'
  + 'X123456,1,2023-06-01,10:00,COAP,N07P001,Ann Okafor,PO,\n'
  + 'X123456,2,2023-06-10,10:00,MO1,N07P009,Sam Lee,SPO,2023-06-30 09:00\n';
const INFORMATION = 'info_id,crn,occurred,precision,source_agency,summary,shared_with_probation,known_to_staff_code,known_from,came_to_light\n'
  + 'P-05,X123456,2023-05-02 20:00,exact,Police,Disturbance at the address,,,,\n';
const ALLOCATIONS = 'crn,staff_code,staff_name,grade,team_code,from,to,cover\nX123456,N07P001,Ann Okafor,PO,N07T02,2023-01-01,,N\n';
const RECORD_IDS = ['contact:1', 'contact:2', 'info:P-05'];

/** A small case built from import files, as `bundle` builds one, before its trail entry. */
function smallCase(): CaseBundle {
  const files = [['contacts.csv', CONTACTS], ['information.csv', INFORMATION], ['allocations.csv', ALLOCATIONS]].map(([name, text]) => ({
    result: readText(name as string, text as string),
    sha256: sha256(new TextEncoder().encode(text)),
  }));
  const offenceAt = parseDateTime('2023-11-12T02:17');
  if (!offenceAt.ok) throw new Error(offenceAt.message);
  return buildCaseBundle({ id: 'c1', crn: 'X123456', title: 'T', subject: '', offenceAt: offenceAt.value, synthetic: false, createdAt: '' }, files);
}

const AT = new Date('2026-11-23T12:00:00Z');
const withReview = (review: unknown) => withImportEntry({ ...smallCase(), review: review as ReviewInput }, 'tester', AT);

const REVIEW = {
  title: 'SFO review: X123456',
  factors: [{ id: 'F1', text: 'Caseload over 50', level: 'team' }],
  episodes: [{ id: 'E1', title: 'Decision not to recall', decisionAt: '2023-06-22T12:00', records: ['contact:1'], factors: ['F1'] }],
  findings: [{ id: 'N1', episode: 'E1', kind: 'problem', text: 'She failed to act.', evidence: ['info:P-05'], factors: ['F1'] }],
};

describe('a review in a case bundle', () => {
  it('is read back exactly as written, nothing filled in, and its rows are in the trail', () => {
    const bundle = withReview(REVIEW);
    const read = readCaseBundle(JSON.stringify(bundle));
    if (!read.ok) throw new Error(read.message);
    expect(read.bundle.review).toEqual(REVIEW);
    expect(Object.keys(read.bundle.audit[0]?.rows ?? {})).toEqual(expect.arrayContaining(['review', 'review:factor:F1', 'review:episode:E1', 'review:finding:N1']));
    expect(verifyBundle(read.bundle)).toMatchObject({ ok: true });
  });

  it('is refused, with the review’s path, when it breaks the rules', () => {
    const bundle = withReview({ ...REVIEW, findings: [{ ...REVIEW.findings[0], evidence: ['info:P-99'] }] });
    expect(readCaseBundle(JSON.stringify(bundle))).toEqual({ ok: false, message: 'not a valid case bundle: review.findings[0].evidence[0]: "info:P-99" is not a record of this case' });
    const twice = withReview({ ...REVIEW, factors: [...REVIEW.factors, { id: 'F1', text: 'again', level: 'region' }] });
    expect(readCaseBundle(JSON.stringify(twice))).toEqual({ ok: false, message: 'not a valid case bundle: review.factors[1].id: "F1" is used twice in factors' });
  });

  it('is refused naming the first bad field of the review as written, whatever makes each bad', () => {
    // An episode's factor names nothing; later, a finding's kind is not one of the kinds.
    const bundle = withReview({ ...REVIEW, episodes: [{ ...REVIEW.episodes[0], factors: ['F9'] }], findings: [{ ...REVIEW.findings[0], kind: 'praise' }] });
    expect(readCaseBundle(JSON.stringify(bundle))).toEqual({ ok: false, message: 'not a valid case bundle: review.episodes[0].factors[0]: "F9" is not a factor in this review' });
    const onlyKind = withReview({ ...REVIEW, findings: [{ ...REVIEW.findings[0], kind: 'praise' }] });
    expect(readCaseBundle(JSON.stringify(onlyKind))).toMatchObject({ ok: false, message: expect.stringMatching(/^not a valid case bundle: review\.findings\[0\]\.kind: /) });
  });

  it('is refused after what is wrong outside it', () => {
    const bundle = withReview({ ...REVIEW, findings: [{ ...REVIEW.findings[0], kind: 'praise' }] });
    const broken = { ...bundle, records: bundle.records.map((r, i) => (i === 0 ? { ...r, crn: 'nope' } : r)) };
    expect(readCaseBundle(JSON.stringify(broken))).toMatchObject({ ok: false, message: expect.stringMatching(/^not a valid case bundle: records\[0\]\.crn: /) });
  });

  it('fails verify, naming the item, when an item is changed after its trail entry', () => {
    const bundle = withReview(REVIEW);
    const changed = { ...bundle, review: { ...REVIEW, findings: [{ ...REVIEW.findings[0], text: 'She did not act.' }] } };
    const read = readCaseBundle(JSON.stringify(changed));
    if (!read.ok) throw new Error(read.message);
    expect(verifyBundle(read.bundle)).toMatchObject({ ok: false, row: 'review:finding:N1' });
  });

  it('records an item the reviewer deletes as taken out by the next entry, and stays intact', () => {
    const two = { ...REVIEW, findings: [...REVIEW.findings, { id: 'N2', kind: 'good', text: 'Prompt visit.' }] };
    const first = withReview(two);
    const second = withWholeCaseEntry({ ...first, review: REVIEW as ReviewInput }, { who: 'A. Reviewer', at: AT, kind: 'edit', what: 'Deleted finding N2' });
    expect(second.audit[1]?.rows?.['review:finding:N2']).toBe('0'.repeat(64));
    const read = readCaseBundle(JSON.stringify(second));
    if (!read.ok) throw new Error(read.message);
    expect(verifyBundle(read.bundle)).toMatchObject({ ok: true });
  });
});

/** Any review of the small case that keeps the rules, written as a reviewer might: fields left out or given. */
const text = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30, unit: 'binary' }), fc.constantFrom(...OUTCOME_PHRASES.map((p) => p.phrase)));
const name = text.filter((t) => t.length > 0);
const idsOf = (prefix: string) => fc.uniqueArray(fc.integer({ min: 1, max: 20 }).map((n) => `${prefix}${n}`), { maxLength: 4 });
const records = fc.subarray([...RECORD_IDS, 'offence']);
const moment = fc.constantFrom('2023-06-22', '2023-06-22T12:00', '2023-01-10T09:00:30', '2023-06-22T11:00:00Z', '22/06/2023 12:00');
const date = fc.constantFrom('2021-06-26', '2027-03-31');
const stamp = fc.constantFrom('2026-12-01T10:00:00Z', '2026-12-02T09:00:00.000Z');
const anyReview = fc.record({ P: idsOf('P'), F: idsOf('F'), E: idsOf('E'), N: idsOf('N'), A: idsOf('A') }).chain(({ P, F, E, N, A }) => {
  const each = <T>(ids: string[], item: (id: string) => fc.Arbitrary<T>) => (ids.length ? fc.tuple(...ids.map(item)) : fc.constant([] as T[]));
  const optional = { requiredKeys: [] as never[] };
  const dismissal = fc.oneof(
    fc.record({ kind: fc.constant('lateEvidence'), record: fc.constantFrom(...RECORD_IDS), reason: name, by: text, at: stamp }),
    fc.record({ kind: fc.constant('outcomeLanguage'), phrase: fc.constantFrom(...OUTCOME_PHRASES.map((p) => p.phrase)), reason: name, by: text, at: stamp }),
    fc.record({ kind: fc.constant('noSystemFactor'), reason: name, by: text, at: stamp }),
  );
  return fc.record(
    {
      title: name,
      reviewer: text,
      termsOfReference: text,
      policies: each(P, (id) => fc.record({ id: fc.constant(id), name, version: text, from: fc.option(date), to: fc.option(date), requires: text }, { requiredKeys: ['id', 'name'] })),
      factors: each(F, (id) => fc.record({ id: fc.constant(id), text: name, level: fc.constantFrom(...ACCIMAP_LEVELS), seips: fc.constantFrom(...SEIPS_ELEMENTS), pattern: text }, { requiredKeys: ['id', 'text', 'level'] })),
      episodes: each(E, (id) =>
        fc.record(
          { id: fc.constant(id), title: name, decisionAt: moment, officer: fc.constantFrom('N07P001', 'N07P009'), records, whatHappened: text, appraisal: fc.constantFrom(...APPRAISALS), policies: fc.subarray(P), factors: fc.subarray(F) },
          { requiredKeys: ['id', 'title', 'decisionAt'] },
        )),
      annotations: fc.subarray(RECORD_IDS).chain((rs) => each(rs, (record) => fc.record({ record: fc.constant(record), shouldHaveHappened: text, dataGaps: text, notablePractice: text, problems: text, factors: fc.subarray(F), key: fc.boolean() }, { requiredKeys: ['record'] }))),
      findings: each(N, (id) =>
        fc.record(
          { id: fc.constant(id), episode: E.length ? fc.constantFrom(...E) : fc.constant(undefined), kind: fc.constantFrom(...FINDING_KINDS), text, evidence: records, factors: fc.subarray(F), dismissed: fc.array(dismissal, { maxLength: 3 }), noActionReason: text },
          { requiredKeys: ['id', 'kind', 'text'] },
        ).map((f) => (f.episode === undefined ? (({ episode: _, ...rest }) => rest)(f) : f))),
      judgement: fc.option(fc.record({ allReasonableSteps: fc.constantFrom(...REASONABLE_STEPS), rationale: text }, optional)),
      actions: each(A, (id) => fc.record({ id: fc.constant(id), findings: fc.subarray(N), action: text, owner: text, due: fc.option(date), measure: text }, { requiredKeys: ['id', 'action'] })),
      responses: N.length
        ? fc.uniqueArray(
          fc.record({ finding: fc.constantFrom(...N), by: text, status: fc.constantFrom(...RESPONSE_STATUSES), text, evidence: records, version: fc.integer({ min: 1, max: 3 }), at: stamp }),
          { selector: (r) => `${r.finding}:${r.version}`, maxLength: 4 },
        )
        : fc.constant([]),
      quality: fc.record({ analysis: fc.record({ met: fc.constantFrom('yes', 'no', 'partly'), note: text }, optional) }, optional),
    },
    // A list whose items others may name is written; the others may be left out.
    { requiredKeys: ['title', ...(P.length ? ['policies'] : []), ...(F.length ? ['factors'] : []), ...(E.length ? ['episodes'] : []), ...(N.length ? ['findings'] : []), ...(A.length ? ['actions'] : [])] as never[] },
  );
});

describe('a review in a case bundle (property tests)', () => {
  it('comes back unchanged from a round trip through the bundle’s JSON, and its trail verifies', () => {
    const base = smallCase();
    fc.assert(
      fc.property(anyReview, (review) => {
        expect(readReview(review, new Set(RECORD_IDS))).toMatchObject({ ok: true });
        const bundle = withImportEntry({ ...base, review: review as ReviewInput }, 'tester', AT);
        const read = readCaseBundle(JSON.stringify(bundle));
        if (!read.ok) throw new Error(read.message);
        expect(read.bundle.review).toEqual(review);
        expect(JSON.stringify(read.bundle.review)).toBe(JSON.stringify(review));
        // The entry recorded every row of the review, under the key the trail names it by.
        const rows = bundle.audit[0]?.rows ?? {};
        for (const [key] of reviewRows(review as ReviewInput)) expect(rows[key], key).toMatch(/^[0-9a-f]{64}$/);
        expect(verifyBundle(read.bundle)).toMatchObject({ ok: true });
      }),
      { numRuns: 150 },
    );
  });
});
