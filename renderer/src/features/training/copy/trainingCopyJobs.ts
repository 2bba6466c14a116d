// The app's part in making a training copy: read the case from the store, hand it to shared/training/pseudonymise.ts,
// and store the copy as a new case. The training copy worker runs these; they are plain code over a store.
import { pseudonymiseSteps, type Progress, type Pseudonymised } from '../../../../../shared/training/pseudonymise.js';
import { REVIEW_LISTS, reviewItemKey } from '../../../../../shared/review/reviewRows.js';
import { caseBundleOf } from '../../../store/caseBundle.js';
import { putWholeCase } from '../../../store/cases.js';
import type { ForesightDb } from '../../../store/db.js';
import { currentAuthor } from '../../../store/identity.js';
import type { StoringProgress, TrainingChoices, TrainingCopyJob, TrainingCopyResults, TrainingPreview } from './trainingCopyProtocol.js';

/** Places of a word to check whose text the preview carries: enough to see the word in use and select a passage. */
const SHOWN_PLACES = 5;

/** A case's fields at a place as toCheck names it (`contact:12 notes`, `review:finding:N1 text`), in a made copy. */
function textsAt(made: Pseudonymised, places: ReadonlySet<string>): Record<string, string> {
  const texts: Record<string, string> = {};
  // Any depth, named as the copy names them: a string by the item it is in and its own field's name.
  const keep = (where: string, value: unknown, field = '') => {
    if (typeof value === 'string') {
      if (places.has(`${where} ${field}`)) texts[`${where} ${field}`] = value;
    } else if (Array.isArray(value)) for (const v of value) keep(where, v, field);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) keep(where, v, k);
  };
  // Only the records named: walking every field of 100,000 records took seconds for a handful of places.
  const named = new Set([...places].map((p) => p.split(' ')[0]));
  for (const r of [...made.bundle.records, ...made.bundle.otherWork]) if (named.has(r.id)) keep(r.id, r);
  const review = made.bundle.review;
  for (const [field, value] of Object.entries(review ?? {})) {
    const list = REVIEW_LISTS.find((l) => l === field);
    if (list && Array.isArray(value)) for (const item of value as object[]) keep(reviewItemKey(list, item), item);
    else keep('review', value, field);
  }
  return texts;
}

/** Run a job's steps to the end, telling `onProgress` how far they have got. */
async function run(db: ForesightDb, caseId: string, choices: TrainingChoices & { preview?: boolean }, onProgress: (p: Progress) => void): Promise<Pseudonymised> {
  const bundle = await caseBundleOf(db, caseId);
  if (!bundle) throw new Error('That case no longer exists.');
  const author = await currentAuthor(db);
  const steps = pseudonymiseSteps(bundle, { ...choices, who: author.who, signing: author.signing, at: new Date(), caseId: crypto.randomUUID() });
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    onProgress(next.value);
  }
}

export async function trainingCopyJob(db: ForesightDb, job: TrainingCopyJob, onProgress: (p: Progress | StoringProgress) => void): Promise<TrainingCopyResults[TrainingCopyJob['type']]> {
  if (job.type === 'preview') {
    const made = await run(db, job.caseId, { shiftDays: job.shiftDays, extra: {}, redact: [], confirmed: [], preview: true }, onProgress);
    const places = new Set(made.toCheck.flatMap((t) => t.where.slice(0, SHOWN_PLACES)));
    const preview: TrainingPreview = { shiftDays: made.key.shiftDays, replaced: made.replaced, replacements: made.replacements, toCheck: made.toCheck, texts: textsAt(made, places), key: made.key };
    return preview;
  }
  const made = await run(db, job.caseId, job.choices, onProgress);
  onProgress({ stage: 'store' });
  // A new case, its trail already the one entry that made it: stored as it is, the original untouched.
  await putWholeCase(db, made.bundle);
  return { caseId: made.bundle.case.id, unredacted: made.unredacted.length };
}
