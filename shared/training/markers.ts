import { EMAIL } from '../domain/nameForms.js';

/**
 * What a training copy's free text loses to a marker (REVIEW.md §4): UK phone numbers, postcodes, street addresses,
 * email addresses, National Insurance numbers, PNC numbers and dates of birth. One pattern for all of them, so a text is
 * read once; each kind is a named group.
 */
export const MARKER_KINDS = ['email', 'dateOfBirth', 'niNumber', 'pnc', 'address', 'postcode', 'phone'] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

export const MARKERS: Record<MarkerKind, string> = {
  email: '[email]',
  dateOfBirth: '[date of birth]',
  niNumber: '[NI number]',
  pnc: '[PNC]',
  address: '[address]',
  postcode: '[postcode]',
  phone: '[phone]',
};

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)';
const ANY_DATE = `(?:\\d{1,2}/\\d{1,2}/\\d{2,4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})`;
const STREET = '(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Crescent|Cres|Court|Ct|Place|Pl|Gardens|Gdns|Grove|Terrace|Walk|Row|Square|Sq|Mews|Park|Hill|Rise|View|Parade|Green|Vale|Wharf|Yard)';

/** The parts of each pattern. A date of birth keeps its cue (`DOB 01/02/1990` becomes `DOB [date of birth]`). */
const SOURCES: Record<MarkerKind, string> = {
  email: EMAIL.source,
  dateOfBirth: `(?<dobCue>(?:\\bDOB|\\b[Dd]\\.[Oo]\\.[Bb]\\.?|\\b[Dd]ate\\s+of\\s+[Bb]irth|\\b[Bb]orn(?:\\s+on)?)\\s*[:\\-–]?\\s*)${ANY_DATE}(?!\\d)`,
  niNumber: '\\b[A-Z]{2}\\s?\\d{2}\\s?\\d{2}\\s?\\d{2}\\s?[A-D]\\b',
  pnc: '\\b(?:\\d{2}|\\d{4})/\\d{1,7}[A-Z]\\b',
  // A house number and a street, with the flat before it: `22 Acacia Avenue`, `Flat 2, 7 Mill Lane`.
  address: `(?:\\b[Ff]lat\\s+\\d+[A-Za-z]?,?\\s+)?\\b\\d{1,4}[A-Za-z]?,?\\s+(?:\\p{Lu}[\\p{L}'’-]*\\s+){1,3}${STREET}\\b`,
  postcode: '\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[A-Z]{2}\\b',
  // 07700 900123, +44 7700 900123, 0161 496 0000, (020) 7946 0000: the digits are counted after (PHONE_DIGITS).
  phone: '(?<![\\p{N}+])(?:\\+44\\s?(?:\\(0\\)\\s?)?|\\(?0)\\d{2,4}\\)?[\\s-]?\\d{3,4}[\\s-]?\\d{3,4}(?!\\p{N})',
};

export const MARKER_PATTERN = new RegExp(MARKER_KINDS.map((k) => `(?<${k}>${SOURCES[k]})`).join('|'), 'gu');
/** A quick test: a text with none of these characters holds no marker at all (most notes). */
export const MAY_HOLD_MARKER = /[\d@]/;

/** A UK number has 9 or 10 digits after its 0 or +44. */
function isPhone(found: string): boolean {
  const digits = found.replace(/\D/g, '');
  const national = found.trimStart().startsWith('+') ? digits.slice(2).replace(/^0/, '') : digits.slice(1);
  return national.length === 9 || national.length === 10;
}

/** The kind of marker a match of MARKER_PATTERN is, and what it becomes; null when it is not one after all. */
export function markerOf(found: RegExpExecArray): { kind: MarkerKind; replacement: string } | null {
  const groups = found.groups!;
  const kind = MARKER_KINDS.find((k) => groups[k] !== undefined)!;
  if (kind === 'phone' && !isPhone(found[0])) return null;
  return { kind, replacement: kind === 'dateOfBirth' ? `${groups.dobCue}${MARKERS.dateOfBirth}` : MARKERS[kind] };
}
