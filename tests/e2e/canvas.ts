import type { Page } from '@playwright/test';

/**
 * Read the timeline's canvas itself, not the page around it: how many strongly coloured pixels (record marks in their
 * state's colour) the record rows hold in the 160 pixels just before the cursor.
 */
export async function colouredPixelsBeforeCursor(page: Page): Promise<number> {
  return page.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const x = Number(canvas.dataset.cursorX);
    const top = Number(canvas.dataset.lanesTop);
    const bottom = Number(canvas.dataset.lanesBottom);
    if (!(x > 0)) return 0;
    const ctx = canvas.getContext('2d');
    if (!ctx) return 0;
    const scale = canvas.width / canvas.clientWidth;
    const x0 = Math.max(190, x - 160);
    const image = ctx.getImageData(Math.round(x0 * scale), Math.round(top * scale), Math.max(1, Math.round((x - 3 - x0) * scale)), Math.round((bottom - top) * scale));
    let coloured = 0;
    for (let i = 0; i < image.data.length; i += 4) {
      const [r, g, b] = [image.data[i] as number, image.data[i + 1] as number, image.data[i + 2] as number];
      if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
    }
    return coloured;
  });
}

/**
 * How many pixels of one colour (within a small tolerance) the timeline's canvas holds across the plot in the row of
 * lanes starting at `top` (one lane high): marks drawn in a colour of their own, such as the recall steps.
 */
export async function colouredPixelsInRow(page: Page, top: number, [r, g, b]: [number, number, number]): Promise<number> {
  return page.locator('canvas').evaluate(
    (canvas: HTMLCanvasElement, { top, r, g, b }) => {
      const ctx = canvas.getContext('2d');
      if (!ctx || !(top > 0)) return 0;
      const scale = canvas.width / canvas.clientWidth;
      const image = ctx.getImageData(Math.round(190 * scale), Math.round(top * scale), canvas.width - Math.round(190 * scale), Math.round(24 * scale));
      let count = 0;
      for (let i = 0; i < image.data.length; i += 4) {
        if (Math.abs((image.data[i] as number) - r) + Math.abs((image.data[i + 1] as number) - g) + Math.abs((image.data[i + 2] as number) - b) < 24) count++;
      }
      return count;
    },
    { top, r, g, b },
  );
}
