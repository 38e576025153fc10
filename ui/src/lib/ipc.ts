// The only door to the Rust side: every command goes through here so that
// names, argument shapes and error handling live in one place. Write each
// command's name and arguments out literally (`call<T>('name', { arg })`):
// src-tauri/tests/contract.rs checks them against the Rust commands, build.rs
// and capabilities/main.json.
import { invoke } from '@tauri-apps/api/core';
import { errorText } from './errors';
import { t } from './i18n.svelte';
import type { AccountView } from './bindings/AccountView';
import type { BackupCodeHint } from './bindings/BackupCodeHint';
import type { CatalogServiceView } from './bindings/CatalogServiceView';
import type { CodeView } from './bindings/CodeView';
import type { CopyInfo } from './bindings/CopyInfo';
import type { ErrorDto } from './bindings/ErrorDto';
import type { GuideList } from './bindings/GuideList';
import type { Lang } from './bindings/Lang';
import type { LinkCheck } from './bindings/LinkCheck';
import type { ServiceView } from './bindings/ServiceView';
import type { NewAccount } from './bindings/NewAccount';
import type { OpenInfo } from './bindings/OpenInfo';
import type { PhoneKind } from './bindings/PhoneKind';
import type { PhoneStatus } from './bindings/PhoneStatus';
import type { PhoneView } from './bindings/PhoneView';
import type { RiskItem } from './bindings/RiskItem';
import type { RunView } from './bindings/RunView';
import type { ServiceRef } from './bindings/ServiceRef';
import type { RecoveryStatus } from './bindings/RecoveryStatus';
import type { RestoreReport } from './bindings/RestoreReport';
import type { RecoverReport } from './bindings/RecoverReport';
import type { SealedBy } from './bindings/SealedBy';
import type { ImportPreview } from './bindings/ImportPreview';
import type { ExportFormat } from './bindings/ExportFormat';
import type { ExportReport } from './bindings/ExportReport';
import type { ExportSkip } from './bindings/ExportSkip';
import type { ClockStatus } from './bindings/ClockStatus';

/**
 * The plain fallback error. Its message is read each time it is shown (a getter), so it is in the
 * window's language then, and changes with it where it is shown as is.
 */
export const UNEXPECTED_ERROR: ErrorDto = Object.freeze({
  code: 'app.unexpected',
  get message() {
    return t('common-error-unexpected');
  },
});

/** Only text and number values: what a message may show (anything else is dropped, never shown). */
function argsOf(value: unknown): Record<string, string | number> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const args: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(value)) {
    if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) args[name] = v;
  }
  return Object.keys(args).length > 0 ? args : undefined;
}

/**
 * Anything a command rejected with, as an ErrorDto the screens can show, its message in the window's
 * language (errors.ts: `error-` + the code with `.` and `_` as `-`, in locales/{lang}/errors.ftl, filled
 * with `args`, the message's named values, and `reason`, why an input was refused; both are kept).
 */
export function toErrorDto(value: unknown): ErrorDto {
  // Screens often pass on what call() already made: it is said once, not translated a second time
  // (the window's own fallback shares its code with Rust's, not its words).
  if (typeof value === 'object' && value !== null && made.has(value)) return value as ErrorDto;
  if (typeof value === 'object' && value !== null) {
    const { code, message, detail, args, reason } = value as Record<string, unknown>;
    if (typeof code === 'string' && typeof message === 'string') {
      const dto: ErrorDto = { code, message };
      if (typeof detail === 'string') dto.detail = detail;
      const kept = argsOf(args);
      if (kept) dto.args = kept;
      if (typeof reason === 'string') dto.reason = reason;
      // Said in the window's language from here on; the core's English is the fallback.
      dto.message = errorText(dto);
      made.add(dto);
      return dto;
    }
  }
  // Strings, Error objects and the like come from the bridge, not from Keystep:
  // their text is not written for people, so show the plain fallback.
  const fallback = { ...UNEXPECTED_ERROR };
  made.add(fallback);
  return fallback;
}

/** The errors toErrorDto made, and the window's own (see there and `windowError`). */
const made = new WeakSet<object>();

/**
 * An error the window found itself (a field left empty), already in the window's language. It may share
 * a code with Rust's, to be placed the same way, but keeps its own words.
 */
export function windowError(code: string, message: string): ErrorDto {
  const dto: ErrorDto = { code, message };
  made.add(dto);
  return dto;
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toErrorDto(e);
  }
}

export const openVault = () => call<OpenInfo>('open_vault');
/**
 * The window's language. Rust keeps it for the session and writes its own text (service notes, the
 * review, the change-number checklist) in it, also for codes opened later. Nothing is stored.
 */
export const setLanguage = (lang: Lang) => call<null>('set_language', { lang });
export const listAccounts = () => call<AccountView[]>('list_accounts');
export const getCodes = () => call<CodeView[]>('get_codes');
export const addAccountUri = (uri: string) => call<AccountView>('add_account_uri', { uri });
export const addAccount = (account: NewAccount) => call<AccountView>('add_account', { account });
export const renameAccount = (id: string, issuer: string, name: string) =>
  call<AccountView>('rename_account', { id, issuer, name });
export const deleteAccount = (id: string) => call<AccountView>('delete_account', { id });
export const nextHotpCode = (id: string) => call<CodeView>('next_hotp_code', { id });
export const copyCode = (id: string) => call<CopyInfo>('copy_code', { id });
export const firstCodePainted = () => call<null>('first_code_painted');
/** Whether each link in a URL or a pasted message goes to an official site. Only reads; never opens a link. */
export const checkLinks = (text: string) => call<LinkCheck[]>('check_links', { text });
/** The addresses in the text on the clipboard (only those: Rust never hands over the rest of it). */
export const clipboardLinks = () => call<string[]>('clipboard_links');

// Guided sign-in: Rust keeps every run and decides every step; the window only shows the RunView it gets back.
export const listGuides = () => call<GuideList>('list_guides');
/** Continues the open run of the guide, or starts one. */
export const openGuide = (guideId: string) => call<RunView>('open_guide', { guideId });
/** Starts the guide over; the old run is kept as stopped. */
export const restartGuide = (guideId: string) => call<RunView>('restart_guide', { guideId });
export const getRun = (runId: string) => call<RunView>('get_run', { runId });
/** "Done, next step". */
export const runNext = (runId: string) => call<RunView>('run_next', { runId });
/** `goto` is one of the current step's answers, verbatim. */
export const runAnswer = (runId: string, goto: string) => call<RunView>('run_answer', { runId, goto });
/** Starts the current step's countdown; its end time is kept by Rust. */
export const runStartWait = (runId: string) => call<RunView>('run_start_wait', { runId });
/** "Previous step": back to where the person was before the last move. */
export const runBack = (runId: string) => call<RunView>('run_back', { runId });
/** Out of the help branch, back to the step it was entered from. */
export const runLeaveBranch = (runId: string) => call<RunView>('run_leave_branch', { runId });
/** Rust opens the page in the browser after its official-site check: the window never handles the address. */
export const openOfficialPage = (service: string, page: string) => call<null>('open_official_page', { service, page });
/** Copies an official page's address (by ids, like opening it), for typing into a browser by hand. */
export const copyOfficialAddress = (service: string, page: string) =>
  call<null>('copy_official_address', { service, page });


// Phone numbers and services: Rust parses numbers, keeps backup codes and writes the review.
/** The two-letter region numbers are read in by default, such as "US". */
export const phoneRegion = () => call<string>('phone_region');
export const listPhones = () => call<PhoneView[]>('list_phones');
/** `number` as typed; it is read in `region` unless it starts with +. */
export const addPhone = (number: string, region: string, label: string, kind: PhoneKind) =>
  call<PhoneView>('add_phone', { number, region, label, kind });
export const editPhone = (id: string, label: string, kind: PhoneKind, status: PhoneStatus) =>
  call<PhoneView>('edit_phone', { id, label, kind, status });
export const removePhone = (id: string) => call<PhoneView>('remove_phone', { id });
export const catalogList = () => call<CatalogServiceView[]>('catalog_list');
export const listServices = () => call<ServiceView[]>('list_services');
export const addService = (service: ServiceRef) => call<ServiceView>('add_service', { service });
/** Phones are ids; `keystepAccount` is set only after the person picked it. */
export const updateService = (
  id: string,
  codePhones: string[],
  recoveryPhones: string[],
  keystepAccount: string | null,
  securityKey: boolean,
) => call<ServiceView>('update_service', { id, codePhones, recoveryPhones, keystepAccount, securityKey });
export const removeService = (id: string) => call<ServiceView>('remove_service', { id });
/** Keystep code accounts that look like this service: suggestions only, nothing is linked. */
export const suggestCodeAccounts = (id: string) => call<AccountView[]>('suggest_code_accounts', { id });
/**
 * Backup codes only travel inward: pasted here, one per line; they are never sent back. Fewer codes than
 * are saved replace them only with `replaceFewer`, once the person confirmed it; without it Rust refuses
 * with `backup_codes.fewer` and changes nothing.
 */
export const setBackupCodes = (id: string, codes: string, replaceFewer = false) =>
  call<ServiceView>('set_backup_codes', { id, codes, replaceFewer });
/** Removes every backup code of a service (after the person confirmed it). */
export const clearBackupCodes = (id: string) => call<ServiceView>('clear_backup_codes', { id });
/** Rust copies the next unused backup code to the clipboard and marks it used. */
export const copyBackupCode = (id: string) => call<CopyInfo>('copy_backup_code', { id });
/** The backup codes as hints (last two characters) and whether each is used. */
export const backupCodeHints = (id: string) => call<BackupCodeHint[]>('backup_code_hints', { id });
export const markBackupCode = (id: string, index: number, used: boolean) =>
  call<ServiceView>('mark_backup_code', { id, index, used });
/** What could lock the person out, most serious first. */
export const reviewRisks = () => call<RiskItem[]>('review_risks');
/** Makes the change-number checklist and answers with its run (a guide run). `date` is YYYY-MM-DD. */
export const planNumberChange = (from: string, to: string, date: string | null, region: string) =>
  call<RunView>('plan_number_change', { from, to, date, region });

// Never losing access: the recovery password, locking, backups and restore. Passwords only travel
// inward (typed here); nothing secret comes back.
/** "I'm new to Keystep": makes the vault (after open_vault said `vault.none`). */
export const createVault = () => call<OpenInfo>('create_vault');
/** Opens the codes with the recovery password (after `vault.locked` or `vault.password_needed`). */
export const unlock = (password: string) => call<OpenInfo>('unlock', { password });
/** Locks Keystep: Rust drops the open codes and the key from memory. */
export const lock = () => call<null>('lock');
export const recoveryStatus = () => call<RecoveryStatus>('recovery_status');
/** Sets or changes the recovery password; `currentPassword` is needed when one is set. */
export const setPassword = (newPassword: string, currentPassword: string | null) =>
  call<RecoveryStatus>('set_password', { newPassword, currentPassword });
export const removePassword = (currentPassword: string) =>
  call<RecoveryStatus>('remove_password', { currentPassword });
/** `lockAfterMinutes`: 0 (never), 1, 5, 15 or 60. */
export const setLockSettings = (lockAfterMinutes: number, askPasswordOnOpen: boolean) =>
  call<RecoveryStatus>('set_lock_settings', { lockAfterMinutes, askPasswordOnOpen });
/** Opens the system's folder chooser; rejects with `app.nothing_chosen` when the person cancels. */
export const chooseBackupFolder = () => call<RecoveryStatus>('choose_backup_folder');
export const turnOffBackupFolder = () => call<RecoveryStatus>('turn_off_backup_folder');
/** Writes a backup to the backup folder now ("Try again" after a failed backup). */
export const retryBackup = () => call<RecoveryStatus>('retry_backup');
/** Puts the vault key back into this computer's keychain (after opening with the password). */
export const putKeyInKeychain = () => call<RecoveryStatus>('put_key_in_keychain');
/** Opens the system's file chooser for a backup file; the path, or `app.nothing_chosen`. */
export const chooseBackupFile = () => call<string>('choose_backup_file');
/**
 * Restores the backup at `path` with its password: into a computer with no codes yet it makes the vault
 * (and opens it); otherwise it merges, or with `replace` replaces everything after keeping a backup.
 */
export const restoreBackup = (path: string, password: string, replace: boolean) =>
  call<RestoreReport>('restore_backup', { path, password, replace });
/** How the newest automatic backup opens (`password` or `keychain`); rejects with `backup.none`. */
export const newestBackupSealedBy = () => call<SealedBy>('newest_backup_sealed_by');
/**
 * The vault file is damaged: Rust keeps it aside (never deleted) and opens the newest backup that opens.
 * `password` is empty for a backup sealed by this computer's keychain.
 */
export const recoverFromBackup = (password: string) => call<RecoverReport>('recover_from_backup', { password });

// Bringing codes in: what was read stays in Rust until import_confirm; the
// window gets the preview (names and kinds, never a secret).
export const chooseImportFile = () => call<string>('choose_import_file');
// `more`: add these QR codes to the ones read before (the next QR code of a
// Google Authenticator export), instead of starting again.
export const importPreviewFile = (path: string, password: string | null, more: boolean) =>
  call<ImportPreview>('import_preview_file', { path, password, more });
export const importScanScreen = (more: boolean) => call<ImportPreview>('import_scan_screen', { more });
export const importPasteImage = (more: boolean) => call<ImportPreview>('import_paste_image', { more });
export const importConfirm = () => call<ImportPreview>('import_confirm');
export const importCancel = () => call<void>('import_cancel');
export const chooseExportPath = (format: ExportFormat) => call<string>('choose_export_path', { format });
export const exportCodes = (format: ExportFormat, path: string, password: string | null) =>
  call<ExportReport>('export_codes', { format, path, password });
// QR codes of secrets are drawn by Rust in a window of their own, never in the
// page: these only ask for them to be shown.
export const showAccountQr = (id: string, password: string | null) => call<void>('show_account_qr', { id, password });
export const showGoogleExportQr = (password: string | null) => call<ExportSkip[]>('show_google_export_qr', { password });
// A file dropped on the window waits in Rust; this takes its path (not a secret).
export const takeDroppedFile = () => call<string>('take_dropped_file');

// The clock check: the page learns the correction its countdowns use, never
// anything secret. Rust tells the page when a check ends ('keystep:clock').
export const clockStatus = () => call<ClockStatus>('clock_status');
export const checkClockNow = () => call<ClockStatus>('check_clock_now');
export const setClockSettings = (check: boolean, servers: string[]) =>
  call<ClockStatus>('set_clock_settings', { check, servers });
