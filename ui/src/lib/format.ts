import { t } from './i18n.svelte';

// How codes are split for reading: short groups are easier to hold in mind
// while typing them into another window.
const GROUPS: Record<number, readonly number[]> = {
  6: [3, 3],
  7: [3, 4],
  8: [4, 4],
  9: [3, 3, 3],
  10: [5, 5],
};

/** "123456" -> "123 456". Lengths without a rule (such as 5-character Steam codes) stay whole. */
export function groupCode(code: string): string {
  const sizes = GROUPS[code.length];
  if (!sizes) return code;
  const parts: string[] = [];
  let start = 0;
  for (const size of sizes) {
    parts.push(code.slice(start, start + size));
    start += size;
  }
  return parts.join(' ');
}

/** "123456" -> "1 2 3 4 5 6", so screen readers say digits, not "one hundred twenty-three thousand". */
export function spellOut(code: string): string {
  return [...code].join(' ');
}

/** Whole seconds left until `untilMs`, never below zero. */
export function secondsLeft(untilMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((untilMs - nowMs) / 1000));
}

/** "1 account", "3 accounts". */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * "IRS code 622 792, 18 seconds left" ("Código de IRS 622 792, quedan 18 segundos"): a code as screen
 * readers read it, with its service and, for a code that changes with time, the seconds it has left.
 * Digits are grouped as on screen, so what is heard matches what is seen. Whole sentences per case, as
 * the words go in another order in Spanish.
 */
export function spokenCode(service: string, code: string, left: number | null = null): string {
  const args = { service, code: sayable(code), seconds: left };
  if (left === null) return service ? t('codes-spoken', args) : t('codes-spoken-no-service', args);
  return service ? t('codes-spoken-timed', args) : t('codes-spoken-timed-no-service', args);
}

/** "Next IRS code 123 456": the code that comes after the one shown. */
export function spokenNextCode(service: string, code: string): string {
  const args = { service, code: sayable(code) };
  return service ? t('codes-spoken-next', args) : t('codes-spoken-next-no-service', args);
}

// Digits are said in their groups ("622 792"); a code with letters (Steam's) letter by letter, as a
// screen reader would otherwise try to say it as a word.
function sayable(code: string): string {
  return /^\d+$/.test(code) ? groupCode(code) : spellOut(code);
}
