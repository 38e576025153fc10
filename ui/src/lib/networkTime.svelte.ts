import type { ClockStatus } from './bindings/ClockStatus';
import { clockStatus } from './ipc';
import { t } from './i18n.svelte';

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

/**
 * "2 minutes slow", "40 seconds fast" ("2 minutos atrasado"): an offset as people say it (the same words
 * as Rust's), to follow "Your computer's clock is" (common-clock-wrong).
 */
export function describeOffset(offsetMs: number): string {
  const seconds = Math.round(Math.abs(offsetMs) / 1000);
  if (seconds === 0) return t('common-clock-right-time');
  const minutes = Math.round(seconds / 60);
  const slow = offsetMs > 0;
  if (seconds < 90) return t(slow ? 'common-clock-seconds-slow' : 'common-clock-seconds-fast', { count: seconds });
  if (minutes < 60) return t(slow ? 'common-clock-minutes-slow' : 'common-clock-minutes-fast', { count: minutes });
  const hours = Math.round(seconds / 3600);
  return t(slow ? 'common-clock-hours-slow' : 'common-clock-hours-fast', { count: hours });
}
