/** The review's sections, in the order a reviewer works through them; each has its own address. */
export const REVIEW_SECTIONS = [
  { section: 'overview', label: 'Overview and judgement' },
  { section: 'episodes', label: 'Key practice episodes' },
  { section: 'findings', label: 'Findings' },
  { section: 'flags', label: 'Hindsight flags' },
  { section: 'factors', label: 'Contributory factors' },
  { section: 'map', label: 'Systems map' },
  { section: 'policies', label: 'Policies in force' },
  { section: 'actions', label: 'Action plan' },
  { section: 'responses', label: 'Practitioner’s responses' },
  { section: 'report', label: 'The report' },
] as const;

export type ReviewSection = (typeof REVIEW_SECTIONS)[number]['section'];

export function sectionOf(section: string | undefined): ReviewSection {
  return REVIEW_SECTIONS.find((s) => s.section === section)?.section ?? 'overview';
}
