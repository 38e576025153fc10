import type { ClockStatus } from './bindings/ClockStatus';
import { clockStatus } from './ipc';

/** Rust dispatches this on the window when a clock check ends. */
export const CLOCK_EVENT = 'keystep:clock';

/**
 * The clock check as the page knows it. While the computer's clock is off (and two time servers agree),
 * Rust makes codes for the network time; countdowns must count to the same moments, so the page uses
 * the same correction through `nowMs()`.
 */
class NetworkTime {
  status = $state<ClockStatus | null>(null);
  readonly offsetMs = $derived(this.status?.correctionMs ?? 0);
  #listening = false;

  async refresh(): Promise<void> {
    try {
      this.status = await clockStatus();
    } catch {
      // The check is a help, never a blocker: without its status the clock is used as it is.
    }
  }

  /** Asks for the status now, and follows Rust's checks from now on (one listener per page). */
  listen(): void {
    if (!this.#listening) {
      this.#listening = true;
      window.addEventListener(CLOCK_EVENT, () => void this.refresh());
    }
    void this.refresh();
  }
}

export const networkTime = new NetworkTime();

/** The time codes are made for: the computer's clock, corrected while it is off. */
export function nowMs(): number {
  return Date.now() + networkTime.offsetMs;
}

function plural(n: number, word: string): string {
  return n === 1 ? `1 ${word}` : `${n} ${word}s`;
}

/** "2 minutes slow", "40 seconds fast": an offset as people say it (the same words as Rust's). */
export function describeOffset(offsetMs: number): string {
  const seconds = Math.round(Math.abs(offsetMs) / 1000);
  if (seconds === 0) return 'the right time';
  const minutes = Math.round(seconds / 60);
  let amount: string;
  if (seconds < 90) amount = plural(seconds, 'second');
  else if (minutes < 60) amount = plural(minutes, 'minute');
  else amount = plural(Math.round(seconds / 3600), 'hour');
  return `${amount} ${offsetMs > 0 ? 'slow' : 'fast'}`;
}
