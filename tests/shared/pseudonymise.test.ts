import { describe, expect, it } from 'vitest';
import { newSigningKey, signingAs } from '../../shared/audit/signatures.js';
import { withWholeCaseEntry } from '../../shared/bundle/bundleRows.js';
import { readCaseBundleValue } from '../../shared/bundle/readBundle.js';
import { verifyBundle } from '../../shared/bundle/verifyBundle.js';
import { asOfReport, type AsOfReport } from '../../shared/engine/asOf.js';
import { CaseIndex } from '../../shared/engine/caseIndex.js';
import type { CaseBundle } from '../../shared/schemas/bundle.js';
import type { ContactRecord } from '../../shared/schemas/record.js';
import { addDaysToDate, daysBetweenDates } from '../../shared/time/calendar.js';
import { latestInstant, toLondonIso } from '../../shared/time/london.js';
import type { TimeValue } from '../../shared/time/precision.js';
import { pseudonymise, pseudonymiseSteps, type PseudonymiseOptions, type Pseudonymised } from '../../shared/training/pseudonymise.js';
import { randomShiftDays } from '../../shared/training/shiftDates.js';
import { demoWithReview } from '../helpers/demoReview.js';

const AT = new Date('2026-12-05T10:00:00Z');
const base: PseudonymiseOptions = { who: 'T. Trainer', at: AT, caseId: 'training-1' };

/** Free text planted in the demo case: every way a name, a code or a detail can be written in notes. */
const PLANTED = [
  "Mr Whitfield's view: OKAFOR agreed. Spoke to James\nWhitfield and to Okafor, Sarah; S. Okafor and jwhitfield signed.",
  'Discussed with N07P214 on X900417; see contact:2600000031 and info:P-05 (PR-01).',
  'Phones: 07700 900123, +44 7700 900123 and 0161 496 0000. Lives at 22 Acacia Avenue, SW1A 1AA; earlier Flat 2, 7 Mill Lane.',
  'Email daniel.marsh@example.org. NI AB123456C, PNC 12/345678A, DOB 01/02/1990.',
  'Seen 22/06/2022, again on 22 June 2022 and 22 Jun 2022 (2022-06-22).',
].join('\n');

/** The demo case with a review, the planted notes on its first contact, and a second trail entry signed by someone. */
function demoCase(): CaseBundle {
  const { bundle } = demoWithReview();
  const first = bundle.records.find((r): r is ContactRecord => r.id === 'contact:2600000001')!;
  const planted = { ...bundle, records: bundle.records.map((r) => (r === first ? { ...first, notes: `${first.notes ?? ''}\n${PLANTED}` } : r)) };
  return withWholeCaseEntry(planted, { who: 'Olive Signer', at: new Date('2026-12-02T09:00:00Z'), kind: 'edit', what: 'Notes corrected' }, signingAs(newSigningKey('Olive Signer')));
}

const original = demoCase();
const originalJson = JSON.stringify(original);
const made = pseudonymise(original, { ...base, shiftDays: 182 });
const copyJson = JSON.stringify(made.bundle);
const firstNotes = made.bundle.records.find((r) => r.id === made.key.records['contact:2600000001'])!.notes!;

/** Every identifier of the original: codes, CRNs, record ids, every word of every name it holds, its files and hashes. */
function identifiers(b: CaseBundle): string[] {
  const ids = new Set<string>([b.case.crn]);
  const services = new Set(b.staff.filter((s) => !s.grade).map((s) => s.name));
  const nameWords = (n: string | undefined) => n === undefined || services.has(n) ? undefined : n.replace(/\([^)]*\)/g, ' ').split(/[^\p{L}'’-]+/u).filter((w) => w.length >= 2 && w !== 'synthetic').forEach((w) => ids.add(w));
  for (const s of b.staff) {
    ids.add(s.code);
    if (s.grade) nameWords(s.name);
  }
  for (const r of [...b.records, ...b.otherWork]) {
    ids.add(r.crn);
    ids.add(r.id);
    if (r.kind === 'contact') {
      ids.add(r.contactId).add(r.staffCode);
      if (r.teamCode) ids.add(r.teamCode);
      nameWords(r.staffName);
      nameWords(r.createdBy);
    } else ids.add(r.infoId);
  }
  for (const a of b.allocations) {
    [a.id, a.staffCode, a.crn].forEach((x) => ids.add(x));
    nameWords(a.staffName);
  }
  for (const w of b.workload) {
    ids.add(w.staffCode);
    nameWords(w.omName);
    if (w.teamCode) ids.add(w.teamCode);
  }
  for (const t of b.teams) ids.add(t.teamCode);
  // The team's place: its name's one word that is not a plain word of a team's name.
  ids.add('Northtown');
  nameWords(b.case.subject);
  nameWords(b.review?.reviewer);
  for (const r of b.review?.responses ?? []) nameWords(r.by);
  for (const s of b.sources) ids.add(s.fileName).add(s.sha256);
  for (const e of b.audit) {
    ids.add(e.hash);
    nameWords(e.who);
    if (e.signature) ids.add(e.signature);
  }
  for (const s of b.signers ?? []) {
    ids.add(s.publicKey);
    nameWords(s.name);
  }
  return [...ids];
}

/**
 * Every word of every string value in a bundle (not its field names), in small letters: each whole run of letters and
 * digits joined by `:`, `-`, `.` or an apostrophe (`contact:12`, `pr-01`, `whitfield's`), and each run's own words.
 */
function wordsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    for (const m of value.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:[:.'’-][\p{L}\p{N}]+)*/gu)) {
      into.add(m[0]);
      for (const w of m[0].split(/[:.'’-]/)) into.add(w);
    }
  } else if (Array.isArray(value)) for (const v of value) wordsIn(v, into);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) wordsIn(v, into);
  return into;
}

describe('a training copy', () => {
  it('holds no identifier of the original anywhere: codes, CRNs, record ids, names in any case or with a possessive, files, hashes, signers', () => {
    const words = wordsIn(made.bundle);
    const found = identifiers(original).filter((id) => words.has(id.toLowerCase()));
    expect(found).toEqual([]);
    expect(identifiers(original).length).toBeGreaterThan(4000);
    // The planted notes, as the copy has them: each name form replaced, the possessive and the line break kept.
    expect(firstNotes).toMatch(/Mr [A-Z][a-z]+'s view: [A-Z]+ agreed\. Spoke to [A-Z][a-z]+\n[A-Z][a-z]+ and to [A-Z][a-z]+, [A-Z][a-z]+; [A-Z]\. [A-Z][a-z]+ and [a-z]+ signed\./);
    expect(firstNotes).toContain(`Discussed with ${made.key.staff['N07P214']} on ${made.key.crn['X900417']}; see ${made.key.records['contact:2600000031']} and ${made.key.records['info:P-05']} (${made.key.records['info:PR-01']!.slice(5)}).`);
  });

  it('replaces the same original by the same replacement everywhere, and says so in the key', () => {
    const whitfield = made.key.names['James Whitfield']!;
    expect(whitfield).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    const staffNames = new Set(made.bundle.records.filter((r): r is ContactRecord => r.kind === 'contact' && r.staffCode === made.key.staff['N07P214']).map((r) => r.staffName));
    expect([...staffNames]).toEqual([whitfield]);
    expect(made.bundle.allocations.find((a) => a.staffCode === made.key.staff['N07P214'])?.staffName).toBe(whitfield);
    expect(made.bundle.review?.responses?.[0]?.by).toBe(whitfield);
    expect(firstNotes).toContain(`${made.key.names['Sarah Okafor']!.split(' ')[1]!.toUpperCase()} agreed`);
    expect(made.key.teams['Northtown Central Team 2']).toMatch(/^[A-Z][a-z]+ Central Team 2$/);
    expect(made.bundle.case.title).toBe(`Training copy: SFO review: ${made.key.names['Daniel Marsh']} (synthetic demo case)`);
  });

  it('renumbers records in time order, and every reference to them follows', () => {
    const times = made.bundle.records.filter((r) => r.kind === 'contact').map((r) => [Number(r.id.slice(8)), latestInstant(r.occurred)] as const);
    const byNumber = [...times].sort((a, b) => a[0] - b[0]);
    expect(byNumber.map(([n]) => n)).toEqual(byNumber.map((_, i) => i + 1));
    for (let i = 1; i < byNumber.length; i++) expect(byNumber[i]![1]).toBeGreaterThanOrEqual(byNumber[i - 1]![1]);
    const ids = new Set(made.bundle.records.map((r) => r.id));
    const review = made.bundle.review!;
    const refs = [...review.episodes!.flatMap((e) => e.records ?? []), ...review.annotations!.map((a) => a.record), ...review.findings!.flatMap((f) => f.evidence ?? []), ...review.responses!.flatMap((r) => r.evidence ?? [])];
    expect(refs.filter((r) => r !== 'offence' && !ids.has(r))).toEqual([]);
    expect(review.findings![0]!.evidence).toEqual(['info:P-05', 'info:HO-01', 'info:P-01', 'contact:2600000001'].map((r) => made.key.records[r]));
  });

  it('reads as a case bundle, verifies, and carries a fresh trail of one entry recording every row, signed when a signer is given', () => {
    expect(readCaseBundleValue(JSON.parse(copyJson)).ok).toBe(true);
    const report = verifyBundle(made.bundle);
    expect(report.ok).toBe(true);
    expect(made.bundle.audit).toHaveLength(1);
    // How far the dates moved is part of the key, never in the copy: with it the real dates (the offence's) could be read back.
    expect(made.bundle.audit[0]).toMatchObject({ kind: 'import', who: 'T. Trainer', what: 'Training copy made: pseudonymised, every date moved by the same whole number of weeks' });
    expect(Object.keys(made.bundle.audit[0]!.rows!)).toHaveLength(report.rows);
    expect(made.bundle.signers).toBeUndefined();
    const key = newSigningKey('T. Trainer');
    const signed = pseudonymise(original, { ...base, shiftDays: 7, signing: signingAs(key) });
    const checked = verifyBundle(signed.bundle);
    expect(checked.ok).toBe(true);
    expect(checked.unsigned).toEqual([]);
    expect(signed.bundle.signers).toEqual([{ name: 'T. Trainer', publicKey: key.publicKey }]);
  });

  it('is a new case marked as a training copy, and leaves the original untouched', () => {
    expect(made.bundle.case).toMatchObject({ id: 'training-1', trainingCopy: true, crn: made.key.crn['X900417'] });
    expect(original.case.id).not.toBe('training-1');
    expect(JSON.stringify(original)).toBe(originalJson);
    expect(copyJson).not.toContain('"shiftDays"');
  });
});

/** A moment's London wall-clock date and time. */
function local(t: TimeValue): { date: string; time: string } {
  if (!t.value.includes('T')) return { date: t.value.length === 7 ? `${t.value}-15` : t.value, time: '' };
  const iso = toLondonIso(Date.parse(t.value));
  return { date: iso.slice(0, 10), time: iso.slice(11, 19) };
}

/** Every moment of a case, in an order both the original and the copy share (records by their original order). */
function moments(b: CaseBundle, order: readonly string[]): TimeValue[] {
  const byId = new Map(b.records.map((r) => [r.id, r]));
  const out: TimeValue[] = [b.case.offenceAt];
  for (const id of order) {
    const r = byId.get(id)!;
    out.push(r.occurred);
    if (r.kind === 'contact') out.push(r.recorded);
    else for (const t of [r.reachedProbation, r.cameToLight, r.knownFrom]) if (t) out.push(t);
  }
  for (const a of b.allocations) out.push(a.from, ...(a.to ? [a.to] : []));
  return out;
}

describe('the dates of a training copy', () => {
  const order = original.records.map((r) => r.id);
  const before = moments(original, order);
  const after = moments(made.bundle, order.map((id) => made.key.records[id]!));

  it('move by the shift on the wall clock: the same local time, a date whole weeks later, the weekday kept', () => {
    expect(after).toHaveLength(before.length);
    before.forEach((t, i) => {
      const [a, b] = [local(t), local(after[i]!)];
      if (t.precision === 'month') return;
      expect(b.date).toBe(addDaysToDate(a.date, 182));
      expect(b.time).toBe(a.time);
      expect(new Date(b.date).getUTCDay()).toBe(new Date(a.date).getUTCDay());
    });
    // 26 weeks on, summer times fall in winter: the offset changes and the wall clock does not.
    const summer = original.records.find((r) => r.occurred.value.endsWith('+01:00') && r.occurred.value.startsWith('2022-06'))!;
    const moved = made.bundle.records.find((r) => r.id === made.key.records[summer.id])!;
    expect(moved.occurred.value.endsWith('+00:00')).toBe(true);
    expect(moved.occurred.value.slice(11, 19)).toBe(summer.occurred.value.slice(11, 19));
  });

  it('keep every interval in days and clock time: consecutive records, and each record to the offence', () => {
    const sorted = original.records.filter((r) => r.occurred.precision !== 'month').sort((a, b) => latestInstant(a.occurred) - latestInstant(b.occurred));
    const pairs: [string, string][] = sorted.slice(1).map((r, i) => [sorted[i]!.id, r.id]);
    for (const r of sorted) pairs.push([r.id, 'offence']);
    const timeOf = (b: CaseBundle, id: string) => local(id === 'offence' ? b.case.offenceAt : b.records.find((r) => r.id === id)!.occurred);
    const interval = (b: CaseBundle, x: string, y: string) => {
      const [p, q] = [timeOf(b, x), timeOf(b, y)];
      return [daysBetweenDates(p.date, q.date), p.time, q.time];
    };
    for (const [x, y] of pairs) expect(interval(made.bundle, made.key.records[x] ?? x, made.key.records[y] ?? y)).toEqual(interval(original, x, y));
  });

  it('written in free text move too, in the form they were written in', () => {
    expect(firstNotes).toContain('Seen 21/12/2022, again on 21 December 2022 and 21 Dec 2022 (2022-12-21).');
  });

  it('a shift that is not a whole number of weeks is refused; a random one is a non-zero number of weeks within two years', () => {
    expect(() => pseudonymise(original, { ...base, shiftDays: 10 })).toThrow(/multiple of 7/);
    expect(() => pseudonymise(original, { ...base, shiftDays: 0 })).toThrow(/multiple of 7/);
    for (const r of [0, 0.2, 0.5, 0.999]) {
      const d = randomShiftDays(() => r);
      expect(Math.abs(d) % 7).toBe(0);
      expect(d).not.toBe(0);
      expect(Math.abs(d)).toBeLessThanOrEqual(728);
    }
    let calls = 0;
    const randomly = pseudonymise(original, { ...base, random: () => [0.25, 0.75][calls++ % 2]! });
    expect(randomly.key.shiftDays).toBe(randomShiftDays(() => [0.25, 0.75][calls++ % 2]!));
  });
});

describe('what an officer knew and carried, in a training copy', () => {
  const mapReport = (r: AsOfReport, key: Pseudonymised['key']): AsOfReport => ({
    ...r,
    crn: key.crn[r.crn]!,
    officer: { ...r.officer, staffCode: key.staff[r.officer.staffCode]!, name: r.officer.name && key.names[r.officer.name]! },
    knowledge: Object.fromEntries(Object.entries(r.knowledge).map(([s, ids]) => [s, ids.map((id) => key.records[id] ?? id).sort()])) as AsOfReport['knowledge'],
    workload: r.workload && { ...r.workload, snapshotDate: addDaysToDate(r.workload.snapshotDate, key.shiftDays), over110Since: r.workload.over110Since && addDaysToDate(r.workload.over110Since, key.shiftDays) },
    team: r.team && { ...r.team, teamCode: key.teams[r.team.teamCode]!, snapshotDate: addDaysToDate(r.team.snapshotDate, key.shiftDays) },
  });
  const sorted = (r: AsOfReport): AsOfReport => ({ ...r, knowledge: Object.fromEntries(Object.entries(r.knowledge).map(([s, ids]) => [s, [...ids].sort()])) as AsOfReport['knowledge'] });

  it('is the original’s view under the key, at several moments and for each officer', () => {
    const [a, b] = [new CaseIndex(original), new CaseIndex(made.bundle)];
    const moments = ['2022-06-22T12:00:00+01:00', '2023-03-26T01:30:00+00:00', '2023-07-20T09:15:00+01:00', '2023-09-22T12:00:00+01:00', '2023-11-12T02:16:00+00:00'];
    for (const officer of ['N07P101', 'N07P214', 'N07P377', 'N07S020']) {
      for (const at of moments) {
        const was = asOfReport(a, a.view(officer, Date.parse(at)));
        const moved = Date.parse(shiftedInstant(at, made.key.shiftDays));
        const is = asOfReport(b, b.view(made.key.staff[officer]!, moved));
        expect(sorted(is), `${officer} at ${at}`).toEqual({ ...mapReport(was, made.key), at: is.at });
        expect(local({ value: is.at, precision: 'exact' }).time).toBe(local({ value: was.at, precision: 'exact' }).time);
      }
    }
  });
});

/** An instant moved by whole days on the London wall clock, as a test would work it out by hand. */
function shiftedInstant(iso: string, days: number): string {
  const l = local({ value: iso, precision: 'exact' });
  const [y, m, d] = addDaysToDate(l.date, days).split('-');
  const probe = new Date(`${y}-${m}-${d}T12:00:00Z`);
  const summer = toLondonIso(probe.getTime()).endsWith('+01:00');
  return `${y}-${m}-${d}T${l.time}${summer ? '+01:00' : '+00:00'}`;
}

describe('free text in a training copy', () => {
  it('loses phone numbers, postcodes, addresses, emails, NI and PNC numbers and dates of birth to markers', () => {
    expect(firstNotes).toContain('Phones: [phone], [phone] and [phone]. Lives at [address], [postcode]; earlier [address].');
    expect(firstNotes).toContain('Email [email]. NI [NI number], PNC [PNC], DOB [date of birth].');
    expect(made.replaced).toMatchObject({ phone: 3, postcode: 1, address: 2, email: 1, niNumber: 1, pnc: 1, dateOfBirth: 1 });
  });

  it('lists the words still to check, with where they occur, and the trainer confirms, replaces or redacts them', () => {
    const kowalska = made.toCheck.find((t) => t.word === 'Kowalska');
    expect(kowalska?.where.length).toBe(3);
    expect(kowalska?.where.every((w) => /^contact:\d+ notes$/.test(w))).toBe(true);
    expect(made.toCheck.map((t) => t.word)).toEqual(['Kowalska', 'Zoë']);

    const zoeAt = made.toCheck.find((t) => t.word === 'Zoë')!.where[0]!;
    const [record, field] = zoeAt.split(' ') as [string, 'notes'];
    const passage = made.bundle.records.find((r) => r.id === record)![field]!.match(/Zoë Kowalska rang\./)?.[0] ?? 'Zoë Kowalska';
    const again = pseudonymise(original, { ...base, shiftDays: 182, confirmed: ['Zoë'], extra: { Kowalska: 'Abbott' }, redact: [{ record, field, text: passage }] });
    expect(again.toCheck).toEqual([]);
    const notes = again.bundle.records.find((r) => r.id === record)!.notes!;
    expect(notes).toContain('[redacted]');
    expect(JSON.stringify(again.bundle)).not.toMatch(/Kowalska/);
    // Three places named her: one is now a passage redacted.
    expect(again.replaced.extra).toBe(2);
    expect(again.replaced.redacted).toBe(1);
    expect(again.unredacted).toEqual([]);
    expect(again.key.names['Kowalska']).toBe('Abbott');
  });

  it('counts each replacement and its places for the preview, and reports progress as it goes', () => {
    const whitfield = made.replacements.find((r) => r.kind === 'names' && r.original === 'James Whitfield');
    expect(whitfield?.replacement).toBe(made.key.names['James Whitfield']);
    expect(whitfield!.places).toBeGreaterThan(100);
    const steps = pseudonymiseSteps(original, { ...base, shiftDays: 7 });
    const seen: number[] = [];
    for (let next = steps.next(); !next.done; next = steps.next()) seen.push(next.value.done / next.value.total);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    expect(seen.at(-1)).toBe(1);
  });

  it('previews exactly what the copy made replaces, without hashing a trail for a copy never stored', () => {
    const preview = pseudonymise(original, { ...base, shiftDays: 182, preview: true });
    const { bundle, ...shown } = preview;
    const { bundle: stored, ...madeShown } = made;
    expect(shown).toEqual(madeShown);
    expect(bundle).toEqual({ ...stored, audit: [] });
    expect(stored.audit).toHaveLength(1);
  });
});
