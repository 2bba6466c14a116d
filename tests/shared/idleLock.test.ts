import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleMinutes, watchIdle } from '../../renderer/src/features/unlock/idleLock.js';

const MINUTE = 60_000;

describe('the idle lock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('locks once, after the chosen time with no input', () => {
    const onIdle = vi.fn();
    watchIdle(new EventTarget(), 15 * MINUTE, onIdle);
    vi.advanceTimersByTime(15 * MINUTE - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60 * MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it.each(['keydown', 'mousemove', 'mousedown', 'pointerdown', 'wheel', 'touchstart'])('counts %s as use, starting the idle time again', (type) => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    watchIdle(target, 5 * MINUTE, onIdle);
    vi.advanceTimersByTime(4 * MINUTE);
    target.dispatchEvent(new Event(type));
    vi.advanceTimersByTime(4 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('ignores anything that is not input (a focus change, a scroll of the page by code)', () => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    watchIdle(target, 5 * MINUTE, onIdle);
    vi.advanceTimersByTime(4 * MINUTE);
    target.dispatchEvent(new Event('focus'));
    target.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('stops listening and never locks once stopped (the store was locked or closed another way)', () => {
    const target = new EventTarget();
    const remove = vi.spyOn(target, 'removeEventListener');
    const onIdle = vi.fn();
    const stop = watchIdle(target, 5 * MINUTE, onIdle);
    stop();
    vi.advanceTimersByTime(60 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
    expect(remove).toHaveBeenCalledTimes(6);
  });

  it('reads a stored choice, falling back to 15 minutes for anything else', () => {
    expect(IdleMinutes.parse(30)).toBe(30);
    expect(IdleMinutes.parse(undefined)).toBe(15);
    expect(IdleMinutes.parse(0)).toBe(15);
    expect(IdleMinutes.parse('5')).toBe(15);
  });
});
