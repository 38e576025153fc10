import { networkTime } from './networkTime.svelte';

/**
 * The current time as reactive state, updated just after each whole second so countdowns change
 * together and in step with code periods (which start on whole seconds).
 *
 * Codes' countdowns use the corrected time (the computer's clock plus the clock check's correction,
 * which applies at once when it arrives); a guide's waits and dates use the computer's own clock, which
 * Rust used when it set them.
 */
export class Clock {
  #raw = $state(Date.now());
  #corrected = $state(true);
  readonly now = $derived(this.#corrected ? this.#raw + networkTime.offsetMs : this.#raw);
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(corrected = true) {
    this.#corrected = corrected;
  }

  start(): void {
    this.stop();
    const tick = () => {
      // Read the time into locals: reading `this.now` here would make any
      // effect that calls start() depend on it.
      const raw = Date.now();
      this.#raw = raw;
      const now = this.#corrected ? raw + networkTime.offsetMs : raw;
      this.#timer = setTimeout(tick, 1000 - (((now % 1000) + 1000) % 1000) + 5);
    };
    tick();
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
