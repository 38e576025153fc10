// Words for guided sign-in. Rust decides every step and keeps every run; this file only says it in English.
import type { RunSummary } from './bindings/RunSummary';
import { count } from './format';

const MINUTE_S = 60;
const HOUR_S = 60 * MINUTE_S;
const DAY_S = 24 * HOUR_S;

/** The step a person is on, counted from 1 and never past the last one. */
export function stepNumber(done: number, total: number): number {
  return Math.max(1, Math.min(done + 1, total));
}

/** "Step 2 of 7". */
export function stepOf(done: number, total: number): string {
  return `Step ${stepNumber(done, total)} of ${total}`;
}

/** A date as people write it where they live, such as "November 25, 2026". */
export function plainDate(ms: number): string {
  return new Date(ms).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
}

/** A date and time, such as "November 25, 2026, 3:45 PM", for when a long wait ends. */
export function plainDateTime(ms: number): string {
  return new Date(ms).toLocaleString(undefined, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
}

/**
 * "Checked against the official pages on November 28, 2026", from the guide's YYYY-MM-DD date (read as
 * a calendar day, so no time zone can move it to the day before). Null when the guide has no date.
 */
export function checkedText(checked: string | null): string | null {
  const m = checked ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(checked) : null;
  if (!m) return null;
  const day = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const when = day.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
  return `Checked against the official pages on ${when}`;
}

/** "Done: <title> — <date>" or "Stopped at step X of Y: <title> — <date>". */
export function pastRunText(run: RunSummary): string {
  if (run.finishedAtMs !== null) return `Done: ${run.guideTitle} — ${plainDate(run.finishedAtMs)}`;
  const when = plainDate(run.stoppedAtMs ?? run.startedAtMs);
  return `Stopped at step ${stepNumber(run.done, run.total)} of ${run.total}: ${run.guideTitle} — ${when}`;
}

/** How long a wait is: "15 minutes", "24 hours", "10 days". */
export function waitLength(minutes: number): string {
  if (minutes >= 24 * 60 && minutes % (24 * 60) === 0) return count(minutes / (24 * 60), 'day', 'days');
  if (minutes >= 60 && minutes % 60 === 0) return count(minutes / 60, 'hour', 'hours');
  return count(minutes, 'minute', 'minutes');
}

/** What is left of a wait: "14 min 32 s", "23 h 59 min", "9 days 23 h". Seconds only matter in the last hour. */
export function timeLeft(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s >= DAY_S) return `${count(Math.floor(s / DAY_S), 'day', 'days')} ${Math.floor((s % DAY_S) / HOUR_S)} h`;
  if (s >= HOUR_S) return `${Math.floor(s / HOUR_S)} h ${Math.floor((s % HOUR_S) / MINUTE_S)} min`;
  if (s >= MINUTE_S) return `${Math.floor(s / MINUTE_S)} min ${s % MINUTE_S} s`;
  return `${s} s`;
}

export const WAIT_OVER = 'The wait is over. You can try again now.';
