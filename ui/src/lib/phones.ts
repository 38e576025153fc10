// Words for the phone numbers screen. Rust parses numbers, keeps backup codes and writes the review;
// this file only says it in English and sorts errors to the fields they are about.
import type { ServiceView } from './bindings/ServiceView';
import type { PhoneKind } from './bindings/PhoneKind';
import type { PhoneStatus } from './bindings/PhoneStatus';
import type { PhoneView } from './bindings/PhoneView';
import type { ServiceRef } from './bindings/ServiceRef';
import type { Severity } from './bindings/Severity';
import type { RiskCode } from './bindings/RiskCode';
import type { RiskItem } from './bindings/RiskItem';
import { spellOutDate, spellOutDatesIn } from './dates';

/** Said next to each finding, so colour is never the only sign of how serious it is. */
export const SEVERITY_WORDS: Record<Severity, string> = {
  urgent: 'Fix now',
  high: 'Important',
  medium: 'Worth doing',
  low: 'Tip',
};

/** Short words for a row ("mobile"). */
export const KIND_WORDS: Record<PhoneKind, string> = {
  mobile: 'mobile',
  landline: 'landline',
  voip: 'internet number',
};

/** Longer words for the kind picker. */
export const KIND_OPTIONS: readonly { value: PhoneKind; label: string }[] = [
  { value: 'mobile', label: 'Mobile phone' },
  { value: 'landline', label: 'Landline (home or work phone)' },
  { value: 'voip', label: 'Internet number (such as Google Voice)' },
];

export type StatusChoice = PhoneStatus['state'];

export const STATUS_OPTIONS: readonly { value: StatusChoice; label: string }[] = [
  { value: 'in_use', label: 'In use' },
  { value: 'leaving', label: 'Leaving on a date' },
  { value: 'gone', label: 'Gone (I no longer have it)' },
];

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
      return 'in use';
    case 'leaving':
      return `leaving on ${isoToPlainDate(status.on)}`;
    case 'gone':
      return 'gone';
  }
}

/** "Used by: Gmail, IRS" or "Used by: no services yet". */
export function usedByText(usedBy: readonly string[]): string {
  return `Used by: ${usedBy.length > 0 ? usedBy.join(', ') : 'no services yet'}`;
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
  if (total === 0) return 'No backup codes saved yet.';
  return `${left} of ${total} backup ${total === 1 ? 'code' : 'codes'} left`;
}

/** A nudge when Rust says few codes are left (`backupCodesLow`); null when there is nothing to say. */
export function backupCodesWarning(
  service: Pick<ServiceView, 'backupCodesLow' | 'backupCodesLeft' | 'serviceName'>,
): string | null {
  if (!service.backupCodesLow) return null;
  if (service.backupCodesLeft === 0) return `All used. Make new ones on ${service.serviceName} and paste them here.`;
  return `Only ${service.backupCodesLeft} left. Make new ones soon.`;
}

/** Said after a backup code is copied. */
export function backupCopiedText(clearAfterSecs: number): string {
  if (clearAfterSecs <= 0) return 'Copied. It is marked as used.';
  const when = clearAfterSecs === 1 ? '1 second' : `${clearAfterSecs} seconds`;
  return `Copied. It is marked as used. Keystep clears the clipboard in ${when}.`;
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

/** Verbs a catalog page title can start with and still read as what the button does. */
const TITLE_VERBS = new Set(['add', 'change', 'manage', 'protect', 'recover', 'set', 'sign', 'turn', 'update', 'verify']);

/**
 * The words on a review button that opens an official page, read as what the person does there:
 * "Turn on 2-Step Verification for Google", "Open Chase and choose Sign in", or for a title that is a
 * name or a question, "Open the Google page “Google Account”". The service is always named, so the
 * same button of two services never sounds the same.
 */
export function pageButtonLabel(title: string, serviceName: string): string {
  const clean = title.trim();
  const choose = /^(.+?):\s*((?:choose|sign)\b.*)$/i.exec(clean);
  if (choose) return `Open ${choose[1]} and ${choose[2]!.charAt(0).toLowerCase()}${choose[2]!.slice(1)}`;
  const first = clean.split(/\s+/)[0]?.toLowerCase() ?? '';
  if (TITLE_VERBS.has(first) && !clean.endsWith('?')) {
    return clean.toLowerCase().includes(serviceName.toLowerCase()) ? clean : `${clean} for ${serviceName}`;
  }
  return `Open the ${serviceName} page “${clean}”`;
}

/** A Settings button says what it is for, so two of them never sound the same. */
export function settingsButtonLabel(code: RiskCode): string {
  switch (code) {
    case 'no_recovery_password':
      return 'Open Settings to set a recovery password';
    case 'no_backup_outside':
      return 'Open Settings to choose a backup folder';
    case 'backup_failed':
      return 'Open Settings to try the backup again';
    default:
      return 'Open Settings';
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
  if (phones.length === 0) {
    return {
      text: 'Start by adding the phone number you have now, under “Your numbers”. Then add the services that send you codes.',
      done: false,
    };
  }
  if (services.length === 0) {
    return { text: 'Next, add a service that sends you sign-in codes, under “Your services”, such as your bank or email.', done: false };
  }
  if (services.every((s) => s.codePhones.length === 0 && s.recoveryPhones.length === 0)) {
    return { text: 'Next, tick the numbers each of your services uses, and press Save.', done: false };
  }
  return { text: 'Nothing to fix right now.', done: true };
}

/** The line at the top of the screen: how many findings, and how many to fix now. */
export function reviewSummaryText(items: readonly Pick<RiskItem, 'severity'>[]): string {
  const urgent = items.filter((i) => i.severity === 'urgent').length;
  const count = items.length === 1 ? '1 thing could lock you out' : `${items.length} things could lock you out`;
  return urgent > 0 ? `${count}, ${urgent} of them to fix now.` : `${count}.`;
}
