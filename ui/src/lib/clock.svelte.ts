/**
 * The current time as reactive state, updated just after each whole second so
 * countdowns change together and in step with code periods (which start on whole seconds).
 */
export class Clock {
  now = $state(Date.now());
  #timer: ReturnType<typeof setTimeout> | undefined;

  start(): void {
    this.stop();
    const tick = () => {
      // Read the time into a local: reading `this.now` here would make any
      // effect that calls start() depend on it.
      const now = Date.now();
      this.now = now;
      this.#timer = setTimeout(tick, 1000 - (now % 1000) + 5);
    };
    tick();
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
