import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTIVITY_EVENTS, IdleLock } from '../src/lib/idleLock';

const LOCK_AFTER_MS = 60_000;

function input(type: string) {
  const event = type === 'keydown' ? new KeyboardEvent(type, { bubbles: true }) : new Event(type, { bubbles: true });
  document.body.dispatchEvent(event);
}

describe('the idle lock', () => {
  let onidle: ReturnType<typeof vi.fn>;
  let idle: IdleLock;

  beforeEach(() => {
    vi.useFakeTimers();
    onidle = vi.fn();
    idle = new IdleLock(onidle);
  });

  afterEach(() => {
    idle.stop();
    vi.useRealTimers();
  });

  it('locks once the time has passed without input, and not a moment before', async () => {
    idle.start(LOCK_AFTER_MS);
    await vi.advanceTimersByTimeAsync(LOCK_AFTER_MS - 1);
    expect(onidle).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(onidle).toHaveBeenCalledTimes(1);
    // Once: it does not lock again and again.
    await vi.advanceTimersByTimeAsync(LOCK_AFTER_MS * 3);
    expect(onidle).toHaveBeenCalledTimes(1);
    expect(idle.running).toBe(false);
  });

  it.each(ACTIVITY_EVENTS)('counts %s as use: the time starts over', async (type) => {
    idle.start(LOCK_AFTER_MS);
    await vi.advanceTimersByTimeAsync(LOCK_AFTER_MS - 1000);
    input(type);
    await vi.advanceTimersByTimeAsync(LOCK_AFTER_MS - 1);
    expect(onidle).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(onidle).toHaveBeenCalledTimes(1);
  });

  it('does not count what the app does by itself, such as the codes refreshing every 5 seconds', async () => {
    const refresh = setInterval(() => {
      document.body.dispatchEvent(new Event('codes-refreshed', { bubbles: true }));
      document.body.append(document.createElement('span'));
    }, 5000);
    idle.start(LOCK_AFTER_MS);
    await vi.advanceTimersByTimeAsync(LOCK_AFTER_MS);
    clearInterval(refresh);
    expect(onidle).toHaveBeenCalledTimes(1);
  });

  it('does not count focus or scrolling moves that are not the person', async () => {
    idle.start(LOCK_AFTER_MS);
    for (const type of ['focus', 'scroll', 'visibilitychange', 'mouseleave']) input(type);
    await vi.advanceTimersByTimeAsync(LOCK_AFTER_MS);
    expect(onidle).toHaveBeenCalledTimes(1);
  });

  it('never locks when stopped, or when the time is 0', async () => {
    idle.start(LOCK_AFTER_MS);
    idle.stop();
    await vi.advanceTimersByTimeAsync(LOCK_AFTER_MS * 2);
    idle.start(0);
    expect(idle.running).toBe(false);
    await vi.advanceTimersByTimeAsync(LOCK_AFTER_MS * 2);
    expect(onidle).not.toHaveBeenCalled();
  });

  it('starting again with another time replaces the old one', async () => {
    idle.start(LOCK_AFTER_MS);
    idle.start(5 * LOCK_AFTER_MS);
    await vi.advanceTimersByTimeAsync(5 * LOCK_AFTER_MS - 1);
    expect(onidle).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(onidle).toHaveBeenCalledTimes(1);
  });

  it('stops listening for input once stopped', () => {
    const add = vi.spyOn(window, 'addEventListener');
    const remove = vi.spyOn(window, 'removeEventListener');
    idle.start(LOCK_AFTER_MS);
    idle.stop();
    const added = add.mock.calls.map(([type, listener]) => [type, listener]);
    expect(added.map(([type]) => type)).toEqual([...ACTIVITY_EVENTS]);
    for (const [type, listener] of added) {
      expect(remove.mock.calls.some(([t, l]) => t === type && l === listener)).toBe(true);
    }
    add.mockRestore();
    remove.mockRestore();
  });
});
