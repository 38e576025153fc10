// Words for the official-site check. Rust decides every verdict; this file only says it in English.
import type { LinkCheck } from './bindings/LinkCheck';

/** When a guide step's "Check this address" found no address on the clipboard. */
export const NOTHING_COPIED =
  'No address was copied. In your browser, click the address bar and press Ctrl+C (on a Mac, Command+C). Then paste it here.';
export const NO_LINK_FOUND =
  'No link found. Paste the whole address, such as https://www.irs.gov, or the message that contains it.';

/**
 * The guide the link check points to when a message has no link: a call or a message that pressures
 * someone without any link is a scam too. Its id and title are those of the bundled guide (a Rust test
 * checks they still match).
 */
export const NO_LINK_GUIDE = { id: 'is-it-the-irs', title: 'Is this message or link really from the IRS?' } as const;
export const NO_LINK_SCAM_NOTE =
  'A message or a phone call can be a scam even without a link: for example, someone who says you must pay right now, threatens arrest, or asks for a sign-in code. If that is what you got, take your time and check it first.';

export const SUSPICIOUS_ADVICE = 'Do not open it or reply. If you are worried, go to the official site yourself.';

/** The one-line verdict shown under a link: Rust's own sentence, so every front end says the same. */
export function verdictSentence(check: Pick<LinkCheck, 'summary'>): string {
  return check.summary;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What the live region says after a check, such as "2 links checked: 1 warning, 1 official." */
export function checkSummary(checks: readonly Pick<LinkCheck, 'verdict'>[]): string {
  if (checks.length === 0) return NO_LINK_FOUND;
  const of = (verdict: LinkCheck['verdict']) => checks.filter((c) => c.verdict === verdict).length;
  const warnings = of('suspicious');
  const official = of('official');
  const notOfficial = of('not_official');
  const parts = [
    warnings > 0 ? count(warnings, 'warning', 'warnings') : 'no warnings',
    official > 0 ? `${official} official` : '',
    notOfficial > 0 ? `${notOfficial} not official` : '',
  ].filter(Boolean);
  return `${count(checks.length, 'link', 'links')} checked: ${parts.join(', ')}.`;
}
