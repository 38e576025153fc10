import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../src/App.svelte';
import SettingsScreen from '../src/lib/components/settings/SettingsScreen.svelte';
import type { BackupInfo } from '../src/lib/bindings/BackupInfo';
import type { RiskItem } from '../src/lib/bindings/RiskItem';
import { RecoveryState } from '../src/lib/recoveryState.svelte';
import { WORDS } from '../src/lib/wordlist';
import { BACKUP_FILE, BACKUP_FOLDER, WEAK_PASSWORD, WRONG_PASSWORD, fakeBackend } from './backend';
import { axeViolations } from './axe';
import { withStatusLine } from './statusLine';

withStatusLine();

const STRONG = 'correct horse battery staple';

const refuse = (code: string, message = `Refused: ${code}.`) => () => {
  throw { code, message };
};

function backup(created: number, accounts: number | null, sealed_by: BackupInfo['sealed_by']): BackupInfo {
  return { path: `/data/backups/${created}.ksv`, created, accounts, sealed_by };
}

async function renderSettings() {
  const recovery = new RecoveryState();
  render(SettingsScreen, { props: { recovery } });
  await screen.findByRole('heading', { level: 2, name: 'Recovery password' });
  return recovery;
}

describe('the recovery password, when none is set', () => {
  it('says what it is for, and offers to set one', async () => {
    fakeBackend();
    await renderSettings();
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(
      screen.getByText(
        "With this password you can open your codes on another computer, or if this computer's keychain is lost.",
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('new-password')).toHaveAttribute('type', 'password');
    expect(screen.getByTestId('new-password')).toHaveAttribute('autocomplete', 'new-password');
    expect(screen.getByTestId('repeat-password')).toHaveAttribute('type', 'password');
    expect(screen.getByTestId('set-password')).toHaveTextContent('Set password');
    expect(screen.queryByTestId('current-password')).not.toBeInTheDocument();
    expect(screen.queryByTestId('remove-password')).not.toBeInTheDocument();
  });

  it('catches two different passwords in the window, at the second field', async () => {
    const backend = fakeBackend();
    await renderSettings();
    await userEvent.type(screen.getByTestId('new-password'), STRONG);
    await userEvent.type(screen.getByTestId('repeat-password'), `${STRONG}!`);
    await userEvent.click(screen.getByTestId('set-password'));
    expect(await screen.findByTestId('repeat-password-error')).toHaveTextContent('The two new passwords are not the same.');
    expect(screen.getByTestId('repeat-password')).toHaveFocus();
    expect(backend.count('set_password')).toBe(0);
  });

  it("shows Rust's refusal of a weak password at the field", async () => {
    fakeBackend();
    await renderSettings();
    await userEvent.type(screen.getByTestId('new-password'), 'summer2026');
    await userEvent.type(screen.getByTestId('repeat-password'), 'summer2026');
    await userEvent.click(screen.getByTestId('set-password'));
    expect(await screen.findByTestId('new-password-error')).toHaveTextContent(WEAK_PASSWORD.message);
    expect(screen.getByTestId('new-password')).toHaveFocus();
  });

  it('sets it, says so, and offers to change or remove it from then on', async () => {
    const backend = fakeBackend();
    const recovery = await renderSettings();
    await userEvent.type(screen.getByTestId('new-password'), STRONG);
    await userEvent.type(screen.getByTestId('repeat-password'), STRONG);
    await userEvent.click(screen.getByTestId('set-password'));

    expect(await screen.findByTestId('change-password')).toBeInTheDocument();
    expect(backend.argsOf('set_password')).toEqual([{ newPassword: STRONG, currentPassword: null }]);
    expect(recovery.status?.hasPassword).toBe(true);
    expect(screen.getByTestId('password-state')).toHaveTextContent('A recovery password is set.');
    expect(screen.getByTestId('settings-announcement')).toHaveTextContent('Your recovery password is set.');
    expect(screen.getByTestId('new-password')).toHaveValue('');
    expect(screen.getByTestId('current-password')).toHaveValue('');
  });

  it('suggests five words from the EFF list, fills both fields, shows them large, and never the same twice', async () => {
    fakeBackend();
    await renderSettings();
    await userEvent.click(screen.getByTestId('suggest-passphrase'));
    const shown = await screen.findByTestId('passphrase-words');
    const first = shown.textContent!;
    const words = first.split(' ');
    expect(words).toHaveLength(5);
    for (const word of words) expect(WORDS).toContain(word);
    expect(screen.getByTestId('new-password')).toHaveValue(first);
    expect(screen.getByTestId('repeat-password')).toHaveValue(first);
    expect(screen.getByText('Write these words down and keep them somewhere safe.')).toBeInTheDocument();
    expect(shown.closest('[role="status"]')).not.toBeNull();

    await userEvent.click(screen.getByTestId('suggest-passphrase'));
    await waitFor(() => expect(screen.getByTestId('passphrase-words').textContent).not.toBe(first));
    expect(screen.getByTestId('new-password')).toHaveValue(screen.getByTestId('passphrase-words').textContent);

    // Typing something else: the words on screen are no longer the password, so they go.
    await userEvent.type(screen.getByTestId('new-password'), 'x');
    expect(screen.queryByTestId('passphrase-words')).not.toBeInTheDocument();
  });

  it('sets the suggested passphrase as it is', async () => {
    const backend = fakeBackend();
    await renderSettings();
    await userEvent.click(screen.getByTestId('suggest-passphrase'));
    const words = (await screen.findByTestId('passphrase-words')).textContent!;
    await userEvent.click(screen.getByTestId('set-password'));
    await screen.findByTestId('change-password');
    expect(backend.argsOf('set_password')).toEqual([{ newPassword: words, currentPassword: null }]);
  });
});

describe('the recovery password, when one is set', () => {
  it('changes it with the current one; a wrong current one is said at its field', async () => {
    const backend = fakeBackend({ password: STRONG });
    await renderSettings();
    await userEvent.type(screen.getByTestId('current-password'), 'not it');
    await userEvent.type(screen.getByTestId('new-password'), 'a brand new long passphrase');
    await userEvent.type(screen.getByTestId('repeat-password'), 'a brand new long passphrase');
    await userEvent.click(screen.getByTestId('change-password'));
    expect(await screen.findByTestId('current-password-error')).toHaveTextContent(WRONG_PASSWORD.message);
    expect(screen.getByTestId('current-password')).toHaveFocus();

    await userEvent.clear(screen.getByTestId('current-password'));
    await userEvent.type(screen.getByTestId('current-password'), STRONG);
    await userEvent.click(screen.getByTestId('change-password'));
    await waitFor(() => expect(screen.getByTestId('current-password')).toHaveValue(''));
    expect(backend.argsOf('set_password').at(-1)).toEqual({
      newPassword: 'a brand new long passphrase',
      currentPassword: STRONG,
    });
    expect(backend.state.password).toBe('a brand new long passphrase');
  });

  it('asks before removing it, with what that means, then removes it', async () => {
    const backend = fakeBackend({ password: STRONG });
    await renderSettings();
    await userEvent.type(screen.getByTestId('current-password'), STRONG);
    await userEvent.click(screen.getByTestId('remove-password'));

    const dialog = await screen.findByTestId('remove-password-dialog');
    expect(dialog).toHaveTextContent('Your backups then open only on this computer, and nothing more goes to your backup folder.');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(backend.count('remove_password')).toBe(0);

    await userEvent.click(screen.getByTestId('confirm-remove-password'));
    await waitFor(() => expect(screen.getByTestId('set-password')).toBeInTheDocument());
    expect(backend.argsOf('remove_password')).toEqual([{ currentPassword: STRONG }]);
    expect(screen.getByTestId('settings-announcement')).toHaveTextContent('The recovery password is removed.');
  });

  it('does nothing when the person cancels the removal', async () => {
    const backend = fakeBackend({ password: STRONG });
    await renderSettings();
    await userEvent.type(screen.getByTestId('current-password'), STRONG);
    await userEvent.click(screen.getByTestId('remove-password'));
    await userEvent.click(within(await screen.findByTestId('remove-password-dialog')).getByRole('button', { name: 'Cancel' }));
    expect(backend.count('remove_password')).toBe(0);
    expect(screen.getByTestId('change-password')).toBeInTheDocument();
  });

  it('asks for the current password before removing, and says a wrong one in the dialog', async () => {
    fakeBackend({ password: STRONG });
    await renderSettings();
    await userEvent.click(screen.getByTestId('remove-password'));
    expect(await screen.findByTestId('current-password-error')).toHaveTextContent('type your current password first');
    expect(screen.getByTestId('current-password')).toHaveFocus();
    expect(screen.queryByTestId('confirm-remove-password')).not.toBeInTheDocument();

    await userEvent.type(screen.getByTestId('current-password'), 'wrong');
    await userEvent.click(screen.getByTestId('remove-password'));
    await userEvent.click(await screen.findByTestId('confirm-remove-password'));
    expect(await screen.findByTestId('remove-password-error')).toHaveTextContent(WRONG_PASSWORD.message);
  });
});

describe('locking', () => {
  it('waits for a recovery password', async () => {
    fakeBackend();
    await renderSettings();
    expect(screen.getByTestId('lock-after')).toBeDisabled();
    expect(screen.getByTestId('ask-on-open')).toBeDisabled();
    expect(screen.getByTestId('locking-needs-password')).toHaveTextContent('Locking needs a recovery password');
  });

  it('saves the time and the ask-on-open choice as soon as they change', async () => {
    const backend = fakeBackend({ password: STRONG });
    await renderSettings();
    const lockAfter = screen.getByTestId('lock-after');
    expect(lockAfter).toBeEnabled();
    expect(lockAfter).toHaveAccessibleName('Lock after');
    expect(within(lockAfter).getAllByRole('option').map((o) => [o.getAttribute('value'), o.textContent])).toEqual([
      ['0', 'Off'],
      ['1', '1 minute'],
      ['5', '5 minutes'],
      ['15', '15 minutes'],
      ['60', '60 minutes'],
    ]);

    await userEvent.selectOptions(lockAfter, '5');
    await waitFor(() => expect(backend.argsOf('set_lock_settings')).toEqual([{ lockAfterMinutes: 5, askPasswordOnOpen: false }]));
    expect(await screen.findByTestId('settings-announcement')).toHaveTextContent('Keystep now locks after 5 minutes without use.');

    const ask = screen.getByTestId('ask-on-open');
    expect(ask).toHaveAccessibleName('Ask for my password when Keystep opens');
    await userEvent.click(ask);
    await waitFor(() => expect(backend.argsOf('set_lock_settings')).toHaveLength(2));
    expect(backend.argsOf('set_lock_settings')[1]).toEqual({ lockAfterMinutes: 5, askPasswordOnOpen: true });
    expect(ask).toBeChecked();
    expect(lockAfter).toHaveValue('5');
  });

  it('goes back to what is saved when saving fails, and says why', async () => {
    fakeBackend({
      password: STRONG,
      recovery: { lockAfterMinutes: 15, lockAfterMs: 900_000 },
      handlers: { set_lock_settings: refuse('vault.io', 'Keystep could not save.') },
    });
    await renderSettings();
    await userEvent.selectOptions(screen.getByTestId('lock-after'), '1');
    expect(await screen.findByTestId('lock-settings-error')).toHaveTextContent('Keystep could not save.');
    expect(screen.getByTestId('lock-after')).toHaveValue('15');
  });
});

describe('backups', () => {
  it('chooses a folder, says nothing when the chooser is closed, and stops using it', async () => {
    let closeTheChooser = true;
    const backend = fakeBackend({
      password: STRONG,
      handlers: {
        choose_backup_folder: () => {
          if (closeTheChooser) throw { code: 'app.nothing_chosen', message: 'No file was chosen.' };
          backend.state.recovery.backupFolder = BACKUP_FOLDER;
          return structuredClone(backend.state.recovery);
        },
      },
    });
    await renderSettings();
    expect(screen.getByTestId('backup-folder')).toHaveTextContent('None');
    expect(screen.queryByTestId('stop-backup-folder')).not.toBeInTheDocument();

    await userEvent.click(screen.getByTestId('choose-backup-folder'));
    expect(backend.count('choose_backup_folder')).toBe(1);
    expect(screen.queryByTestId('backup-folder-error')).not.toBeInTheDocument();
    expect(screen.queryByText('No file was chosen.')).not.toBeInTheDocument();
    expect(screen.getByTestId('backup-folder')).toHaveTextContent('None');

    closeTheChooser = false;
    await userEvent.click(screen.getByTestId('choose-backup-folder'));
    await waitFor(() => expect(screen.getByTestId('backup-folder')).toHaveTextContent(BACKUP_FOLDER));
    expect(screen.getByTestId('settings-announcement')).toHaveTextContent(`Backups now go to ${BACKUP_FOLDER}.`);
    expect(screen.getByTestId('last-backup')).toHaveTextContent('No backup has reached the folder yet.');

    await userEvent.click(screen.getByTestId('stop-backup-folder'));
    await waitFor(() => expect(screen.getByTestId('backup-folder')).toHaveTextContent('None'));
    expect(backend.count('turn_off_backup_folder')).toBe(1);
    expect(screen.getByTestId('settings-announcement')).toHaveTextContent(`Keystep no longer puts backups in ${BACKUP_FOLDER}.`);
  });

  it('says other chooser problems', async () => {
    fakeBackend({ handlers: { choose_backup_folder: refuse('app.unexpected', 'Something went wrong. Try again.') } });
    await renderSettings();
    await userEvent.click(screen.getByTestId('choose-backup-folder'));
    expect(await screen.findByTestId('backup-folder-error')).toHaveTextContent('Something went wrong. Try again.');
  });

  it('says that without a recovery password nothing goes to the folder', async () => {
    fakeBackend({ recovery: { backupFolder: BACKUP_FOLDER } });
    await renderSettings();
    expect(screen.getByTestId('folder-needs-password')).toHaveTextContent(
      'Without a recovery password, nothing goes to the folder.',
    );
  });

  it('shows the last backup to the folder and the recent automatic backups', async () => {
    const lastOk = new Date(2026, 4, 1, 9, 30).getTime();
    fakeBackend({
      password: STRONG,
      recovery: {
        backupFolder: BACKUP_FOLDER,
        lastBackupOkMs: lastOk,
        backups: [backup(lastOk / 1000, 3, 'password'), backup(lastOk / 1000 - 86_400, 1, 'keychain'), backup(1, null, 'keychain')],
      },
    });
    await renderSettings();
    const when = new Date(lastOk).toLocaleString(undefined, {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    });
    expect(screen.getByTestId('last-backup')).toHaveTextContent(`Last backup to the folder: ${when}`);
    const items = screen.getAllByTestId('backup-item');
    expect(items[0]).toHaveTextContent(`${when} — 3 accounts — opens with your password`);
    expect(items[1]).toHaveTextContent('1 account — opens only on this computer');
    expect(items[2]).toHaveTextContent('from another Keystep — opens only on this computer');
  });

  it('says when there is no backup yet', async () => {
    fakeBackend();
    await renderSettings();
    expect(screen.getByTestId('no-backups')).toBeInTheDocument();
  });

  it('restores from a backup into the codes here (merge), and Done closes the report', async () => {
    const backend = fakeBackend({ password: STRONG });
    await renderSettings();
    await userEvent.click(screen.getByTestId('settings-restore'));
    await userEvent.click(screen.getByTestId('choose-backup-file'));
    await userEvent.type(screen.getByTestId('restore-password'), STRONG);
    await userEvent.click(screen.getByTestId('restore-submit'));
    expect(await screen.findByTestId('restore-report')).toHaveTextContent(
      'Restored: 3 accounts added, 1 already here, 2 phone numbers, 1 service.',
    );
    expect(backend.argsOf('restore_backup')).toEqual([{ path: BACKUP_FILE, password: STRONG, replace: false }]);
    await userEvent.click(screen.getByTestId('restore-continue'));
    expect(screen.queryByTestId('restore-report')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Restore' })).toHaveFocus();
  });

  it('asks before replacing everything, then restores in replace mode', async () => {
    const backend = fakeBackend({ password: STRONG });
    await renderSettings();
    await userEvent.click(screen.getByTestId('settings-replace'));
    const dialog = await screen.findByTestId('replace-dialog');
    expect(dialog).toHaveTextContent('Keystep first keeps a backup of what is here now.');
    expect(screen.queryByTestId('choose-backup-file')).not.toBeInTheDocument();

    await userEvent.click(screen.getByTestId('confirm-replace'));
    await waitFor(() => expect(screen.getByTestId('choose-backup-file')).toHaveFocus());
    expect(screen.getByTestId('restore-submit')).toHaveTextContent('Replace everything');
    await userEvent.click(screen.getByTestId('choose-backup-file'));
    await userEvent.type(screen.getByTestId('restore-password'), STRONG);
    await userEvent.click(screen.getByTestId('restore-submit'));
    expect(await screen.findByTestId('restore-report')).toHaveTextContent(
      'Replaced everything with the backup: 3 accounts, 2 phone numbers, 1 service. What was here before is kept as a backup.',
    );
    expect(backend.argsOf('restore_backup')).toEqual([{ path: BACKUP_FILE, password: STRONG, replace: true }]);
  });

  it('does not replace anything when the person cancels', async () => {
    const backend = fakeBackend({ password: STRONG });
    await renderSettings();
    await userEvent.click(screen.getByTestId('settings-replace'));
    await userEvent.click(within(await screen.findByTestId('replace-dialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('choose-backup-file')).not.toBeInTheDocument();
    expect(backend.count('restore_backup')).toBe(0);
  });
});

describe('the review', () => {
  it('opens Settings from a finding about backups', async () => {
    const finding: RiskItem = {
      severity: 'high',
      code: 'no_recovery_password',
      serviceId: null,
      serviceName: 'Keystep',
      phone: null,
      message: 'If this computer is lost, your codes are lost with it.',
      action: 'Set a recovery password in Settings.',
      fix: { type: 'settings' },
    };
    fakeBackend({
      handlers: {
        phone_region: () => 'US',
        catalog_list: () => [],
        list_phones: () => [],
        list_services: () => [],
        review_risks: () => [finding],
      },
    });
    render(App);
    await userEvent.click(await screen.findByTestId('nav-phones'));
    // The phone numbers screen is loaded the first time it is opened: in the tests that takes a while.
    const open = await screen.findByTestId('review-open-settings', {}, { timeout: 5000 });
    expect(open).toHaveTextContent('Open Settings');
    await userEvent.click(open);
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toHaveFocus();
    expect(screen.getByTestId('nav-settings')).toHaveAttribute('aria-current', 'page');
    expect(screen.getByTestId('phones-screen')).not.toBeVisible();
  });
});

describe('accessibility', () => {
  it('finds no axe-core violations on Settings without a password, with a suggestion and errors', async () => {
    fakeBackend({ recovery: { backupFolder: BACKUP_FOLDER } });
    await renderSettings();
    expect(await axeViolations()).toEqual([]);

    await userEvent.click(screen.getByTestId('suggest-passphrase'));
    await screen.findByTestId('passphrase-words');
    await userEvent.type(screen.getByTestId('repeat-password'), 'x');
    await userEvent.click(screen.getByTestId('set-password'));
    await screen.findByTestId('repeat-password-error');
    expect(await axeViolations()).toEqual([]);
  });

  it('finds no axe-core violations on Settings with a password, backups, a restore form and a dialog', async () => {
    fakeBackend({
      password: STRONG,
      recovery: {
        lockAfterMinutes: 5,
        lockAfterMs: 300_000,
        backupFolder: BACKUP_FOLDER,
        lastBackupOkMs: Date.now(),
        backups: [backup(1_770_000_000, 2, 'password')],
      },
    });
    await renderSettings();
    expect(await axeViolations()).toEqual([]);

    await userEvent.click(screen.getByTestId('settings-restore'));
    await userEvent.click(screen.getByTestId('restore-submit'));
    await screen.findByTestId('choose-backup-file-error');
    expect(await axeViolations()).toEqual([]);

    await userEvent.type(screen.getByTestId('current-password'), STRONG);
    await userEvent.click(screen.getByTestId('remove-password'));
    await screen.findByTestId('confirm-remove-password');
    expect(await axeViolations()).toEqual([]);
  });
});
