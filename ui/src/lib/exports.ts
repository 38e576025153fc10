// Words for taking codes out of Keystep. Rust writes the files and checks every password; this file
// only names the formats in the window's language (settings.ftl) and says what an export wrote.
import type { ExportFormat } from './bindings/ExportFormat';
import type { ExportReport } from './bindings/ExportReport';
import type { FieldsByCode } from './fieldErrors';
import { t } from './i18n.svelte';

export type ExportChoice = {
  value: ExportFormat;
  /** The message id of the short name, shown in bold. */
  title: string;
  /** The message id of what it is for, in a few words. */
  about: string;
  /** Whether the file is encrypted; anything else shows every secret to whoever gets it. */
  encrypted: boolean;
};

/** The formats, in the order they are offered: the safe ones first. */
export const EXPORT_CHOICES: readonly ExportChoice[] = [
  {
    value: 'keystep',
    title: 'settings-export-keystep',
    about: 'settings-export-keystep-about',
    encrypted: true,
  },
  {
    value: 'aegis-encrypted',
    title: 'settings-export-aegis-encrypted',
    about: 'settings-export-aegis-encrypted-about',
    encrypted: true,
  },
  {
    value: 'google-qr',
    title: 'settings-export-google-qr',
    about: 'settings-export-google-qr-about',
    encrypted: false,
  },
  {
    value: 'aegis',
    title: 'settings-export-aegis',
    about: 'settings-export-aegis-about',
    encrypted: false,
  },
  {
    value: 'otpauth',
    title: 'settings-export-otpauth',
    about: 'settings-export-otpauth-about',
    encrypted: false,
  },
];

export function exportChoice(format: ExportFormat): ExportChoice {
  const found = EXPORT_CHOICES.find((c) => c.value === format);
  if (!found) throw new Error(`No export choice for ${format}`);
  return found;
}

/** The password a new encrypted file gets is empty; the window says so before anything goes to Rust. */
export const NO_FILE_PASSWORD = 'export.no_file_password';
/** The two new passwords differ. */
export const FILE_PASSWORD_MISMATCH = 'export.mismatch';
/** An export that is not encrypted, and the recovery password was not typed (Rust's code too). */
export const RECOVERY_PASSWORD_NEEDED = 'export.password_needed';
/** A Keystep backup needs a recovery password, and none is set (Rust's code too). */
export const NO_RECOVERY_PASSWORD = 'password.none';

/** Where an export's refusals go: next to a field, or (any other code) above the form. */
export const EXPORT_FIELDS: FieldsByCode = {
  [NO_FILE_PASSWORD]: 'password',
  'input.bad_password': 'password',
  [FILE_PASSWORD_MISMATCH]: 'again',
  [RECOVERY_PASSWORD_NEEDED]: 'recovery',
  'vault.wrong_password': 'recovery',
  'password.current_needed': 'recovery',
};

/** The warning before an export that is not encrypted. */
export function notEncryptedWarning(format: ExportFormat): string {
  return format === 'google-qr' ? t('settings-export-warning-pictures') : t('settings-export-warning-file');
}

/** The first line of the result: how many accounts, and in how many pictures. */
export function exportedText(report: ExportReport): string {
  if (report.format === 'google-qr') {
    return t('settings-export-done-pictures', { accounts: report.exported, pictures: report.files.length });
  }
  return t('settings-export-done', { accounts: report.exported });
}

/** What to do with the file next. */
export function nextStepText(format: ExportFormat): string {
  switch (format) {
    case 'keystep':
      return t('settings-export-next-keystep');
    case 'aegis-encrypted':
      return t('settings-export-next-aegis-encrypted');
    case 'google-qr':
      return t('settings-export-next-google-qr');
    case 'aegis':
    case 'otpauth':
      return t('settings-export-next-other-app');
  }
}

/** The reminder after an export that is not encrypted. */
export function deleteReminder(format: ExportFormat): string {
  return format === 'google-qr' ? t('settings-export-delete-pictures') : t('settings-export-delete-file');
}
