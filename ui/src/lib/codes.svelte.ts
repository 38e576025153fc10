import type { AccountView } from './bindings/AccountView';
import type { CodeView } from './bindings/CodeView';
import type { ErrorDto } from './bindings/ErrorDto';
import { getCodes, listAccounts, toErrorDto } from './ipc';
import { CLOCK_EVENT, nowMs } from './networkTime.svelte';

// A missed or slow timer must never leave an old code on screen for long.
const SAFETY_REFRESH_MS = 5000;
// Ask a moment after a code expires, so Rust's clock has surely moved on too.
const EXPIRY_MARGIN_MS = 50;
// If Rust still hands back an expired code, do not ask again in a tight loop.
const MIN_WAIT_MS = 500;

/** Accounts and their codes, kept fresh while started. */
export class CodesState {
  accounts = $state<AccountView[]>([]);
  codes = $state<Record<string, CodeView>>({});
  /** True once accounts have been loaded at least once. */
  loaded = $state(false);
  error = $state<ErrorDto | null>(null);

  #expiryTimer: ReturnType<typeof setTimeout> | undefined;
  #safetyTimer: ReturnType<typeof setInterval> | undefined;
  #running = false;
  #refreshing: Promise<void> | null = null;
  // A clock check ended: Rust's codes may now be made for another time.
  #onClock = () => void this.refreshCodes();

  /** Loads everything (or takes what was fetched at startup), then keeps codes fresh until stop(). */
  async start(initial?: { accounts: AccountView[]; codes: CodeView[] }): Promise<void> {
    this.#running = true;
    window.addEventListener(CLOCK_EVENT, this.#onClock);
    this.#safetyTimer = setInterval(() => void this.refreshCodes(), SAFETY_REFRESH_MS);
    if (initial) {
      this.accounts = initial.accounts;
      this.#setCodes(initial.codes);
      this.loaded = true;
      this.#scheduleExpiry();
      return;
    }
    await this.reload();
  }

  stop(): void {
    this.#running = false;
    window.removeEventListener(CLOCK_EVENT, this.#onClock);
    clearInterval(this.#safetyTimer);
    clearTimeout(this.#expiryTimer);
  }

  /** Reloads the account list and codes, as after an add, rename or delete. */
  async reload(): Promise<void> {
    try {
      const [accounts, codes] = await Promise.all([listAccounts(), getCodes()]);
      this.accounts = accounts;
      this.#setCodes(codes);
      this.loaded = true;
      this.error = null;
    } catch (e) {
      this.error = toErrorDto(e);
    }
    this.#scheduleExpiry();
  }

  /** Fetches codes again; calls that overlap share one request. */
  refreshCodes(): Promise<void> {
    this.#refreshing ??= this.#fetchCodes().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  /** Puts one code in place, such as a new counter-based code. */
  setCode(code: CodeView): void {
    this.codes[code.id] = code;
  }

  async #fetchCodes(): Promise<void> {
    try {
      this.#setCodes(await getCodes());
      this.error = null;
    } catch (e) {
      this.error = toErrorDto(e);
    }
    this.#scheduleExpiry();
  }

  #setCodes(list: CodeView[]): void {
    this.codes = Object.fromEntries(list.map((c) => [c.id, c]));
  }

  #scheduleExpiry(): void {
    clearTimeout(this.#expiryTimer);
    if (!this.#running) return;
    const ends = Object.values(this.codes)
      .map((c) => c.validUntilMs)
      .filter((ms): ms is number => ms !== null);
    if (ends.length === 0) return;
    const untilExpiry = Math.min(...ends) - nowMs() + EXPIRY_MARGIN_MS;
    // The safety refresh covers far-off expiries (and very long waits overflow setTimeout).
    const wait = Math.min(SAFETY_REFRESH_MS, Math.max(MIN_WAIT_MS, untilExpiry));
    this.#expiryTimer = setTimeout(() => void this.refreshCodes(), wait);
  }
}
