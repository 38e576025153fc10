/** What counts as using Keystep: a key press, a pointer press or move, or the wheel, anywhere in the window. */
export const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;

/**
 * Calls `onidle` once after `afterMs` without the person's input in `target` (the window). Only input
 * counts: the codes refreshing every few seconds, or anything else the app does by itself, never keeps
 * Keystep open. The timer is set again only when it runs out, so a moving pointer costs a timestamp.
 */
export class IdleLock {
  readonly #onidle: () => void;
  readonly #target: EventTarget;
  #afterMs = 0;
  #lastActivityMs = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #noteActivity = () => {
    this.#lastActivityMs = Date.now();
  };

  constructor(onidle: () => void, target: EventTarget = window) {
    this.#onidle = onidle;
    this.#target = target;
  }

  get running(): boolean {
    return this.#timer !== undefined;
  }

  /** Starts counting from now; `afterMs` 0 or less means never. Starting again replaces the time. */
  start(afterMs: number): void {
    this.stop();
    if (!(afterMs > 0)) return;
    this.#afterMs = afterMs;
    this.#lastActivityMs = Date.now();
    for (const type of ACTIVITY_EVENTS) {
      this.#target.addEventListener(type, this.#noteActivity, { capture: true, passive: true });
    }
    this.#schedule(afterMs);
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    for (const type of ACTIVITY_EVENTS) {
      this.#target.removeEventListener(type, this.#noteActivity, { capture: true });
    }
  }

  #schedule(inMs: number) {
    this.#timer = setTimeout(() => this.#check(), inMs);
  }

  #check() {
    // Never longer than the whole time, even if the clock was set back meanwhile.
    const left = Math.min(this.#lastActivityMs + this.#afterMs - Date.now(), this.#afterMs);
    if (left > 0) {
      this.#schedule(left);
      return;
    }
    this.stop();
    this.#onidle();
  }
}
