/**
 * SCIE's typology of underlying patterns (Learning Together: Fish, Munro and Bairstow, SCIE Guide 24, 2008): its six
 * kinds of pattern, and recurring patterns within them, offered as choices for a factor's pattern, which stays free
 * text. The kinds and most patterns are from the guide's "Underlying patterns of systemic factors" and Appendix 6,
 * "Typology of underlying patterns" (scie.org.uk/publications/guides/guide24/concepts/patterns.asp and
 * .../appendices/appendix06.asp); "information not shared", "information shared but not acted on", "assessment not
 * updated" and "focus on the person in front of you" are the probation forms of the guide's collaboration and tool
 * patterns that reviewers name most.
 */
export const SCIE_PATTERNS: readonly { pattern: string; kind: string }[] = [
  ['Tools', ['human–tool operation', 'assessment not updated', 'assessment form discourages recording the reasoning']],
  [
    'Management systems',
    ['human–management system operation', 'resource-demand mismatch', 'difficulties accessing expert assessments', 'gaps in service provision', 'trade-offs between competing priorities', 'performance indicators borrowing from safety', 'supervision'],
  ],
  ['Responses to incidents and crises', ['multi-agency response to incidents', 'organisational culture around priority setting', 'referral procedures and cultures of feedback', 'not knowing each other across agencies']],
  ['Assessment and longer-term work', ['multi-agency longer-term work', 'information not shared', 'information shared but not acted on', 'clarity of roles and responsibilities', 'who is responsible for thinking']],
  ['Family–professional interaction', ['family–professional interaction', 'focus on the person in front of you']],
  ['Innate human biases', ['innate human biases (cognitive and emotional)']],
].flatMap(([kind, patterns]) => (patterns as string[]).map((pattern) => ({ pattern, kind: kind as string })));
