// Words for taking codes out of Keystep. Rust writes the files and checks every password; this file
// only names the formats in plain English and says what an export wrote.
import type { ExportFormat } from './bindings/ExportFormat';
import type { ExportReport } from './bindings/ExportReport';
import type { FieldsByCode } from './fieldErrors';
import { count } from './format';

export type ExportChoice = {
  value: ExportFormat;
  /** The short name, shown in bold. */
  title: string;
  /** What it is for, in a few words. */
  about: string;
  /** Whether the file is encrypted; anything else shows every secret to whoever gets it. */
  encrypted: boolean;
};

/** The formats, in the order they are offered: the safe ones first. */
export const EXPORT_CHOICES: readonly ExportChoice[] = [
  {
    value: 'keystep',
    title: 'Keystep backup',
    about: 'to restore Keystep on another computer (encrypted)',
    encrypted: true,
  },
  {
    value: 'aegis-encrypted',
    title: 'Aegis, with a password',
    about: 'to use your codes on an Android phone (encrypted)',
    encrypted: true,
  },
  {
    value: 'google-qr',
    title: 'Google Authenticator QR codes',
    about: 'pictures to scan with a phone (not encrypted)',
    encrypted: false,
  },
  {
    value: 'aegis',
    title: 'Aegis, not encrypted',
    about: 'for apps that read Aegis files but not their passwords',
    encrypted: false,
  },
  {
    value: 'otpauth',
    title: 'List of setup links, not encrypted',
    about: 'a text file with one otpauth:// link for each account',
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
  return format === 'google-qr'
    ? 'These pictures are not encrypted. Anyone who gets them can make all your codes. Delete them after you use them.'
    : 'This file is not encrypted. Anyone who gets it can make all your codes. Delete it after you use it.';
}

/** The first line of the result: how many accounts, and in how many pictures. */
export function exportedText(report: ExportReport): string {
  const accounts = count(report.exported, 'account', 'accounts');
  if (report.format === 'google-qr') {
    return `Exported ${accounts} in ${count(report.files.length, 'QR picture', 'QR pictures')}.`;
  }
  return `Exported ${accounts}.`;
}

/** What to do with the file next. */
export function nextStepText(format: ExportFormat): string {
  switch (format) {
    case 'keystep':
      return 'On the other computer, choose Restore from a backup in Keystep, and type your recovery password.';
    case 'aegis-encrypted':
      return 'Import this file in Aegis on your phone. Aegis asks for the password you chose for it.';
    case 'google-qr':
      return 'In Google Authenticator on your phone, choose Transfer accounts, then Import accounts, and scan each picture.';
    case 'aegis':
    case 'otpauth':
      return 'Import this file in your other app.';
  }
}

/** The reminder after an export that is not encrypted. */
export function deleteReminder(format: ExportFormat): string {
  return format === 'google-qr'
    ? 'These pictures are not encrypted. Delete them after you use them.'
    : 'This file is not encrypted. Delete it after you use it.';
}
