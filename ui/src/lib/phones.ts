// Words for the phone numbers screen. Rust parses numbers, keeps backup codes and writes the review;
// this file says it in the window's language (messages in locales/*/phones.ftl) and sorts errors to the
// fields they are about.
import type { ServiceView } from './bindings/ServiceView';
import type { PhoneKind } from './bindings/PhoneKind';
import type { PhoneStatus } from './bindings/PhoneStatus';
import type { PhoneView } from './bindings/PhoneView';
import type { ServiceRef } from './bindings/ServiceRef';
import type { Severity } from './bindings/Severity';
import type { RiskCode } from './bindings/RiskCode';
import type { RiskItem } from './bindings/RiskItem';
import { spellOutDate, spellOutDatesIn } from './dates';
import { i18n, t, type Lang } from './i18n.svelte';

/** Said next to each finding, so colour is never the only sign of how serious it is. */
const SEVERITY_MESSAGES: Record<Severity, string> = {
  urgent: 'phones-severity-urgent',
  high: 'phones-severity-high',
  medium: 'phones-severity-medium',
  low: 'phones-severity-low',
};

export function severityWords(severity: Severity): string {
  return t(SEVERITY_MESSAGES[severity]);
}

/** Short words for a row ("mobile"). */
const KIND_MESSAGES: Record<PhoneKind, string> = {
  mobile: 'phones-kind-mobile',
  landline: 'phones-kind-landline',
  voip: 'phones-kind-voip',
};

export function kindWords(kind: PhoneKind): string {
  return t(KIND_MESSAGES[kind]);
}

/** Longer words for the kind picker; a function, so the labels follow the window's language. */
export function kindOptions(): { value: PhoneKind; label: string }[] {
  return [
    { value: 'mobile', label: t('phones-kind-option-mobile') },
    { value: 'landline', label: t('phones-kind-option-landline') },
    { value: 'voip', label: t('phones-kind-option-voip') },
  ];
}

export type StatusChoice = PhoneStatus['state'];

export function statusOptions(): { value: StatusChoice; label: string }[] {
  return [
    { value: 'in_use', label: t('phones-status-option-in-use') },
    { value: 'leaving', label: t('phones-status-option-leaving') },
    { value: 'gone', label: t('phones-status-option-gone') },
  ];
}

/** The value a service-picker option has for a service that is not in Keystep's list. */
export const CUSTOM_SERVICE = 'custom';

/** "2026-12-31" -> "December 31, 2026", read as a calendar day where the person is. Other text stays as it is. */
export function isoToPlainDate(iso: string): string {
  return spellOutDate(iso);
}

/** "in use", "leaving on December 31, 2026" or "gone". */
export function statusWords(status: PhoneStatus): string {
  switch (status.state) {
    case 'in_use':
      return t('phones-status-in-use');
    case 'leaving':
      return t('phones-status-leaving', { date: isoToPlainDate(status.on) });
    case 'gone':
      return t('phones-status-gone');
  }
}

/** "Used by: Gmail, IRS" or "Used by: no services yet". */
export function usedByText(usedBy: readonly string[]): string {
  return usedBy.length > 0 ? t('phones-used-by', { services: usedBy.join(', ') }) : t('phones-used-by-none');
}

/** How a number is named next to a checkbox or in a list: "(555) 123-4567, My cell, gone". */
export function phoneName(phone: PhoneView): string {
  const parts = [phone.national, phone.label.trim()];
  if (phone.status.state !== 'in_use') parts.push(statusWords(phone.status));
  return parts.filter(Boolean).join(', ');
}

/** Backup codes are shown for services that offer them, and for any that already has some. */
export function showsBackupCodes(service: ServiceView): boolean {
  return service.factors.includes('backup_codes') || service.backupCodesTotal > 0;
}

/** "3 of 10 backup codes left", or that none are saved. */
export function backupCodesText(left: number, total: number): string {
  if (total === 0) return t('phones-backup-none');
  return t('phones-backup-left', { left, total });
}

/** A nudge when Rust says few codes are left (`backupCodesLow`); null when there is nothing to say. */
export function backupCodesWarning(
  service: Pick<ServiceView, 'backupCodesLow' | 'backupCodesLeft' | 'serviceName'>,
): string | null {
  if (!service.backupCodesLow) return null;
  if (service.backupCodesLeft === 0) return t('phones-backup-all-used', { service: service.serviceName });
  return t('phones-backup-few-left', { left: service.backupCodesLeft });
}

/** Said after a backup code is copied. */
export function backupCopiedText(clearAfterSecs: number): string {
  if (clearAfterSecs <= 0) return t('phones-backup-copied');
  return t('phones-backup-copied-clears', { seconds: clearAfterSecs });
}

/** What the add-service form sends: a service from Keystep's list, or one the person names. */
export function serviceRefOf(choice: string, name: string, domain: string): ServiceRef {
  if (choice === CUSTOM_SERVICE) return { type: 'custom', name: name.trim(), domain: domain.trim() };
  return { type: 'catalog', id: choice };
}

/** A two-letter region as Rust wants it: "us " -> "US". */
export function cleanRegion(region: string): string {
  return region.trim().toUpperCase();
}

/**
 * Verbs a catalog page title can start with and still read as what the button does, in each language.
 * The core gives the titles in the window's language; a title still in English in the Spanish window
 * gets the plain "open the page" words, which are right whatever the title says.
 */
const TITLE_VERBS: Record<Lang, ReadonlySet<string>> = {
  en: new Set(['add', 'change', 'manage', 'protect', 'recover', 'set', 'sign', 'turn', 'update', 'verify']),
  es: new Set([
    'activar', 'active', 'actualizar', 'actualice', 'administrar', 'administre', 'agregar', 'agregue', 'cambiar',
    'cambie', 'configurar', 'configure', 'iniciar', 'inicie', 'proteger', 'proteja', 'recuperar', 'recupere',
    'verificar', 'verifique',
  ]),
};

/** A title that says where to click once there: "Chase: choose Sign in", "Chase: elija Iniciar sesión". */
const WHERE_TO_CLICK: Record<Lang, RegExp> = {
  en: /^(.+?):\s*((?:choose|sign)\b.*)$/i,
  es: /^(.+?):\s*((?:elija|seleccione|inicie|haga)\b.*)$/i,
};

/**
 * The words on a review button that opens an official page, read as what the person does there:
 * "Turn on 2-Step Verification for Google", "Open Chase and choose Sign in", or for a title that is a
 * name or a question, "Open the Google page “Google Account”". The service is always named, so the
 * same button of two services never sounds the same.
 */
export function pageButtonLabel(title: string, serviceName: string): string {
  const lang = i18n.lang;
  const clean = title.trim();
  const where = WHERE_TO_CLICK[lang].exec(clean);
  if (where) {
    const then = where[2] ?? '';
    return t('phones-page-open-and', { site: where[1], then: `${then.charAt(0).toLowerCase()}${then.slice(1)}` });
  }
  const first = clean.split(/\s+/)[0]?.toLowerCase() ?? '';
  if (TITLE_VERBS[lang].has(first) && !clean.endsWith('?')) {
    return clean.toLowerCase().includes(serviceName.toLowerCase())
      ? clean
      : t('phones-page-do-for', { title: clean, service: serviceName });
  }
  return t('phones-page-open', { service: serviceName, title: clean });
}

/** A Settings button says what it is for, so two of them never sound the same. */
export function settingsButtonLabel(code: RiskCode): string {
  switch (code) {
    case 'no_recovery_password':
      return t('phones-settings-recovery-password');
    case 'no_backup_outside':
      return t('phones-settings-backup-folder');
    case 'backup_failed':
      return t('phones-settings-backup-again');
    default:
      return t('phones-settings-open');
  }
}

/** A finding's sentence with its days spelled out and its number kept on one line: the parts to show. */
export function reviewTextParts(text: string, phone: string | null): { text: string; number: boolean }[] {
  const spelled = spellOutDatesIn(text);
  if (!phone) return [{ text: spelled, number: false }];
  return spelled
    .split(phone)
    .flatMap((part, i) => (i === 0 ? [{ text: part, number: false }] : [{ text: phone, number: true }, { text: part, number: false }]))
    .filter((p) => p.text !== '');
}

/** What the review says when it has no finding: what to add first, until there is something to review. */
export function reviewEmptyText(
  phones: readonly PhoneView[],
  services: readonly Pick<ServiceView, 'codePhones' | 'recoveryPhones'>[],
): { text: string; done: boolean } {
  if (phones.length === 0) return { text: t('phones-empty-no-phones'), done: false };
  if (services.length === 0) return { text: t('phones-empty-no-services'), done: false };
  if (services.every((s) => s.codePhones.length === 0 && s.recoveryPhones.length === 0)) {
    return { text: t('phones-empty-no-ticks'), done: false };
  }
  return { text: t('phones-empty-done'), done: true };
}

/** The line at the top of the screen: how many findings, and how many to fix now. */
export function reviewSummaryText(items: readonly Pick<RiskItem, 'severity'>[]): string {
  const urgent = items.filter((i) => i.severity === 'urgent').length;
  const count = items.length;
  return urgent > 0 ? t('phones-summary-urgent', { count, urgent }) : t('phones-summary', { count });
}
