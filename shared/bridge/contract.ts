import { z } from 'zod';

/**
 * The one bridge between the sandboxed renderer and the main process: each method a named async function with a
 * zod request and response, checked on both sides. The preload exposes exactly these on `window.foresight`.
 */
/** A 256-bit key as hex. */
const HexKey = z.string().regex(/^[0-9a-f]{64}$/);

/** The documents the app writes (issue 15), each by its file extension. */
export const DocumentKind = z.enum(['docx', 'html', 'csv', 'pdf']);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** The largest document the bridge carries: a long review with its figures is a few MB; this bounds what the main process is asked to hold. */
export const MAX_DOCUMENT_BYTES = 200 * 1024 * 1024;

/** Characters no file name may hold on Windows, macOS or Linux: folders' separators, the ones Windows reserves, control characters. */
// eslint-disable-next-line no-control-regex -- control characters are among those refused
const NOT_IN_FILE_NAMES = /[/\\:*?"<>|\u0000-\u001f\u007f]/g;

/** A name the save dialog offers, which the person may change: a file's name alone, never a path. */
const SuggestedName = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !new RegExp(NOT_IN_FILE_NAMES.source).test(name) && !name.startsWith('.') && name.trim() === name, 'a file name alone, with no folder');

const endsWith = (kind: DocumentKind) => (name: string) => name.toLowerCase().endsWith(`.${kind}`);

/** A document's name from its title, safe on every system: `SFO review - X900417.docx` for `SFO review: X900417`. */
export function documentFileName(title: string, kind: DocumentKind): string {
  const base = title.replace(NOT_IN_FILE_NAMES, ' - ').replace(/\s+/g, ' ').replace(/(?: -)+ /g, ' - ').slice(0, 150).replace(/^[\s.-]+|[\s.-]+$/g, '');
  return `${base || 'Review'}.${kind}`;
}

/** A document's bytes, whichever realm made the array (the preload's isolated world, Node's Buffer in main). */
const DocumentBytes = z
  .custom<Uint8Array>((v) => Object.prototype.toString.call(v) === '[object Uint8Array]', 'bytes')
  .refine((bytes) => bytes.byteLength > 0 && bytes.byteLength <= MAX_DOCUMENT_BYTES, `between 1 byte and ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`);

/**
 * Where a document went, so the app can say so: written to a file the person chose (the desktop's save dialog);
 * handed to the browser, which saves it in its downloads where the browser chooses; shown in the browser's print
 * dialog, where the person may choose "Save as PDF" (the app cannot know if they did); or not saved at all.
 */
const SavedToFile = z.object({ outcome: z.literal('saved'), path: z.string().min(1) }).strict();
const Downloaded = z.object({ outcome: z.literal('downloaded') }).strict();
const Printed = z.object({ outcome: z.literal('printed') }).strict();
const Cancelled = z.object({ outcome: z.literal('cancelled') }).strict();

export const bridgeContract = {
  getAppInfo: {
    request: z.object({}).strict(),
    response: z.object({
      name: z.string(),
      version: z.string(),
      /** `desktop` in Electron; `browser` when the renderer runs under `npm run web` or the tests. */
      shell: z.enum(['desktop', 'browser']),
      platform: z.string(),
    }),
  },
  /** Whether the operating system can protect the store's key (safeStorage with a real secret store). */
  keyProtection: {
    request: z.object({}).strict(),
    response: z.object({ available: z.boolean(), reason: z.string().nullable() }),
  },
  /** Protect the store's data key with the operating system's secret store. */
  protectKey: {
    request: z.object({ key: HexKey }).strict(),
    response: z.object({ protectedKey: z.string().min(1) }),
  },
  unprotectKey: {
    request: z.object({ protectedKey: z.string().min(1).max(10_000) }).strict(),
    response: z.object({ key: HexKey }),
  },
  /** Save a document the renderer made: the desktop asks where with its save dialog; the browser downloads it. */
  saveDocument: {
    request: z
      .object({ suggestedName: SuggestedName, kind: DocumentKind, data: DocumentBytes })
      .strict()
      .refine((r) => endsWith(r.kind)(r.suggestedName), { message: 'the name ends with the kind of document', path: ['suggestedName'] }),
    response: z.discriminatedUnion('outcome', [SavedToFile, Downloaded, Cancelled]),
  },
  /**
   * Print the window that asks, which shows the print view, as an A4 PDF: the desktop writes it where the person
   * chooses; the browser opens its print dialog.
   */
  printToPdf: {
    request: z.object({ suggestedName: SuggestedName.refine(endsWith('pdf'), 'a PDF’s name ends .pdf') }).strict(),
    response: z.discriminatedUnion('outcome', [SavedToFile, Printed, Cancelled]),
  },
} as const;

export type BridgeContract = typeof bridgeContract;
export type BridgeMethod = keyof BridgeContract;
export type BridgeRequest<M extends BridgeMethod> = z.infer<BridgeContract[M]['request']>;
export type BridgeResponse<M extends BridgeMethod> = z.infer<BridgeContract[M]['response']>;

/** What the renderer sees on `window.foresight`, whichever shell it runs in. */
export type ForesightBridge = { [M in BridgeMethod]: (request: BridgeRequest<M>) => Promise<BridgeResponse<M>> };

export const BRIDGE_METHODS = Object.keys(bridgeContract) as BridgeMethod[];

/** IPC channel names are derived, never free-form: `foresight:<method>`. */
export function channelFor(method: BridgeMethod): string {
  return `foresight:${method}`;
}
