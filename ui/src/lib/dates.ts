// Calendar days as people read and type them. Rust keeps and checks days as YYYY-MM-DD; this file spells
// them out in the window's language and reads what people type ("12/15/2026", "December 15 2026", and in
// Spanish "15/12/2026", "15 de diciembre de 2026"). The locale is the window's unless one is given.
import { i18n, t } from './i18n.svelte';

/** Earliest and latest years Rust accepts (crates/keystep-core/src/dates.rs). */
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day of `year`, `month` (1-12) and `day`, as YYYY-MM-DD, or null if there is no such day. */
function isoOf(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return null;
  if (month < 1 || month > 12 || day < 1) return null;
  // Day 0 of the next month is the last day of this one.
  if (day > new Date(year, month, 0).getDate()) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "2026-12-15" -> "December 15, 2026" in the person's language (month spelled out). Other text stays as it is. */
export function spellOutDate(iso: string, locale: string = i18n.locale): string {
  const match = ISO.exec(iso);
  if (!match) return iso;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (isoOf(y, m, d) === null) return iso;
  return new Date(y, m - 1, d).toLocaleDateString(locale, { year: 'numeric', month: 'long', day: 'numeric' });
}

/** Spells out every YYYY-MM-DD day inside a sentence from Rust ("stops working on 2026-12-15."). */
export function spellOutDatesIn(text: string, locale: string = i18n.locale): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => spellOutDate(iso, locale));
}

/** The order of day, month and year in the person's short dates: ['month', 'day', 'year'] in the US. */
function numericOrder(locale: string): ('day' | 'month' | 'year')[] {
  const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(
    new Date(2026, 11, 15),
  );
  const order = parts.flatMap((p) => (p.type === 'day' || p.type === 'month' || p.type === 'year' ? [p.type] : []));
  return order.length === 3 ? order : ['month', 'day', 'year'];
}

/** Month names (long and short, in English and in the person's language), lower case, to their number. */
function monthNames(locale: string): Map<string, number> {
  const names = new Map<string, number>();
  for (const lang of ['en', locale]) {
    for (const month of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat(lang, { month });
      for (let m = 0; m < 12; m++) {
        const name = format.format(new Date(2026, m, 1)).toLowerCase().replace(/\.$/, '');
        if (name && !names.has(name)) names.set(name, m + 1);
      }
    }
  }
  // "Sept" is common in English and not what Intl writes; "setiembre" is how part of Latin America spells it.
  names.set('sept', 9);
  names.set('setiembre', 9);
  return names;
}

/** "26" -> 2026: a two-digit year is read in this century. */
const fullYear = (text: string) => (text.length <= 2 ? 2000 + Number(text) : Number(text));

/** How the person's dates look, for hints and errors: "12/15/2026 or December 15, 2026". */
export function dateExample(locale: string = i18n.locale): string {
  const day = new Date(2026, 11, 15);
  const numeric = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(day);
  return t('phones-date-example', { numeric, spelled: spellOutDate('2026-12-15', locale) });
}

export type TypedDate = { ok: true; iso: string } | { ok: false; message: string };

/**
 * Reads a day as people type it: "2026-12-15", "12/15/2026" (in the order their language writes
 * dates, "15/12/2026" in Spanish; a day that can only be read the other way round is read that way),
 * "December 15 2026", "15 Dec 2026", "15 de diciembre de 2026". Month names are read in English and in
 * the locale's language. Anything else gets a sentence saying how to type it.
 */
export function readTypedDate(text: string, locale: string = i18n.locale): TypedDate {
  const typed = text.trim();
  const iso = readDate(typed, locale);
  if (iso !== null) return { ok: true, iso };
  const example = dateExample(locale);
  const message =
    typed.length <= 40
      ? t('phones-date-unreadable', { typed, example })
      : t('phones-date-unreadable-long', { example });
  return { ok: false, message };
}

/** Words that may sit around a day's numbers and month: "15th of", "el 1.º de enero del 2027". */
const FILLER = new Set(['st', 'nd', 'rd', 'th', 'of', 'de', 'del', 'el', 'º', 'ª', 'ro']);

function readDate(typed: string, locale: string): string | null {
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(typed);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));

  const numbers = /^(\d{1,4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{2}|\d{4})\.?$/.exec(typed);
  if (numbers) {
    const [, a, b, c] = numbers as unknown as [string, string, string, string];
    const order = numericOrder(locale);
    const value = { [order[0]!]: a, [order[1]!]: b, [order[2]!]: c } as Record<'day' | 'month' | 'year', string>;
    if (order[0] === 'year') return null; // Handled above (four-digit year first).
    const year = fullYear(value.year);
    return isoOf(year, Number(value.month), Number(value.day)) ?? isoOf(year, Number(value.day), Number(value.month));
  }

  // Words: one month name and two numbers, in any order ("December 15, 2026", "15. Dezember 2026").
  const tokens = typed.toLowerCase().match(/\p{L}+|\d+/gu) ?? [];
  const names = monthNames(locale);
  let month: number | null = null;
  const digits: string[] = [];
  for (const token of tokens) {
    if (/^\d+$/.test(token)) digits.push(token);
    else if (names.has(token) && month === null) month = names.get(token)!;
    else if (!FILLER.has(token)) return null;
  }
  if (month === null || digits.length !== 2) return null;
  const yearAt = digits.findIndex((d) => d.length === 4);
  if (yearAt === -1) return null;
  return isoOf(Number(digits[yearAt]), month, Number(digits[1 - yearAt]));
}
