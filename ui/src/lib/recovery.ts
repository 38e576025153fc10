// Words for the recovery password, locking, backups and restore. Rust does the work and keeps every
// secret; this file only says it in the window's language (settings.ftl) and sorts errors to the fields
// they are about.
import type { BackupInfo } from './bindings/BackupInfo';
import type { RestoreReport } from './bindings/RestoreReport';
import type { FieldsByCode } from './fieldErrors';
import { i18n, t } from './i18n.svelte';

/** "Lock after" choices, in minutes as `set_lock_settings` takes them (0 = never). */
const LOCK_AFTER_MINUTES = [0, 1, 5, 15, 60] as const;

/** The "Lock after" choices with their names in the window's language (read in a `$derived`). */
export function lockAfterOptions(): { value: string; label: string }[] {
  return LOCK_AFTER_MINUTES.map((minutes) => ({
    value: String(minutes),
    label: minutes === 0 ? t('settings-lock-off') : t('settings-lock-minutes', { minutes }),
  }));
}

/** "May 1, 2026, 9:30 AM" in the window's language: when a backup was made. */
export function backupDateTime(ms: number): string {
  return new Intl.DateTimeFormat(i18n.locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(ms));
}

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
  const counts = { accounts: report.added, phones: report.phones, services: report.services };
  if (report.replaced) return t('settings-restore-replaced', counts);
  return t('settings-restore-merged', { ...counts, duplicates: report.duplicates });
}

/** "Keystep now locks after 5 minutes without use." and the like, once lock settings are saved. */
export function lockSettingsText(lockAfterMinutes: number, askPasswordOnOpen: boolean): string {
  const locking =
    lockAfterMinutes > 0
      ? t('settings-lock-saved-after', { minutes: lockAfterMinutes })
      : t('settings-lock-saved-never');
  const opening = askPasswordOnOpen ? t('settings-lock-saved-asks') : t('settings-lock-saved-not-asks');
  return `${locking} ${opening}`;
}

/** One automatic backup: when, how many accounts, and what opens it. */
export function backupText(backup: BackupInfo): string {
  const when = backupDateTime(backup.created * 1000);
  const accounts =
    backup.accounts === null ? t('settings-backup-from-other') : t('settings-backup-accounts', { count: backup.accounts });
  const opens = backup.sealed_by === 'password' ? t('settings-backup-opens-password') : t('settings-backup-opens-here');
  return `${when} — ${accounts} — ${opens}`;
}
