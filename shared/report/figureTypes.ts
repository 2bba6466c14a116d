/** A figure of the document drawn as a standalone SVG, with its size in CSS pixels (what a writer scales to the page). */
export interface DrawnFigure {
  svg: string;
  width: number;
  height: number;
}

/** Turns a drawn figure into PNG bytes at `scale` times its size: resvg in Node, a canvas in the window. */
export type Rasterise = (figure: DrawnFigure, scale: number) => Promise<Uint8Array>;

/**
 * The longest side of a figure's picture in a document, in pixels: an A4 page's width at 300 dots an inch is about
 * 2,500, so a larger picture prints no sharper, only costs seconds to draw and megabytes in the file.
 */
const PICTURE_SIDE = 2_500;

/** How much larger than drawn a figure's picture is made for a document: twice, for print, up to PICTURE_SIDE. */
export const pictureScale = (figure: Pick<DrawnFigure, 'width' | 'height'>): number => Math.min(2, PICTURE_SIDE / Math.max(figure.width, figure.height));
