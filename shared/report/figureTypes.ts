/** A figure of the document drawn as a standalone SVG, with its size in CSS pixels (what a writer scales to the page). */
export interface DrawnFigure {
  svg: string;
  width: number;
  height: number;
}

/** Turns a drawn figure into PNG bytes at `scale` times its size: resvg in Node, a canvas in the window. */
export type Rasterise = (figure: DrawnFigure, scale: number) => Promise<Uint8Array>;
