import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../src/App.svelte';
import { beginStartup } from '../src/lib/startup';
import { BACKUP_FILE, OPENED, WRONG_PASSWORD, fakeBackend, timedCode, totp } from './backend';
import { axeViolations } from './axe';

afterEach(() => {
  vi.useRealTimers();
});

const refuse = (code: string, message = `Refused: ${code}.`) => () => {
  throw { code, message };
};

const LOCK_AFTER_MS = 60_000;

describe('no codes on this computer yet (vault.none)', () => {
  it('welcomes the person with two choices', async () => {
    fakeBackend({ handlers: { open_vault: refuse('vault.none') } });
    render(App);
    const welcome = await screen.findByTestId('welcome-screen');
    expect(within(welcome).getByRole('heading', { level: 1, name: 'Welcome to Keystep' })).toBeInTheDocument();
    expect(within(welcome).getByTestId('start-new')).toHaveTextContent("I'm new to Keystep");
    expect(within(welcome).getByTestId('start-restore')).toHaveTextContent('Restore from a backup');
    expect(screen.queryByTestId('error-screen')).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });

  it('comes from the early start-up too, without the problem screen', async () => {
    fakeBackend({ handlers: { open_vault: refuse('vault.none') } });
    render(App, { props: { startup: beginStartup() } });
    expect(await screen.findByTestId('welcome-screen')).toBeInTheDocument();
    expect(screen.queryByTestId('error-screen')).not.toBeInTheDocument();
  });

  it('"I\'m new" makes the vault and shows the codes, with the focus on their heading', async () => {
    const backend = fakeBackend({ handlers: { open_vault: refuse('vault.none') } });
    render(App);
    await userEvent.click(await screen.findByTestId('start-new'));
    expect(await screen.findByTestId('empty-state')).toBeInTheDocument();
    expect(backend.count('create_vault')).toBe(1);
    expect(screen.getByRole('heading', { level: 1, name: 'Your codes' })).toHaveFocus();
    expect(screen.queryByTestId('welcome-screen')).not.toBeInTheDocument();
  });

  it('says why when the vault cannot be made, and stays on the welcome screen', async () => {
    fakeBackend({
      handlers: {
        open_vault: refuse('vault.none'),
        create_vault: refuse('keychain.no_service', 'No keychain service is running, so Keystep cannot reach the key that protects your codes. Sign in to a desktop session with a keyring (such as GNOME Keyring or KWallet), then try again. Nothing was changed.'),
      },
    });
    render(App);
    await userEvent.click(await screen.findByTestId('start-new'));
    expect(await screen.findByTestId('start-error')).toHaveTextContent('No keychain service is running, so Keystep cannot reach the key that protects your codes. Sign in to a desktop session with a keyring (such as GNOME Keyring or KWallet), then try again. Nothing was changed.');
    expect(screen.getByTestId('welcome-screen')).toBeInTheDocument();
  });

  it('restores from a backup, says what came back, and Continue shows the codes', async () => {
    let restored = false;
    const backend = fakeBackend({
      accounts: [totp('a1', 'IRS', 'me')],
      codes: [timedCode('a1', '123456', Date.now() + 20_000)],
      handlers: {
        open_vault: () => {
          if (!restored) throw { code: 'vault.none', message: 'No codes yet.' };
          return OPENED;
        },
        restore_backup: ({ replace }) => {
          restored = true;
          return { added: 3, duplicates: 0, phones: 1, services: 2, runs: 0, replaced: replace };
        },
      },
    });
    render(App);
    await userEvent.click(await screen.findByTestId('start-restore'));
    expect(screen.getByTestId('choose-backup-file')).toHaveFocus();

    await userEvent.click(screen.getByTestId('choose-backup-file'));
    expect(await screen.findByTestId('backup-file-name')).toHaveTextContent('keystep-2026-05-01.ksv');
    const password = screen.getByTestId('restore-password');
    expect(password).toHaveAttribute('type', 'password');
    await userEvent.type(password, 'correct horse battery staple');
    await userEvent.click(screen.getByTestId('restore-submit'));

    const report = await screen.findByTestId('restore-report');
    expect(report).toHaveTextContent('Restored: 3 accounts added, 0 already here, 1 phone number, 2 services.');
    expect(report).toHaveFocus();
    expect(backend.argsOf('restore_backup')).toEqual([
      { path: BACKUP_FILE, password: 'correct horse battery staple', replace: false },
    ]);

    await userEvent.click(screen.getByTestId('restore-continue'));
    expect(await screen.findByTestId('account-row')).toBeInTheDocument();
    expect(screen.queryByTestId('opening-screen')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Your codes' })).toHaveFocus();
  });

  it('shows a wrong backup password at its field and empties it', async () => {
    fakeBackend({ handlers: { open_vault: refuse('vault.none'), restore_backup: () => { throw WRONG_PASSWORD; } } });
    render(App);
    await userEvent.click(await screen.findByTestId('start-restore'));
    await userEvent.click(screen.getByTestId('choose-backup-file'));
    await screen.findByTestId('backup-file-name');
    await userEvent.type(screen.getByTestId('restore-password'), 'not it');
    await userEvent.click(screen.getByTestId('restore-submit'));

    expect(await screen.findByTestId('restore-password-error')).toHaveTextContent('That is not the recovery password of these codes.');
    expect(screen.getByTestId('restore-password')).toHaveValue('');
    expect(screen.getByTestId('restore-password')).toHaveFocus();
    expect(screen.queryByTestId('restore-report')).not.toBeInTheDocument();
  });

  it('asks for the file first, and says nothing when the chooser is closed', async () => {
    const backend = fakeBackend({
      handlers: { open_vault: refuse('vault.none'), choose_backup_file: refuse('app.nothing_chosen', 'No file was chosen.') },
    });
    render(App);
    await userEvent.click(await screen.findByTestId('start-restore'));
    await userEvent.click(screen.getByTestId('choose-backup-file'));
    expect(backend.count('choose_backup_file')).toBe(1);
    expect(screen.queryByText('No file was chosen.')).not.toBeInTheDocument();
    expect(screen.queryByTestId('backup-file-name')).not.toBeInTheDocument();

    await userEvent.click(screen.getByTestId('restore-submit'));
    expect(await screen.findByTestId('choose-backup-file-error')).toHaveTextContent('Choose the backup file first.');
    expect(screen.getByTestId('choose-backup-file')).toHaveFocus();
    expect(backend.count('restore_backup')).toBe(0);
  });

  it('Cancel goes back to the two choices', async () => {
    fakeBackend({ handlers: { open_vault: refuse('vault.none') } });
    render(App);
    await userEvent.click(await screen.findByTestId('start-restore'));
    await userEvent.click(screen.getByTestId('restore-cancel'));
    expect(screen.getByTestId('start-restore')).toHaveFocus();
    expect(screen.getByTestId('start-new')).toBeInTheDocument();
  });
});

describe('Keystep asks for the password (vault.locked)', () => {
  it('shows the unlock screen with the password field ready to type in', async () => {
    fakeBackend({ password: 'correct horse battery staple', handlers: { open_vault: refuse('vault.locked') } });
    render(App);
    const unlock = await screen.findByTestId('unlock-screen');
    expect(within(unlock).getByRole('heading', { level: 1, name: 'Keystep is locked' })).toBeInTheDocument();
    const field = screen.getByTestId('unlock-password');
    expect(field).toHaveAttribute('type', 'password');
    expect(field).toHaveAttribute('autocomplete', 'current-password');
    expect(field).toHaveAccessibleName('Recovery password');
    expect(field).toHaveAccessibleDescription('Type your recovery password to open your codes.');
    expect(field).toHaveFocus();
    expect(screen.getByTestId('unlock-submit')).toHaveTextContent('Unlock');
  });

  it('says a wrong password at the field, empties it, and opens with the right one', async () => {
    const backend = fakeBackend({
      password: 'correct horse battery staple',
      accounts: [totp('a1', 'IRS', 'me')],
      codes: [timedCode('a1', '123456', Date.now() + 20_000)],
      handlers: { open_vault: refuse('vault.locked') },
    });
    render(App);
    const field = await screen.findByTestId('unlock-password');
    await userEvent.type(field, 'wrong guess');
    await userEvent.click(screen.getByTestId('unlock-submit'));

    expect(await screen.findByTestId('unlock-password-error')).toHaveTextContent(WRONG_PASSWORD.message);
    expect(field).toHaveValue('');
    expect(field).toHaveFocus();
    expect(field).toHaveAttribute('aria-invalid', 'true');

    await userEvent.type(field, 'correct horse battery staple{Enter}');
    expect(await screen.findByTestId('account-row')).toBeInTheDocument();
    expect(backend.argsOf('unlock')).toEqual([{ password: 'wrong guess' }, { password: 'correct horse battery staple' }]);
    expect(screen.getByRole('heading', { level: 1, name: 'Your codes' })).toHaveFocus();
  });

  it('asks for a password before asking Rust when the field is empty', async () => {
    const backend = fakeBackend({ password: 'pw', handlers: { open_vault: refuse('vault.locked') } });
    render(App);
    await userEvent.click(await screen.findByTestId('unlock-submit'));
    expect(await screen.findByTestId('unlock-password-error')).toHaveTextContent('Type your recovery password.');
    expect(backend.count('unlock')).toBe(0);
  });
});

describe("this computer's keychain has no key (vault.password_needed)", () => {
  it('explains, opens with the password, then offers to put the key back', async () => {
    const backend = fakeBackend({
      password: 'correct horse battery staple',
      recovery: { keyInKeychain: false },
      handlers: { open_vault: refuse('vault.password_needed') },
    });
    render(App);
    const field = await screen.findByTestId('unlock-password');
    expect(screen.getByRole('heading', { level: 1, name: 'Keystep is locked' })).toBeInTheDocument();
    expect(field).toHaveAccessibleDescription(
      "This computer's keychain does not have the key to your codes. Your recovery password opens them.",
    );
    await userEvent.type(field, 'correct horse battery staple{Enter}');

    const putBack = await screen.findByTestId('put-key-back');
    expect(putBack).toHaveTextContent("Put the key back into this computer's keychain");
    await userEvent.click(putBack);

    await waitFor(() => expect(screen.queryByTestId('put-key-back')).not.toBeInTheDocument());
    expect(backend.count('put_key_in_keychain')).toBe(1);
    expect(screen.getByTestId('app-announcement')).toHaveTextContent("The key is back in this computer's keychain.");
  });

  it('keeps the note and says why when the key cannot be put back', async () => {
    fakeBackend({
      recovery: { keyInKeychain: false },
      handlers: { put_key_in_keychain: refuse('keychain.locked', 'Your keychain is locked.') },
    });
    render(App);
    await userEvent.click(await screen.findByTestId('put-key-back'));
    expect(await screen.findByTestId('put-key-back-error')).toHaveTextContent('Your keychain is locked.');
    expect(screen.getByTestId('put-key-back')).toBeInTheDocument();
  });

  it('shows no note when the key is in the keychain', async () => {
    fakeBackend();
    render(App);
    await screen.findByTestId('empty-state');
    await waitFor(() => expect(screen.queryByTestId('keychain-note')).not.toBeInTheDocument());
  });
});

describe('the Lock button', () => {
  it('is there only with a recovery password', async () => {
    const backend = fakeBackend();
    render(App);
    await screen.findByTestId('empty-state');
    await waitFor(() => expect(backend.count('recovery_status')).toBeGreaterThan(0));
    expect(screen.queryByTestId('lock-now')).not.toBeInTheDocument();
  });

  it('locks Keystep: the codes go, and the password opens them again', async () => {
    const backend = fakeBackend({
      password: 'correct horse battery staple',
      accounts: [totp('a1', 'IRS', 'me')],
      codes: [timedCode('a1', '123456', Date.now() + 20_000)],
    });
    render(App);
    await screen.findByTestId('account-row');
    const lockButton = await screen.findByTestId('lock-now');
    expect(within(screen.getByRole('navigation', { name: 'Keystep screens' })).getByRole('button', { name: 'Lock' })).toBe(lockButton);

    await userEvent.click(lockButton);

    expect(await screen.findByRole('heading', { level: 1, name: 'Keystep is locked' })).toBeInTheDocument();
    expect(backend.count('lock')).toBe(1);
    expect(screen.queryByTestId('account-row')).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(screen.getByTestId('unlock-password')).toHaveFocus();

    await userEvent.type(screen.getByTestId('unlock-password'), 'correct horse battery staple{Enter}');
    expect(await screen.findByTestId('account-row')).toBeInTheDocument();
  });

  it('says why when Rust does not lock, and stays open', async () => {
    fakeBackend({ password: 'pw', handlers: { lock: refuse('vault.io', 'Keystep could not lock.') } });
    render(App);
    await userEvent.click(await screen.findByTestId('lock-now'));
    expect(await screen.findByTestId('lock-error')).toHaveTextContent('Keystep could not lock.');
    expect(screen.queryByTestId('unlock-screen')).not.toBeInTheDocument();
  });
});

describe('locking after a time without use', () => {
  function lockingBackend(lockAfterMs = LOCK_AFTER_MS) {
    return fakeBackend({
      password: 'correct horse battery staple',
      recovery: { lockAfterMinutes: 1, lockAfterMs },
      accounts: [totp('a1', 'IRS', 'me')],
      codes: [timedCode('a1', '123456', Date.now() + 20_000)],
    });
  }

  it('locks after the chosen time, though the codes kept refreshing meanwhile', async () => {
    vi.useFakeTimers();
    const backend = lockingBackend();
    render(App);
    await vi.advanceTimersByTimeAsync(100);
    expect(screen.getByTestId('account-row')).toBeInTheDocument();
    const codeFetches = backend.count('get_codes');

    await vi.advanceTimersByTimeAsync(LOCK_AFTER_MS - 1000);
    expect(backend.count('lock')).toBe(0);
    expect(backend.count('get_codes')).toBeGreaterThan(codeFetches + 5);

    await vi.advanceTimersByTimeAsync(1000);
    expect(backend.count('lock')).toBe(1);
    expect(screen.getByTestId('unlock-screen')).toBeInTheDocument();
  });

  it('starts the time over on a key press or a pointer move', async () => {
    vi.useFakeTimers();
    const backend = lockingBackend();
    render(App);
    await vi.advanceTimersByTimeAsync(LOCK_AFTER_MS / 2);
    await fireEvent.keyDown(window, { key: 'Tab' });
    await vi.advanceTimersByTimeAsync(LOCK_AFTER_MS / 2);
    await fireEvent.pointerMove(document.body);
    await vi.advanceTimersByTimeAsync(LOCK_AFTER_MS - 1000);
    expect(backend.count('lock')).toBe(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(backend.count('lock')).toBe(1);
  });

  it('does not lock without a password, or with locking off', async () => {
    vi.useFakeTimers();
    const backend = fakeBackend({ password: 'pw', recovery: { lockAfterMinutes: 0, lockAfterMs: 0 } });
    render(App);
    await vi.advanceTimersByTimeAsync(10 * LOCK_AFTER_MS);
    expect(backend.count('lock')).toBe(0);
  });

  it('uses the new time as soon as Settings change it', async () => {
    vi.useFakeTimers();
    const backend = fakeBackend({ password: 'pw', recovery: { lockAfterMinutes: 0, lockAfterMs: 0 } });
    render(App);
    await vi.advanceTimersByTimeAsync(100);
    await fireEvent.click(screen.getByTestId('nav-settings'));
    await vi.advanceTimersByTimeAsync(100);
    const select = await screen.findByTestId('lock-after');
    await fireEvent.change(select, { target: { value: '1' } });
    await vi.advanceTimersByTimeAsync(100);
    expect(backend.argsOf('set_lock_settings')).toEqual([{ lockAfterMinutes: 1, askPasswordOnOpen: false }]);

    await vi.advanceTimersByTimeAsync(LOCK_AFTER_MS - 1000);
    expect(backend.count('lock')).toBe(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(backend.count('lock')).toBe(1);
  });
});

describe('the recovery status', () => {
  it('is asked for on opening, when switching screens and every 30 seconds', async () => {
    vi.useFakeTimers();
    const backend = fakeBackend();
    render(App);
    await vi.advanceTimersByTimeAsync(100);
    expect(backend.count('recovery_status')).toBe(1);
    await fireEvent.click(screen.getByTestId('nav-check'));
    await vi.advanceTimersByTimeAsync(100);
    expect(backend.count('recovery_status')).toBe(2);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(backend.count('recovery_status')).toBe(3);
  });
});

describe('a failed backup', () => {
  const failure = { folder: '/media/usb/Keystep', reason: 'the folder is not there (is the USB stick plugged in?)', atMs: 1 };

  it('is said on every screen until Try again gets a backup there', async () => {
    const backend = fakeBackend({ password: 'pw', recovery: { backupFolder: failure.folder, failure } });
    render(App);
    const banner = await screen.findByTestId('backup-failed-banner');
    expect(banner).toHaveAttribute('role', 'alert');
    expect(banner).toHaveTextContent(
      'The last backup did not reach /media/usb/Keystep: the folder is not there (is the USB stick plugged in?)',
    );
    await userEvent.click(screen.getByTestId('nav-check'));
    expect(screen.getByTestId('backup-failed-banner')).toBeVisible();

    await userEvent.click(screen.getByTestId('retry-backup'));
    await waitFor(() => expect(screen.queryByTestId('backup-failed-banner')).not.toBeInTheDocument());
    expect(backend.count('retry_backup')).toBe(1);
    expect(screen.getByTestId('app-announcement')).toHaveTextContent('Done. The backup reached /media/usb/Keystep.');
  });

  it('stays, with the reason, when trying again fails too', async () => {
    fakeBackend({
      password: 'pw',
      recovery: { backupFolder: failure.folder, failure },
      handlers: { retry_backup: refuse('backup.failed', 'The folder is still not there.') },
    });
    render(App);
    await userEvent.click(await screen.findByTestId('retry-backup'));
    expect(await screen.findByTestId('retry-backup-error')).toHaveTextContent('The folder is still not there.');
    expect(screen.getByTestId('backup-failed-banner')).toBeInTheDocument();
  });

  it('shows up at the next refresh, without a restart', async () => {
    vi.useFakeTimers();
    const backend = fakeBackend({ password: 'pw', recovery: { backupFolder: failure.folder } });
    render(App);
    await vi.advanceTimersByTimeAsync(100);
    expect(screen.queryByTestId('backup-failed-banner')).not.toBeInTheDocument();
    backend.state.recovery.failure = failure;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(screen.getByTestId('backup-failed-banner')).toBeInTheDocument();
  });
});

describe('the Settings tab', () => {
  it('comes after Phone numbers, is built when first opened, and focuses its heading', async () => {
    fakeBackend();
    render(App);
    const nav = await screen.findByRole('navigation', { name: 'Keystep screens' });
    expect(within(nav).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Codes',
      'Check a link',
      'Guides',
      'Phones',
      'Settings',
      'Help',
    ]);
    expect(screen.queryByTestId('settings-screen')).not.toBeInTheDocument();
    await userEvent.click(screen.getByTestId('nav-settings'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toHaveFocus();
    expect(screen.getByTestId('nav-settings')).toHaveAttribute('aria-current', 'page');
  });

  it('after a restore there, the codes screen shows the restored codes', async () => {
    const backend = fakeBackend({
      password: 'pw',
      accounts: [totp('a1', 'IRS', 'me')],
      codes: [timedCode('a1', '123456', Date.now() + 20_000)],
      handlers: {
        restore_backup: () => {
          backend.state.accounts.push(totp('a2', 'ID.me', 'me'));
          return { added: 1, duplicates: 0, phones: 0, services: 0, runs: 0, replaced: false };
        },
      },
    });
    render(App);
    await screen.findByTestId('account-row');
    await userEvent.click(screen.getByTestId('nav-settings'));
    await userEvent.click(await screen.findByTestId('settings-restore'));
    await userEvent.click(screen.getByTestId('choose-backup-file'));
    await screen.findByTestId('backup-file-name');
    await userEvent.type(screen.getByTestId('restore-password'), 'pw');
    await userEvent.click(screen.getByTestId('restore-submit'));
    expect(await screen.findByTestId('restore-report')).toHaveTextContent('Restored: 1 account added, 0 already here');

    await userEvent.click(screen.getByTestId('nav-codes'));
    await waitFor(() => expect(screen.getAllByTestId('account-row')).toHaveLength(2));
  });
});

describe('accessibility', () => {
  it('finds no axe-core violations on the welcome screen and its restore form', async () => {
    fakeBackend({ handlers: { open_vault: refuse('vault.none'), restore_backup: () => { throw WRONG_PASSWORD; } } });
    render(App);
    await screen.findByTestId('welcome-screen');
    expect(await axeViolations()).toEqual([]);

    await userEvent.click(screen.getByTestId('start-restore'));
    await userEvent.click(screen.getByTestId('restore-submit'));
    await screen.findByTestId('choose-backup-file-error');
    expect(await axeViolations()).toEqual([]);

    await userEvent.click(screen.getByTestId('choose-backup-file'));
    await userEvent.type(screen.getByTestId('restore-password'), 'x');
    await userEvent.click(screen.getByTestId('restore-submit'));
    await screen.findByTestId('restore-password-error');
    expect(await axeViolations()).toEqual([]);
  });

  it('finds no axe-core violations on the unlock screen, with and without an error', async () => {
    fakeBackend({ password: 'pw', handlers: { open_vault: refuse('vault.password_needed') } });
    render(App);
    await screen.findByTestId('unlock-screen');
    expect(await axeViolations()).toEqual([]);
    await userEvent.type(screen.getByTestId('unlock-password'), 'wrong{Enter}');
    await screen.findByTestId('unlock-password-error');
    expect(await axeViolations()).toEqual([]);
  });

  it('finds no axe-core violations on a ready screen with the banner, the keychain note and the Lock button', async () => {
    fakeBackend({
      password: 'pw',
      recovery: {
        keyInKeychain: false,
        backupFolder: '/media/usb',
        failure: { folder: '/media/usb', reason: 'it is not there', atMs: 1 },
      },
    });
    render(App);
    await screen.findByTestId('backup-failed-banner');
    await screen.findByTestId('put-key-back');
    await screen.findByTestId('lock-now');
    expect(await axeViolations()).toEqual([]);
  });
});
