// Words for the official-site check. Rust decides every verdict and gives its kind (`verdict`, the
// service, each reason's `code`); this file says it in the window's language (locales/*/check-link.ftl).
import type { LinkCheck } from './bindings/LinkCheck';
import type { Reason } from './bindings/Reason';
import { i18n, t } from './i18n.svelte';

/**
 * The guide the link check points to when a message has no link: a call or a message that pressures
 * someone without any link is a scam too. Its id and English title are those of the bundled guide (a Rust
 * test checks they still match; a Vitest test checks the title messages against the guide in each language).
 */
export const NO_LINK_GUIDE = { id: 'is-it-the-irs', title: 'Is this message or link really from the IRS?' } as const; // i18n-ignore: checked against the guide file; the window shows check-no-link-guide-title

/** Reasons that mean the link imitates a service it does not belong to. */
const IMITATION = new Set([
  'link.lookalike',
  'link.official_name_as_subdomain',
  'link.official_name_glued',
  'link.brand_in_other_domain',
]);

/**
 * The one-line verdict shown under a link, from the verdict's kind. It says what Rust's own `summary`
 * says (word for word in English): the service is the one the link belongs to, or the one it imitates
 * when a reason says so.
 */
export function verdictSentence(check: Pick<LinkCheck, 'verdict' | 'service_name' | 'reasons' | 'summary'>): string {
  const service = check.service_name;
  switch (check.verdict) {
    case 'official':
      return service ? t('check-verdict-official', { service }) : check.summary;
    case 'not_official':
      return t('check-verdict-not-official');
    case 'suspicious':
      if (!service) return t('check-verdict-unsafe');
      return check.reasons.some((r) => IMITATION.has(r.code))
        ? t('check-verdict-imitation', { service })
        : t('check-verdict-real-but-unsafe', { service });
  }
}

/** Each reason code's message, and whether it names the service (which a result may lack). */
const REASONS: Record<string, { id: string; service: boolean }> = {
  'link.unreadable': { id: 'check-reason-unreadable', service: false },
  'link.ip_address': { id: 'check-reason-ip-address', service: false },
  'link.userinfo': { id: 'check-reason-userinfo', service: false },
  'link.international_letters': { id: 'check-reason-international-letters', service: false },
  'link.shortener': { id: 'check-reason-shortener', service: false },
  'link.not_https': { id: 'check-reason-not-https', service: true },
  'link.official_name_as_subdomain': { id: 'check-reason-subdomain', service: true },
  'link.official_name_glued': { id: 'check-reason-glued', service: true },
  'link.lookalike': { id: 'check-reason-lookalike', service: true },
  'link.brand_in_other_domain': { id: 'check-reason-brand', service: true },
};

/**
 * Why a link is suspicious. In English, Rust's own sentence: it also names what the result does not
 * carry (the exact official address imitated, the name before "@"). In other languages, the reason's
 * code in the window's words; a code the window does not know yet keeps Rust's sentence.
 */
export function reasonText(reason: Reason, check: Pick<LinkCheck, 'host' | 'registrable_domain' | 'service_name'>): string {
  const known = REASONS[reason.code];
  if (i18n.lang === 'en' || !known || (known.service && !check.service_name)) return reason.message;
  return t(known.id, {
    host: check.host,
    domain: check.registrable_domain ?? check.host,
    service: check.service_name,
  });
}

/** What the live region says after a check, such as "2 links checked: 1 warning, 1 official." */
export function checkSummary(checks: readonly Pick<LinkCheck, 'verdict'>[]): string {
  if (checks.length === 0) return t('check-no-link');
  const of = (verdict: LinkCheck['verdict']) => checks.filter((c) => c.verdict === verdict).length;
  const official = of('official');
  const notOfficial = of('not_official');
  const parts = [
    t('check-summary-warnings', { count: of('suspicious') }),
    official > 0 ? t('check-summary-official', { count: official }) : '',
    notOfficial > 0 ? t('check-summary-not-official', { count: notOfficial }) : '',
  ].filter(Boolean);
  // A list of counts, the same comma in both languages.
  return t('check-summary', { count: checks.length, details: parts.join(', ') });
}
