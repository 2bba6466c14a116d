import type { Allocation } from '../../../../shared/schemas/index.js';
import { ImportPreviewView } from './ImportPreview.js';
import { MappingStep } from './MappingStep.js';
import { Progress } from './Progress.js';
import type { ImportState } from './useImport.js';
import type { MappingAnswer } from '../../app/importProtocol.js';

/**
 * The steps every import goes through, whether into a case or into a case made from the files: progress, questions
 * about unknown columns, and the check before anything is stored. Returns null on the steps its caller shows.
 */
export function ImportSteps(props: {
  state: ImportState;
  crn: string;
  acceptLabel: string;
  onAnswer: (answers: MappingAnswer[], remember: boolean) => void;
  onAccept: (acceptedChangeKeys: string[], confirmedAllocations: Allocation[]) => void;
  onCancel: () => void;
}) {
  const { state } = props;
  if (state.step === 'reading' || state.step === 'writing') {
    return (
      <Progress
        label={state.step === 'reading' ? 'Checking the files' : 'Storing the import'}
        file={state.file}
        done={state.done}
        total={state.total}
        secondsLeft={state.secondsLeft}
        onCancel={props.onCancel}
      />
    );
  }
  if (state.step === 'mapping') return <MappingStep questions={state.questions} onAnswer={props.onAnswer} onCancel={props.onCancel} />;
  if (state.step === 'preview') return <ImportPreviewView crn={props.crn} preview={state.preview} acceptLabel={props.acceptLabel} onAccept={props.onAccept} onCancel={props.onCancel} />;
  return null;
}
