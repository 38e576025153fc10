import type { AccountView } from './bindings/AccountView';
import type { CodeView } from './bindings/CodeView';
import type { ErrorDto } from './bindings/ErrorDto';
import { getCodes, listAccounts, toErrorDto } from './ipc';
import { CLOCK_EVENT, nowMs } from './networkTime.svelte';
import { secondsLeft } from './format';

// A missed or slow timer must never leave an old code on screen for long.
const SAFETY_REFRESH_MS = 5000;
// Ask a moment after a code expires, so Rust's clock has surely moved on too.
const EXPIRY_MARGIN_MS = 50;
// If Rust still hands back an expired code, do not ask again in a tight loop.
const MIN_WAIT_MS = 500;

/** The next code is shown while this many seconds or fewer are left (Rust's NEXT_CODE_SHOWN_BELOW_SECS). */
export const NEXT_CODE_SHOWN_SECS = 10;
/**
 * Rust hands the next code over this long before it is shown (its NEXT_CODE_SENT_AHEAD_MS); codes are
 * asked for again at that moment, so the next code is in hand before the countdown reaches 10 s.
 */
const NEXT_CODE_SENT_AHEAD_MS = 2000;
const NEXT_CODE_ASK_BEFORE_END_MS = NEXT_CODE_SHOWN_SECS * 1000 + NEXT_CODE_SENT_AHEAD_MS;

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
  // Requests for codes overlap (a reload after an add, the timers, a clock check); an answer that
  // arrives after a newer one is older news and must not replace it (it would take the next code away).
  #codesAsked = 0;
  #codesShown = 0;
  #accountsAsked = 0;
  #accountsShown = 0;
  // A clock check ended: Rust's codes may now be made for another time.
  #onClock = () => void this.refreshCodes();

  /** Loads everything (or takes what was fetched at startup), then keeps codes fresh until stop(). */
  async start(initial?: { accounts: AccountView[]; codes: CodeView[] }): Promise<void> {
    this.#running = true;
    window.addEventListener(CLOCK_EVENT, this.#onClock);
    this.#safetyTimer = setInterval(() => void this.refreshCodes(), SAFETY_REFRESH_MS);
    if (initial) {
      this.accounts = initial.accounts;
      this.#setCodes(++this.#codesAsked, initial.codes);
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
    const accountsAsk = ++this.#accountsAsked;
    const codesAsk = ++this.#codesAsked;
    try {
      const [accounts, codes] = await Promise.all([listAccounts(), getCodes()]);
      if (accountsAsk > this.#accountsShown) {
        this.#accountsShown = accountsAsk;
        this.accounts = accounts;
      }
      this.#setCodes(codesAsk, codes);
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
    // Answers to requests sent before this are older than this code: they must not bring the last one back.
    this.#codesShown = ++this.#codesAsked;
    this.codes[code.id] = code;
  }

  async #fetchCodes(): Promise<void> {
    const ask = ++this.#codesAsked;
    try {
      this.#setCodes(ask, await getCodes());
      this.error = null;
    } catch (e) {
      this.error = toErrorDto(e);
    }
    this.#scheduleExpiry();
  }

  /** Puts the answer to request number `ask` on screen, unless a newer answer is already there. */
  #setCodes(ask: number, list: CodeView[]): void {
    if (ask < this.#codesShown) return;
    this.#codesShown = ask;
    const before = this.codes;
    this.codes = Object.fromEntries(list.map((c) => [c.id, keepNextCode(c, before[c.id])]));
  }

  #scheduleExpiry(): void {
    clearTimeout(this.#expiryTimer);
    if (!this.#running) return;
    const moments = Object.values(this.codes).flatMap(refreshMoments);
    if (moments.length === 0) return;
    // A moment already passed (a code past its end, or a next code still missing) is asked for again
    // after MIN_WAIT_MS.
    const untilNext = Math.min(...moments) - nowMs() + EXPIRY_MARGIN_MS;
    // The safety refresh covers far-off moments (and very long waits overflow setTimeout).
    const wait = Math.min(SAFETY_REFRESH_MS, Math.max(MIN_WAIT_MS, untilNext));
    this.#expiryTimer = setTimeout(() => void this.refreshCodes(), wait);
  }
}

/**
 * When a code's answer changes: at its end, and (until the next code is in hand) when Rust starts
 * handing the next code over.
 */
function refreshMoments(code: CodeView): number[] {
  if (code.validUntilMs === null) return [];
  if (code.nextCode !== null) return [code.validUntilMs];
  return [code.validUntilMs - NEXT_CODE_ASK_BEFORE_END_MS];
}

/**
 * A newer answer for the same period without the next code (asked a moment too early by Rust's clock)
 * keeps the next code already known: for one period it never changes, so it never blinks away.
 */
function keepNextCode(fresh: CodeView, known: CodeView | undefined): CodeView {
  if (fresh.nextCode !== null || !known?.nextCode || known.validUntilMs !== fresh.validUntilMs || fresh.validUntilMs === null) {
    return fresh;
  }
  return { ...fresh, nextCode: known.nextCode };
}

/** Whether the next code is shown now: it is known and at most 10 seconds are left on the countdown. */
export function nextCodeShown(code: CodeView | undefined, now: number): code is CodeView & { nextCode: string } {
  if (!code?.nextCode || code.validUntilMs === null) return false;
  return secondsLeft(code.validUntilMs, now) <= NEXT_CODE_SHOWN_SECS;
}
