// Words for guided sign-in. Rust decides every step and keeps every run; this file only says it, in the
// window's language (the messages are in locales/*/guides.ftl).
import type { RunSummary } from './bindings/RunSummary';
import { i18n, t } from './i18n.svelte';

const MINUTE_S = 60;
const HOUR_S = 60 * MINUTE_S;
const DAY_S = 24 * HOUR_S;

/** The step a person is on, counted from 1 and never past the last one. */
export function stepNumber(done: number, total: number): number {
  return Math.max(1, Math.min(done + 1, total));
}

/** "Step 2 of 7". */
export function stepOf(done: number, total: number): string {
  return t('guides-step-of', { step: stepNumber(done, total), total });
}

const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric' };

/** A date as people write it in the window's language, such as "November 25, 2026" or "25 de noviembre de 2026". */
export function plainDate(ms: number): string {
  return new Intl.DateTimeFormat(i18n.locale, DATE).format(new Date(ms));
}

/** A date and time, such as "November 25, 2026, 3:45 PM", for when a long wait ends. */
export function plainDateTime(ms: number): string {
  return new Intl.DateTimeFormat(i18n.locale, { ...DATE, hour: 'numeric', minute: '2-digit' }).format(new Date(ms));
}

/**
 * "Checked against the official pages on November 28, 2026", from the guide's YYYY-MM-DD date (read as
 * a calendar day, so no time zone can move it to the day before). Null when the guide has no date.
 */
export function checkedText(checked: string | null): string | null {
  const m = checked ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(checked) : null;
  if (!m) return null;
  const day = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return t('guides-checked', { date: plainDate(day.getTime()) });
}

/** "Done: <title> — <date>" or "Stopped at step X of Y: <title> — <date>". */
export function pastRunText(run: RunSummary): string {
  if (run.finishedAtMs !== null) {
    return t('guides-past-run-done', { title: run.guideTitle, date: plainDate(run.finishedAtMs) });
  }
  return t('guides-past-run-stopped', {
    step: stepNumber(run.done, run.total),
    total: run.total,
    title: run.guideTitle,
    date: plainDate(run.stoppedAtMs ?? run.startedAtMs),
  });
}

/** How long a wait is: "15 minutes", "24 hours", "10 days". */
export function waitLength(minutes: number): string {
  if (minutes >= 24 * 60 && minutes % (24 * 60) === 0) return t('guides-wait-days', { count: minutes / (24 * 60) });
  if (minutes >= 60 && minutes % 60 === 0) return t('guides-wait-hours', { count: minutes / 60 });
  return t('guides-wait-minutes', { count: minutes });
}

/** What is left of a wait: "14 min 32 s", "23 h 59 min", "9 days 23 h". Seconds only matter in the last hour. */
export function timeLeft(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s >= DAY_S) {
    return t('guides-left-days', { days: Math.floor(s / DAY_S), hours: Math.floor((s % DAY_S) / HOUR_S) });
  }
  if (s >= HOUR_S) {
    return t('guides-left-hours', { hours: Math.floor(s / HOUR_S), minutes: Math.floor((s % HOUR_S) / MINUTE_S) });
  }
  if (s >= MINUTE_S) return t('guides-left-minutes', { minutes: Math.floor(s / MINUTE_S), seconds: s % MINUTE_S });
  return t('guides-left-seconds', { seconds: s });
}

/**
 * A message with one part set apart (a title in bold, an address ending): the whole sentence is one
 * message, so each language puts the part where its grammar wants it. Gives the words before and after
 * the part; when a translation leaves the part out, all the words come before it.
 */
export function around(id: string, args: Record<string, string | number>, part: string): [string, string] {
  const marker = '\u0000';
  const text = t(id, { ...args, [part]: marker });
  const at = text.indexOf(marker);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + marker.length)];
}
