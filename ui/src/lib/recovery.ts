// Words for the recovery password, locking, backups and restore. Rust does the work and keeps every
// secret; this file only says it in English and sorts errors to the fields they are about.
import type { BackupInfo } from './bindings/BackupInfo';
import type { RestoreReport } from './bindings/RestoreReport';
import type { FieldsByCode } from './fieldErrors';
import { count } from './format';
import { plainDateTime } from './guides';

/** "Lock after" choices, in minutes as `set_lock_settings` takes them (0 = never). */
export const LOCK_AFTER_OPTIONS: readonly { value: string; label: string }[] = [
  { value: '0', label: 'Off' },
  { value: '1', label: '1 minute' },
  { value: '5', label: '5 minutes' },
  { value: '15', label: '15 minutes' },
  { value: '60', label: '60 minutes' },
];

/** Where a restore's refusals go: next to the file, next to the password, or (any other code) above the form. */
export const RESTORE_FIELDS: FieldsByCode = {
  'restore.no_file': 'file',
  'vault.wrong_password': 'password',
  'input.bad_password': 'password',
  'password.current_needed': 'password',
  'vault.corrupt': 'file',
  'vault.too_new': 'file',
  'vault.wrong_key': 'file',
  'vault.io': 'file',
  'file.not_regular': 'file',
  'file.too_large': 'file',
  'file.not_text': 'file',
  'file.unreadable': 'file',
};

/** The person closed a file or folder chooser: nothing to say. */
export const NOTHING_CHOSEN = 'app.nothing_chosen';

/** The last part of a path ("/media/usb/keystep-2026-05-01.ksv" -> "keystep-2026-05-01.ksv"). */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

/** What a restore brought back, in one plain sentence. */
export function restoreReportText(report: RestoreReport): string {
  if (report.replaced) {
    return `Replaced everything with the backup: ${count(report.added, 'account', 'accounts')}, ${count(report.phones, 'phone number', 'phone numbers')}, ${count(report.services, 'service', 'services')}. What was here before is kept as a backup.`;
  }
  return `Restored: ${count(report.added, 'account', 'accounts')} added, ${report.duplicates} already here, ${count(report.phones, 'phone number', 'phone numbers')}, ${count(report.services, 'service', 'services')}.`;
}

/** "Keystep now locks after 5 minutes without use." and the like, once lock settings are saved. */
export function lockSettingsText(lockAfterMinutes: number, askPasswordOnOpen: boolean): string {
  const locking =
    lockAfterMinutes > 0
      ? `Keystep now locks after ${count(lockAfterMinutes, 'minute', 'minutes')} without use.`
      : 'Keystep does not lock by itself.';
  const opening = askPasswordOnOpen
    ? 'It asks for your password when it opens.'
    : 'It does not ask for your password when it opens.';
  return `${locking} ${opening}`;
}

/** One automatic backup: when, how many accounts, and what opens it. */
export function backupText(backup: BackupInfo): string {
  const when = plainDateTime(backup.created * 1000);
  const accounts = backup.accounts === null ? 'from another Keystep' : count(backup.accounts, 'account', 'accounts');
  const opens = backup.sealed_by === 'password' ? 'opens with your password' : 'opens only on this computer';
  return `${when} — ${accounts} — ${opens}`;
}
