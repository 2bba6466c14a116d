import { isFiltering, NO_FILTER } from '../../../../shared/engine/filters.js';
import { useCaseViewState } from '../case/caseViewState.js';

/** What the table says when nothing shows: why, and how to get records back. */
export function NoRecordsMessage() {
  const { state, update } = useCaseViewState();
  if (isFiltering(state.filter)) {
    return (
      <>
        <strong>No records match these filters</strong> at this moment.{' '}
        <button type="button" className="link-button" onClick={() => update({ filter: NO_FILTER })}>Clear the filters</button>
      </>
    );
  }
  return <><strong>No records had happened by this moment.</strong> Move the moment later to see the case unfold.</>;
}
