/* global document, window, requestAnimationFrame, MouseEvent -- these run inside the page, through page.evaluate */
// The systems map's pan benchmark (issue 14): the 300-box map on its bench-only page (bench-map-page.ts builds it),
// dragged by its background one step a frame. Target: frames under 16 ms. Plain JavaScript, as the other page
// benchmarks: what page.evaluate runs must not pass through a TypeScript transform.

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

/**
 * Opens the page, waits for the boxes, and pans the map by dragging its background, one step a frame, with the
 * frame-rate limit off: each interval between animation frames is then the real cost of a frame of panning.
 */
export async function measureMapPan(browser, url, boxes = 300) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const opened = Date.now();
  await page.goto(url);
  // Shown: every box there, and measured (React Flow keeps a box hidden until it has measured it).
  await page.waitForFunction(
    (n) => document.querySelectorAll('.react-flow__node-box').length === n && [...document.querySelectorAll('.react-flow__node')].every((e) => e.style.visibility !== 'hidden'),
    boxes,
    { timeout: 120_000, polling: 50 },
  );
  const shownMs = Date.now() - opened;
  const { frames, places } = await page.evaluate(async () => {
    const pane = document.querySelector('.react-flow__pane');
    const viewport = document.querySelector('.react-flow__viewport');
    const box = pane.getBoundingClientRect();
    const at = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    const mouse = (type, target, x, y) =>
      target.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, view: window, clientX: x, clientY: y, button: 0, buttons: type === 'mouseup' ? 0 : 1 }));
    const seen = new Set();
    const intervals = [];
    mouse('mousedown', pane, at.x, at.y);
    let last = performance.now();
    for (let i = 0; i < 300; i++) {
      // Back and forth across, and a little up and down: a reader looking along the bands.
      const step = i % 100 < 50 ? i % 100 : 100 - (i % 100);
      mouse('mousemove', window, at.x - step * 12, at.y - step * 2);
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      intervals.push(now - last);
      last = now;
      seen.add(viewport.style.transform);
    }
    mouse('mouseup', window, at.x, at.y);
    return { frames: intervals.slice(5), places: seen.size };
  });
  await context.close();
  // `places`: how many different places the map was drawn at; a pan that did nothing would time empty frames.
  return { shownMs, frameMedian: percentile(frames, 50), frameP95: percentile(frames, 95), places };
}
