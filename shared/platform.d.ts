// The only web-platform globals shared/ may use: both Node and the browser have them. Anything else (DOM, Node
// built-ins, Electron) fails to compile here, which keeps the engine pure.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
