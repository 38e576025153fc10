/**
 * An error from Rust in the window's language. Every ErrorDto has a stable `code`; its message is
 * `error-` + the code with `.` and `_` as `-` in locales/{lang}/errors.ftl, filled with the error's
 * `args` (names, counts, file names: never a secret) and, for `input.bad_*`, its `reason` (which
 * sentence). The English messages say exactly what the core says (a Rust test checks it), so the core's
 * own `message` is only the fallback for a code this window does not know yet.
 */

import type { ErrorDto } from './bindings/ErrorDto';
import { tIfComplete, type MessageArgs } from './i18n.svelte';

/**
 * The message of each error code, written out whole so that the message files' key check finds them
 * (ui/tests/errors.test.ts checks this list against the codes the core exports).
 */
export const ERROR_MESSAGE_IDS: Readonly<Record<string, string>> = {
  'account.ambiguous': 'error-account-ambiguous',
  'account.duplicate': 'error-account-duplicate',
  'account.no_code_yet': 'error-account-no-code-yet',
  'account.not_found': 'error-account-not-found',
  'account.wrong_kind': 'error-account-wrong-kind',
  'app.nothing_chosen': 'error-app-nothing-chosen',
  'app.open_failed': 'error-app-open-failed',
  'app.unexpected': 'error-app-unexpected',
  'backup.none': 'error-backup-none',
  'backup_codes.fewer': 'error-backup-codes-fewer',
  'clipboard.failed': 'error-clipboard-failed',
  'clock.bad_answer': 'error-clock-bad-answer',
  'clock.disagree': 'error-clock-disagree',
  'clock.no_answer': 'error-clock-no-answer',
  'export.nothing_for_google': 'error-export-nothing-for-google',
  'export.password_needed': 'error-export-password-needed',
  'file.not_regular': 'error-file-not-regular',
  'file.not_text': 'error-file-not-text',
  'file.too_large': 'error-file-too-large',
  'file.unreadable': 'error-file-unreadable',
  'guide.bad_answer': 'error-guide-bad-answer',
  'guide.not_found': 'error-guide-not-found',
  'guide.run_not_found': 'error-guide-run-not-found',
  'import.damaged': 'error-import-damaged',
  'import.image_refused': 'error-import-image-refused',
  'import.no_picture': 'error-import-no-picture',
  'import.no_qr': 'error-import-no-qr',
  'import.nothing_pending': 'error-import-nothing-pending',
  'import.password_needed': 'error-import-password-needed',
  'import.screen_capture': 'error-import-screen-capture',
  'import.unknown_format': 'error-import-unknown-format',
  'import.wrong_password': 'error-import-wrong-password',
  'input.bad_algorithm': 'error-input-bad-algorithm',
  'input.bad_backup_codes': 'error-input-bad-backup-codes',
  'input.bad_counter': 'error-input-bad-counter',
  'input.bad_date': 'error-input-bad-date',
  'input.bad_digits': 'error-input-bad-digits',
  'input.bad_domain': 'error-input-bad-domain',
  'input.bad_format': 'error-input-bad-format',
  'input.bad_issuer': 'error-input-bad-issuer',
  'input.bad_kind': 'error-input-bad-kind',
  'input.bad_label': 'error-input-bad-label',
  'input.bad_lock_after': 'error-input-bad-lock-after',
  'input.bad_name': 'error-input-bad-name',
  'input.bad_password': 'error-input-bad-password',
  'input.bad_period': 'error-input-bad-period',
  'input.bad_phone': 'error-input-bad-phone',
  'input.bad_region': 'error-input-bad-region',
  'input.bad_secret': 'error-input-bad-secret',
  'input.bad_server': 'error-input-bad-server',
  'input.bad_uri': 'error-input-bad-uri',
  'keychain.denied': 'error-keychain-denied',
  'keychain.failed': 'error-keychain-failed',
  'keychain.key_missing': 'error-keychain-key-missing',
  'keychain.locked': 'error-keychain-locked',
  'keychain.no_service': 'error-keychain-no-service',
  'keychain.timeout': 'error-keychain-timeout',
  'link.none_found': 'error-link-none-found',
  'link.not_official': 'error-link-not-official',
  'password.current_needed': 'error-password-current-needed',
  'password.none': 'error-password-none',
  'phone.duplicate': 'error-phone-duplicate',
  'phone.not_found': 'error-phone-not-found',
  'service.duplicate': 'error-service-duplicate',
  'service.not_found': 'error-service-not-found',
  'system.random': 'error-system-random',
  'vault.corrupt': 'error-vault-corrupt',
  'vault.encode': 'error-vault-encode',
  'vault.io': 'error-vault-io',
  'vault.link_broken': 'error-vault-link-broken',
  'vault.lock_is_link': 'error-vault-lock-is-link',
  'vault.locked': 'error-vault-locked',
  'vault.no_data_dir': 'error-vault-no-data-dir',
  'vault.none': 'error-vault-none',
  'vault.not_open': 'error-vault-not-open',
  'vault.password_needed': 'error-vault-password-needed',
  'vault.too_new': 'error-vault-too-new',
  'vault.wrong_key': 'error-vault-wrong-key',
  'vault.wrong_password': 'error-vault-wrong-password',
};

/** The message id of an error code, if the window has one. */
export function errorMessageId(code: string): string | undefined {
  return Object.hasOwn(ERROR_MESSAGE_IDS, code) ? ERROR_MESSAGE_IDS[code] : undefined;
}

/** What an error says, in the window's language (the core's English text for a code not known here). */
export function errorText(error: ErrorDto): string {
  const id = errorMessageId(error.code);
  if (!id) return error.message;
  const args: MessageArgs = { ...(error.args ?? {}) };
  if (error.reason) args.reason = error.reason;
  // A message needing a value the error did not bring would show a gap: the core's own words instead.
  return tIfComplete(id, args) ?? error.message;
}
