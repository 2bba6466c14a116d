import { mapSvg } from '../../../../../shared/review/mapSvg.js';
import type { DrawnMap } from '../../../../../shared/review/mapLayout.js';
import { saveFile } from '../../shell/saveFile.js';

/** The biggest canvas Chromium will encode: 16,384 px a side, and well under its 268-million-pixel area. */
const MAX_SIDE = 16_000;
const MAX_AREA = 120_000_000;

export function saveMapSvg(map: DrawnMap, fileName: string): void {
  saveFile(mapSvg(map), `${fileName}.svg`, 'image/svg+xml');
}

/**
 * The same SVG drawn onto a canvas and saved as PNG, at twice the map's size where the canvas allows (a map too big
 * for that is drawn smaller rather than not at all). The SVG holds no outside resources, so the canvas stays readable.
 */
export async function saveMapPng(map: DrawnMap, fileName: string): Promise<void> {
  const scale = Math.min(2, MAX_SIDE / map.width, MAX_SIDE / map.height, Math.sqrt(MAX_AREA / (map.width * map.height)));
  const url = URL.createObjectURL(new Blob([mapSvg(map)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: Math.max(1, Math.floor(map.width * scale)), height: Math.max(1, Math.floor(map.height * scale)) });
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This window cannot draw the picture.');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The map is too large to save as a PNG picture. Save it as SVG instead.');
    saveFile(new Uint8Array(await blob.arrayBuffer()), `${fileName}.png`, 'image/png');
  } finally {
    URL.revokeObjectURL(url);
  }
}
