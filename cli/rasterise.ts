import { renderAsync } from '@resvg/resvg-js';
import type { DrawnFigure, Rasterise } from '../shared/report/figureTypes.js';

/**
 * A figure as PNG in Node, for the Word document the `report` command writes: resvg draws the SVG with the system's
 * fonts, Arial where it is installed, else Liberation Sans (metrically the same) or DejaVu Sans, on white.
 */
export const rasterise: Rasterise = async (figure: DrawnFigure, scale: number) => {
  const image = await renderAsync(figure.svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' },
    logLevel: 'off',
  });
  return new Uint8Array(image.asPng());
};
