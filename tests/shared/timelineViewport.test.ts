import { describe, expect, it } from 'vitest';
import { LABEL_W, timeOf, xOf } from '../../renderer/src/features/timeline/draw.js';
import { firstView, inView, showing, zoomAbout } from '../../renderer/src/features/timeline/viewport.js';

const DAY = 86_400_000;
const WIDTH = 1000;
const first = Date.UTC(2022, 4, 16);
const last = Date.UTC(2023, 10, 30);
const cursor = Date.UTC(2023, 10, 12, 2, 16);

describe('the timeline keeps its place', () => {
  it('opens on the weeks before the cursor, readable: a fortnight is well over 10 pixels wide', () => {
    const v = firstView(first, last, cursor, WIDTH);
    expect(inView(v, WIDTH, cursor)).toBe(true);
    expect(inView(v, WIDTH, cursor - 11 * 7 * DAY)).toBe(true);
    expect((14 * DAY) / v.msPerPx).toBeGreaterThan(100);
  });

  it('fits a short case whole', () => {
    const v = firstView(cursor - 30 * DAY, cursor + DAY, cursor, WIDTH);
    expect(inView(v, WIDTH, cursor - 29 * DAY)).toBe(true);
    expect(inView(v, WIDTH, cursor)).toBe(true);
  });

  it('a jump far outside the window brings the cursor into view, at the same zoom', () => {
    const v = firstView(first, last, cursor, WIDTH);
    const jumped = Date.UTC(2022, 8, 22);
    expect(inView(v, WIDTH, jumped)).toBe(false);
    const moved = showing(v, WIDTH, jumped);
    expect(inView(moved, WIDTH, jumped)).toBe(true);
    expect(moved.msPerPx).toBe(v.msPerPx);
  });

  it('zooming keeps the cursor where it is on screen, in or out', () => {
    const v = firstView(first, last, cursor, WIDTH);
    const x = xOf(v, cursor);
    for (const factor of [0.7, 1 / 0.7, 0.2, 5]) {
      const z = zoomAbout(v, WIDTH, cursor, factor);
      expect(xOf(z, cursor)).toBeCloseTo(x, 6);
    }
  });

  it('zooming with the cursor out of view first brings it into view', () => {
    const v = { start: first, msPerPx: DAY / 10 };
    expect(inView(v, WIDTH, cursor)).toBe(false);
    const z = zoomAbout(v, WIDTH, cursor, 0.7);
    expect(inView(z, WIDTH, cursor)).toBe(true);
    expect(timeOf(z, LABEL_W)).toBeLessThan(cursor);
  });
});
