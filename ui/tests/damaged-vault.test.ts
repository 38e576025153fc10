import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../src/App.svelte';
import { axeViolations } from './axe';
import { WRONG_PASSWORD, fakeBackend } from './backend';

const refuse = (code: string, message = `Refused: ${code}.`) => () => {
  throw { code, message };
};

const REPORT = {
  damagedKept: '/home/me/.local/share/keystep/vault.ksv.damaged-20261129-010203',
  backup: '/home/me/.local/share/keystep/backups/keystep-backup-20261128-120000.ksv',
  backupCreated: 1_795_867_200,
  restored: { added: 3, duplicates: 0, phones: 1, services: 2, runs: 0, replaced: false },
};

describe('a damaged vault file (vault.corrupt)', () => {
  it('offers the newest backup, asks for its password, and shows the codes once it opens', async () => {
    let opened = false;
    const backend = fakeBackend({
      handlers: {
        open_vault: () => {
          if (!opened) refuse('vault.corrupt', 'The file vault.ksv is damaged.')();
          return { created: false, dataDir: '/d', unreadable: [] };
        },
        newest_backup_sealed_by: () => 'password',
        recover_from_backup: ({ password }) => {
          if (password !== 'plover kettle marsh quietly') throw WRONG_PASSWORD;
          opened = true;
          return REPORT;
        },
      },
    });
    render(App);
    const help = await screen.findByTestId('damaged-vault-help');
    expect(screen.getByTestId('error-code')).toHaveTextContent('vault.corrupt');
    expect(await axeViolations()).toEqual([]);

    await userEvent.type(within(help).getByTestId('recover-password'), 'not it');
    await userEvent.click(within(help).getByTestId('recover-newest'));
    expect(await within(help).findByTestId('recover-password-error')).toBeInTheDocument();
    expect(within(help).getByTestId('recover-password')).toHaveValue('');

    await userEvent.type(within(help).getByTestId('recover-password'), 'plover kettle marsh quietly');
    await userEvent.click(within(help).getByTestId('recover-newest'));
    const report = await within(help).findByTestId('recover-report');
    expect(report).toHaveTextContent('3 accounts');
    expect(report).toHaveTextContent('vault.ksv.damaged-20261129-010203');
    expect(backend.argsOf('recover_from_backup').at(-1)).toEqual({ password: 'plover kettle marsh quietly' });

    await userEvent.click(within(help).getByTestId('recover-continue'));
    expect(await screen.findByRole('navigation', { name: 'Keystep screens' })).toBeInTheDocument();
  });

  it('needs no password for a backup sealed by this computer\'s keychain', async () => {
    const backend = fakeBackend({
      handlers: {
        open_vault: refuse('vault.corrupt'),
        newest_backup_sealed_by: () => 'keychain',
        recover_from_backup: () => REPORT,
      },
    });
    render(App);
    const help = await screen.findByTestId('damaged-vault-help');
    expect(within(help).queryByTestId('recover-password')).not.toBeInTheDocument();
    await userEvent.click(await within(help).findByTestId('recover-newest'));
    expect(await within(help).findByTestId('recover-report')).toBeInTheDocument();
    expect(backend.argsOf('recover_from_backup')).toEqual([{ password: '' }]);
  });

  it('says so when there is no backup to open', async () => {
    fakeBackend({
      handlers: {
        open_vault: refuse('vault.corrupt'),
        newest_backup_sealed_by: refuse('backup.none', "There is no backup of your codes in Keystep's data folder yet. If you have one elsewhere (a USB stick, a synced folder), restore it from there."),
      },
    });
    render(App);
    const help = await screen.findByTestId('damaged-vault-help');
    expect(await within(help).findByText("There is no backup of your codes in Keystep's data folder yet. If you have one elsewhere (a USB stick, a synced folder), restore it from there.")).toBeInTheDocument();
    expect(within(help).queryByTestId('recover-newest')).not.toBeInTheDocument();
  });

  it('is not offered for other problems', async () => {
    fakeBackend({ handlers: { open_vault: refuse('keychain.no_service') } });
    render(App);
    await screen.findByTestId('error-screen');
    expect(screen.queryByTestId('damaged-vault-help')).not.toBeInTheDocument();
  });
});
