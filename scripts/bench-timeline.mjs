/* global document, window, requestAnimationFrame, WheelEvent, vis -- these run inside the page, through page.evaluate */
// The timeline benchmark (issue 4): first render, pan and zoom frame times, and the cursor step, in Chromium, for the
// app's canvas timeline and, in the same run, for vis-timeline (a bench-only dev dependency) given the same number of
// items. Compare ratios within one run; machines differ.
import { unlock } from './bench-unlock.mjs';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

/**
 * Dispatch one wheel event a frame on `selector` and time each frame: zoom (deltaY, in then out) or pan (deltaX).
 * Runs in the page; returns frame intervals in ms.
 */
async function wheelFrames(page, selector, kind, frames = 240) {
  return page.evaluate(
    async ({ selector, kind, frames }) => {
      const el = document.querySelector(selector);
      const box = el.getBoundingClientRect();
      const intervals = [];
      let last = performance.now();
      for (let i = 0; i < frames; i++) {
        const sign = i % 80 < 40 ? 1 : -1;
        el.dispatchEvent(new WheelEvent('wheel', {
          bubbles: true, cancelable: true, clientX: box.left + box.width * 0.6, clientY: box.top + 60,
          deltaX: kind === 'pan' ? sign * 60 : 0, deltaY: kind === 'zoom' ? sign * -60 : 0, ctrlKey: kind === 'zoom',
        }));
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        intervals.push(now - last);
        last = now;
      }
      return intervals.slice(5);
    },
    { selector, kind, frames },
  );
}

const summary = (intervals) => ({ median: percentile(intervals, 50), p95: percentile(intervals, 95) });

/** The app's timeline over a case already stored: open the tab, then pan, zoom and step the cursor. */
export async function measureTimeline(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1100 } });
  const page = await context.newPage();
  await page.goto(url);
  await unlock(page);
  await page.waitForFunction(() => performance.getEntriesByName('chronology-shown').length > 0 && Number(document.querySelector('[role=grid]')?.getAttribute('aria-rowcount')) > 1, null, { timeout: 600_000, polling: 100 });
  // The case is read and indexed. As a person would, take a moment before opening the tab: the timeline's code is
  // fetched while the window is idle. Opening it then lays the case out and paints it.
  await page.waitForTimeout(1500);
  const opened = await page.evaluate(() => {
    const link = [...document.querySelectorAll('nav[aria-label="Case views"] a')].find((a) => a.textContent === 'Timeline');
    const t = performance.now();
    link.click();
    return t;
  });
  await page.waitForFunction(() => performance.getEntriesByName('timeline-shown').length > 0, null, { timeout: 600_000, polling: 20 });
  const firstRender = (await page.evaluate(() => performance.getEntriesByName('timeline-shown')[0].startTime)) - opened;
  const zoom = summary(await wheelFrames(page, '.timeline-canvas canvas', 'zoom'));
  const pan = summary(await wheelFrames(page, '.timeline-canvas canvas', 'pan'));
  // A cursor step: the click, the engine's recompute for every record, React, and the repaint.
  const steps = await page.evaluate(async () => {
    const canvas = document.querySelector('.timeline-canvas canvas');
    const buttons = [...document.querySelectorAll('button')];
    const previous = buttons.find((b) => b.getAttribute('aria-label') === 'Previous record');
    const times = [];
    for (let i = 0; i < 30; i++) {
      const before = canvas.dataset.paintedCursor;
      const t0 = performance.now();
      previous.click();
      while (canvas.dataset.paintedCursor === before) await new Promise((r) => requestAnimationFrame(r));
      times.push(performance.now() - t0);
    }
    return times;
  });
  // After one step, when the officer panel and the table have caught up (they follow once the cursor rests).
  const settled = await page.evaluate(async () => {
    const canvas = document.querySelector('.timeline-canvas canvas');
    const panel = document.querySelector('.officer-panel');
    const next = [...document.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === 'Next record');
    const times = [];
    for (let i = 0; i < 10; i++) {
      const before = canvas.dataset.paintedCursor;
      const t0 = performance.now();
      next.click();
      while (canvas.dataset.paintedCursor === before || panel.dataset.at !== canvas.dataset.paintedCursor) await new Promise((r) => requestAnimationFrame(r));
      times.push(performance.now() - t0);
    }
    return times;
  });
  await context.close();
  return { firstRender, zoom, pan, cursorStep: summary(steps), panelSettled: summary(settled) };
}

/**
 * The same number of items in vis-timeline, on a page of its own: first render (construct to painted), then pan and
 * zoom frame times with the same wheel events. Gives up, saying so, when the first render takes over `limitMs`.
 */
export async function measureVisTimeline(browser, dir, serverUrl, items, limitMs = 120_000) {
  const umd = join(process.cwd(), 'node_modules/vis-timeline/standalone/umd');
  copyFileSync(join(umd, 'vis-timeline-graph2d.min.js'), join(dir, 'vis-timeline.min.js'));
  copyFileSync(join(process.cwd(), 'node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css'), join(dir, 'vis-timeline.min.css'));
  writeFileSync(join(dir, 'vis.html'), '<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="vis-timeline.min.css"></head><body><div id="t" style="width:1250px"></div><script src="vis-timeline.min.js"></script></body></html>');
  const context = await browser.newContext({ viewport: { width: 1440, height: 1100 } });
  const page = await context.newPage();
  await page.goto(`${serverUrl}vis.html`);
  const firstRender = await Promise.race([
    page.evaluate(async (n) => {
      const start = Date.UTC(2022, 4, 16);
      const data = new vis.DataSet(Array.from({ length: n }, (_, i) => ({ id: i, start: new Date(start + ((i * 7919) % (540 * 86_400_000 / 60_000)) * 60_000), type: 'point', group: i % 6 })));
      const groups = new vis.DataSet(Array.from({ length: 6 }, (_, g) => ({ id: g, content: `Lane ${g}` })));
      const t0 = performance.now();
      window.timeline = new vis.Timeline(document.getElementById('t'), data, groups, { height: '600px' });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - t0;
    }, items),
    new Promise((resolve) => setTimeout(() => resolve(null), limitMs)),
  ]);
  if (firstRender === null) {
    await context.close();
    return { firstRender: null, zoom: null, pan: null };
  }
  const zoom = summary(await wheelFrames(page, '.vis-timeline', 'zoom', 120));
  const pan = summary(await wheelFrames(page, '.vis-timeline', 'pan', 120));
  await context.close();
  return { firstRender, zoom, pan };
}
