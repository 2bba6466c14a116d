import { nextId, putItem } from '../../../../../shared/review/edits.js';
import type { Episode, Finding } from '../../../../../shared/schemas/review.js';
import { href, navigate } from '../../shell/useHashRoute.js';
import type { ReviewWork } from '../reviewContext.js';

/**
 * A new finding, saved at once (a problem, with no words yet; about an episode when started from one) and opened for
 * writing: its flags are worked out as the reviewer types.
 */
export async function startFinding({ review, caseId, save }: Pick<ReviewWork, 'review' | 'caseId' | 'save'>, episode?: Pick<Episode, 'id' | 'title'>): Promise<void> {
  const finding: Finding = { id: nextId(review, 'findings'), kind: 'problem', text: '', evidence: [], factors: [], dismissed: [], ...(episode ? { episode: episode.id } : {}) };
  const edit = putItem('findings', finding, true);
  if (await save({ ...edit, what: `Finding ${finding.id} added${episode ? ` about episode ${episode.id} ("${episode.title}")` : ''}` })) {
    navigate(href.review(caseId, `findings/${finding.id}`));
  }
}
