import type { DrawnFigure, Rasterise } from '../../../../shared/report/figureTypes.js';
import { svgLayers } from '../../../../shared/report/svgLayers.js';

/** The biggest canvas Chromium will encode: 16,384 px a side, and well under its 268-million-pixel area. */
const MAX_SIDE = 16_000;
const MAX_AREA = 120_000_000;
/** About this many characters of SVG an image loads and lays out well within a frame's worth of the window's time. */
const LAYER_SIZE = 30_000;

/** Let the window draw and answer input before the next step, which goes in a task of its own. */
const nextTask = (): Promise<void> => ('scheduler' in globalThis ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0)));

/** An SVG as an image, loaded (parsed and laid out) and ready to draw. */
async function loaded(svg: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * A figure as PNG in the window, for the Word document: the SVG (which holds no outside resources, so the canvas stays
 * readable) drawn onto a canvas at `scale` times its size, or as near as the canvas allows for a very large map. A
 * large figure is drawn in layers, each loaded and drawn in tasks of their own, so the window never stops for the
 * whole of it at once.
 */
export const rasterise: Rasterise = async (figure: DrawnFigure, scale: number) => {
  const fitted = Math.min(scale, MAX_SIDE / figure.width, MAX_SIDE / figure.height, Math.sqrt(MAX_AREA / (figure.width * figure.height)));
  const canvas = Object.assign(document.createElement('canvas'), { width: Math.max(1, Math.round(figure.width * fitted)), height: Math.max(1, Math.round(figure.height * fitted)) });
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This window cannot draw the figure.');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  for (const layer of svgLayers(figure.svg, LAYER_SIZE)) {
    const image = await loaded(layer);
    await nextTask();
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    await nextTask();
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The figure is too large to draw as a picture.');
  return new Uint8Array(await blob.arrayBuffer());
};
