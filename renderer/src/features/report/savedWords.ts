import type { BridgeResponse } from '../../../../shared/bridge/contract.js';

export type SaveAnswer = BridgeResponse<'saveDocument'> | BridgeResponse<'printToPdf'>;

/** Where a document went, in words for the person: the path they chose, the browser's downloads, or the print dialog. */
export function savedWords(answer: SaveAnswer, fileName: string): string {
  switch (answer.outcome) {
    case 'saved':
      return `Saved as ${answer.path}`;
    case 'downloaded':
      return `Saved to your browser’s downloads as ${fileName}`;
    case 'printed':
      return `The print dialog opened for ${fileName}: choose “Save as PDF” there to keep it as a file`;
    case 'cancelled':
      return 'Not saved: you cancelled choosing where to save it';
  }
}

/** Whether the document reached a file (or the browser's downloads): only then is it recorded in the trail. */
export const reachedFile = (answer: SaveAnswer) => answer.outcome === 'saved' || answer.outcome === 'downloaded';
