import { mapSvg } from '../../../../../shared/review/mapSvg.js';
import type { DrawnMap } from '../../../../../shared/review/mapLayout.js';
import { saveFile } from '../../shell/saveFile.js';
import { rasterise } from '../../report/rasterise.js';

export function saveMapSvg(map: DrawnMap, fileName: string): void {
  saveFile(mapSvg(map), `${fileName}.svg`, 'image/svg+xml');
}

/**
 * The same SVG saved as PNG, at twice the map's size where the canvas allows (a map too big for that is drawn smaller
 * rather than not at all): the report's pictures are drawn the same way.
 */
export async function saveMapPng(map: DrawnMap, fileName: string): Promise<void> {
  const png = await rasterise({ svg: mapSvg(map), width: map.width, height: map.height }, 2).catch(() => {
    throw new Error('The map is too large to save as a PNG picture. Save it as SVG instead.');
  });
  saveFile(png, `${fileName}.png`, 'image/png');
}
