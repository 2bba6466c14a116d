/**
 * SLOT, for the lead to swap: where `<MakeTrainingCopy caseId onMade/>` (features/training/copy/) goes on the Training
 * tab of a case that is not a training copy. Same props, so the swap is one line in TrainingView.tsx.
 */
export function TrainingCopySlot(_props: { caseId: string; onMade: (copyId: string) => void }) {
  return (
    <div className="not-built">
      <h2 className="heading-m">Making a training copy is not built yet</h2>
      <p>It will make a pseudonymised copy of this case, with every name, code and date changed, for a room to work through.</p>
    </div>
  );
}
