/** An element id made from a review's own id, which may hold any character: each one outside [A-Za-z0-9-] is spelled out, so two ids never meet. */
export const domId = (prefix: string, id: string): string => `${prefix}-${[...id].map((c) => (/[A-Za-z0-9-]/.test(c) ? c : `_${c.codePointAt(0)}_`)).join('')}`;
