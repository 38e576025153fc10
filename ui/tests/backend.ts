// An in-memory stand-in for the Rust side, wired in through Tauri's mockIPC.
import { mockIPC } from '@tauri-apps/api/mocks';
import type { AccountView } from '../src/lib/bindings/AccountView';
import type { ClockStatus } from '../src/lib/bindings/ClockStatus';
import type { CodeView } from '../src/lib/bindings/CodeView';
import type { OpenInfo } from '../src/lib/bindings/OpenInfo';
import type { RecoveryStatus } from '../src/lib/bindings/RecoveryStatus';
import type { RestoreReport } from '../src/lib/bindings/RestoreReport';

export type Call = { cmd: string; args: Record<string, unknown> };
type Handler = (args: Record<string, unknown>) => unknown;

export const T0 = 1_700_000_010_000; // a whole second, 10 s into a 30 s period

/** The label Rust gives an account ("GitHub (alice)"): the fake names accounts as Rust does. */
export function labelOf(issuer: string, name: string): string {
  return issuer && name ? `${issuer} (${name})` : issuer || name;
}

export function totp(id: string, issuer: string, name: string, digits = 6): AccountView {
  return { id, issuer, name, label: labelOf(issuer, name), kind: 'totp', algorithm: 'SHA1', digits, period: 30, counter: null };
}

export function timedCode(id: string, code: string, untilMs: number, nextCode: string | null = null): CodeView {
  return { id, code, nextCode, validFromMs: untilMs - 30_000, validUntilMs: untilMs };
}

export const DATA_DIR = '/home/test/.local/share/keystep';
export const OPENED: OpenInfo = { created: false, dataDir: DATA_DIR, unreadable: [] };
export const BACKUP_FILE = '/media/usb/Keystep/keystep-2026-05-01.ksv';
export const BACKUP_FOLDER = '/media/usb/Keystep';
export const RESTORED: RestoreReport = { added: 3, duplicates: 1, phones: 2, services: 1, runs: 0, replaced: false };

/** A recovery status as Rust sends it: no password, no folder, nothing failed, unless `extra` says so. */
export function recoveryStatus(extra: Partial<RecoveryStatus> = {}): RecoveryStatus {
  return {
    hasPassword: false,
    lockAfterMinutes: 0,
    lockAfterMs: 0,
    askPasswordOnOpen: false,
    backupFolder: null,
    lastBackupOkMs: null,
    failure: null,
    keyInKeychain: true,
    backups: [],
    ...extra,
  };
}

export const DEFAULT_TIME_SERVERS = ['pool.ntp.org', 'time.cloudflare.com', 'time.google.com'];

/** The clock check as Rust reports it: on, default servers, not checked yet, unless `extra` says so. */
export function clockStatusOf(extra: Partial<ClockStatus> = {}): ClockStatus {
  return {
    check: true,
    servers: [],
    defaultServers: DEFAULT_TIME_SERVERS,
    last: null,
    problem: null,
    correctionMs: null,
    checking: false,
    ...extra,
  };
}

/** Refusals as Rust words them (the fake needs only their codes to be right). */
export const WRONG_PASSWORD = {
  code: 'vault.wrong_password',
  // The core's words (the window says them from errors.ftl, which a Rust test holds equal to the core).
  message: 'That is not the recovery password of these codes. Check it and try again (capital letters and spaces count). Nothing was changed.',
};
export const WEAK_PASSWORD = {
  code: 'input.bad_password',
  message: 'That password is too easy to guess. Or use the passphrase Keystep suggests, and write it down.',
};

export function fakeBackend(
  init: {
    accounts?: AccountView[];
    codes?: CodeView[];
    /** The recovery status; `password` is the recovery password the fake accepts (setting one sets hasPassword). */
    recovery?: Partial<RecoveryStatus>;
    password?: string;
    handlers?: Record<string, Handler>;
  } = {},
) {
  const state = {
    accounts: [...(init.accounts ?? [])],
    codes: [...(init.codes ?? [])],
    recovery: recoveryStatus({ hasPassword: init.password !== undefined, ...init.recovery }),
    password: init.password ?? null,
    locked: false,
  };
  const calls: Call[] = [];
  const checkPassword = (given: unknown) => {
    if (given !== state.password) throw WRONG_PASSWORD;
  };
  // Like Rust's strength check, roughly: short passwords are refused.
  const checkStrength = (password: unknown) => {
    if (typeof password !== 'string' || password.length < 12) throw WEAK_PASSWORD;
  };
  const status = (): RecoveryStatus => structuredClone(state.recovery);

  const defaults: Record<string, Handler> = {
    open_vault: () => OPENED,
    list_accounts: () => structuredClone(state.accounts),
    get_codes: () => structuredClone(state.codes.filter((c) => state.accounts.some((a) => a.id === c.id))),
    first_code_painted: () => null,
    copy_code: () => ({ clearAfterSecs: 30 }),
    check_links: () => [],
    delete_account: ({ id }) => {
      const gone = state.accounts.find((a) => a.id === id);
      state.accounts = state.accounts.filter((a) => a.id !== id);
      return gone;
    },
    rename_account: ({ id, issuer, name }) => {
      const account = state.accounts.find((a) => a.id === id)!;
      Object.assign(account, { issuer, name, label: labelOf(String(issuer), String(name)) });
      return account;
    },
    create_vault: () => ({ ...OPENED, created: true }),
    unlock: ({ password }) => {
      checkPassword(password);
      state.locked = false;
      return OPENED;
    },
    lock: () => {
      if (!state.recovery.hasPassword) {
        throw { code: 'password.none', message: 'Locking Keystep needs a recovery password, and none is set.' };
      }
      state.locked = true;
      return null;
    },
    recovery_status: () => status(),
    set_password: ({ newPassword, currentPassword }) => {
      if (state.password !== null) checkPassword(currentPassword);
      checkStrength(newPassword);
      state.password = String(newPassword);
      state.recovery.hasPassword = true;
      return status();
    },
    remove_password: ({ currentPassword }) => {
      checkPassword(currentPassword);
      state.password = null;
      Object.assign(state.recovery, { hasPassword: false, lockAfterMinutes: 0, lockAfterMs: 0, askPasswordOnOpen: false });
      return status();
    },
    set_lock_settings: ({ lockAfterMinutes, askPasswordOnOpen }) => {
      const minutes = Number(lockAfterMinutes);
      Object.assign(state.recovery, { lockAfterMinutes: minutes, lockAfterMs: minutes * 60_000, askPasswordOnOpen });
      return status();
    },
    choose_backup_folder: () => {
      state.recovery.backupFolder = BACKUP_FOLDER;
      return status();
    },
    turn_off_backup_folder: () => {
      Object.assign(state.recovery, { backupFolder: null, failure: null });
      return status();
    },
    retry_backup: () => {
      Object.assign(state.recovery, { failure: null, lastBackupOkMs: Date.now() });
      return status();
    },
    put_key_in_keychain: () => {
      state.recovery.keyInKeychain = true;
      return status();
    },
    choose_backup_file: () => BACKUP_FILE,
    clock_status: () => clockStatusOf(),
    restore_backup: ({ replace }) => ({ ...RESTORED, duplicates: replace ? 0 : RESTORED.duplicates, replaced: replace === true }),
  };

  mockIPC((cmd, args) => {
    const payload = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: payload });
    const handler = init.handlers?.[cmd] ?? defaults[cmd];
    if (!handler) throw { code: 'test.unhandled', message: `No fake for ${cmd}` };
    return handler(payload);
  });

  return {
    state,
    calls,
    count: (cmd: string) => calls.filter((c) => c.cmd === cmd).length,
    argsOf: (cmd: string) => calls.filter((c) => c.cmd === cmd).map((c) => c.args),
  };
}
