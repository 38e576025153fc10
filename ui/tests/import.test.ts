import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import AccountsScreen from '../src/lib/components/AccountsScreen.svelte';
import type { ImportPreview } from '../src/lib/bindings/ImportPreview';
import { fakeBackend, totp } from './backend';
import { axeViolations } from './axe';
import { withStatusLine } from './statusLine';

withStatusLine();

const FILE = '/home/test/Downloads/aegis-export-20260101.json';

function preview(done = false): ImportPreview {
  return {
    format: 'aegis',
    app: 'Aegis',
    rows: [
      { name: 'IRS:me', issuer: 'IRS', account: 'me', kind: 'totp', action: 'add', reason: null },
      { name: 'Bank:bob', issuer: 'Bank', account: 'bob', kind: 'hotp', action: 'duplicate', reason: 'already in Keystep as Bank (bob).' },
      { name: 'Old:x', issuer: '', account: '', kind: null, action: 'skip', reason: 'it is an mOTP code, a kind Keystep does not support.' },
    ],
    added: 1,
    duplicates: 1,
    skipped: 1,
    warnings: done ? [] : ['This Google Authenticator export has 2 QR codes, and QR code 2 of 2 was not read.'],
    otherTexts: [],
    otherLinks: [],
  };
}

async function openAddDialog() {
  await userEvent.click(await screen.findByTestId('add-account'));
  return screen.getByRole('dialog', { name: 'Add an account' });
}

describe('bringing codes in', () => {
  it('scans the screen, shows every entry with what will happen, and adds on confirm', async () => {
    const backend = fakeBackend({
      accounts: [],
      handlers: {
        import_scan_screen: () => preview(),
        import_confirm: () => {
          backend.state.accounts.push(totp('n1', 'IRS', 'me'));
          return preview(true);
        },
      },
    });
    render(AccountsScreen);
    const dialog = await openAddDialog();
    await userEvent.click(within(dialog).getByTestId('scan-screen'));

    const rows = await within(dialog).findAllByTestId('import-row');
    expect(rows.map((r) => r.dataset.action)).toEqual(['add', 'duplicate', 'skip']);
    expect(rows[2]).toHaveTextContent('Not added');
    expect(rows[2]).toHaveTextContent('mOTP');
    expect(within(dialog).getByTestId('import-warning')).toHaveTextContent('QR code 2 of 2 was not read');
    // The hand-typed form is out of the way while the preview shows.
    expect(within(dialog).queryByTestId('uri-input')).not.toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);

    await userEvent.click(within(dialog).getByTestId('import-confirm'));
    await within(dialog).findByTestId('import-done');
    expect(backend.argsOf('import_confirm')).toHaveLength(1);
    await userEvent.click(within(dialog).getByTestId('import-close'));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText('Added 1 account.')).toBeInTheDocument();
  });

  it('asks for the password of an encrypted export, keeps asking on a wrong one, and previews with the right one', async () => {
    const backend = fakeBackend({
      handlers: {
        choose_import_file: () => FILE,
        import_preview_file: (args) => {
          if (args.password === null) throw { code: 'import.password_needed', message: 'It is encrypted.' };
          if (args.password !== 'right one') throw { code: 'import.wrong_password', message: 'That password does not open it.' };
          return preview();
        },
      },
    });
    render(AccountsScreen);
    const dialog = await openAddDialog();
    await userEvent.click(within(dialog).getByTestId('import-file'));
    const field = await within(dialog).findByLabelText('Password of the export file');
    await waitFor(() => expect(field).toHaveFocus());
    await userEvent.type(field, 'wrong');
    await userEvent.click(within(dialog).getByTestId('import-password-submit'));
    expect(await within(dialog).findByTestId('import-error')).toHaveTextContent('does not open');
    await userEvent.clear(field);
    await userEvent.type(field, 'right one');
    await userEvent.click(within(dialog).getByTestId('import-password-submit'));
    await within(dialog).findAllByTestId('import-row');
    expect(backend.argsOf('import_preview_file')).toEqual([
      { path: FILE, password: null, more: false },
      { path: FILE, password: 'wrong', more: false },
      { path: FILE, password: 'right one', more: false },
    ]);
  });

  it('offers to scan the next QR code of a Google export that is missing one, and adds it to the list', async () => {
    const first: ImportPreview = { ...preview(), format: 'google', app: 'Google Authenticator' };
    const both: ImportPreview = { ...first, warnings: [] };
    const backend = fakeBackend({
      handlers: { import_scan_screen: (args) => (args.more ? both : first) },
    });
    render(AccountsScreen);
    const dialog = await openAddDialog();
    await userEvent.click(within(dialog).getByTestId('scan-screen'));
    await within(dialog).findByTestId('import-warning');
    await userEvent.click(within(dialog).getByTestId('scan-more'));
    await waitFor(() => expect(within(dialog).queryByTestId('import-warning')).not.toBeInTheDocument());
    expect(within(dialog).queryByTestId('import-more')).not.toBeInTheDocument();
    expect(backend.argsOf('import_scan_screen')).toEqual([{ more: false }, { more: true }]);
  });

  it('says plainly when no QR code was found, and going back cancels a preview', async () => {
    const backend = fakeBackend({
      handlers: {
        import_paste_image: () => {
          throw { code: 'import.no_qr', message: 'Keystep found no QR code in the copied picture. Make the QR code bigger.' };
        },
        import_scan_screen: () => preview(),
        import_cancel: () => null,
      },
    });
    render(AccountsScreen);
    const dialog = await openAddDialog();
    await userEvent.click(within(dialog).getByTestId('paste-image'));
    expect(await within(dialog).findByTestId('import-error')).toHaveTextContent('found no QR code');
    await userEvent.click(within(dialog).getByTestId('scan-screen'));
    await userEvent.click(await within(dialog).findByTestId('import-back'));
    expect(await within(dialog).findByTestId('scan-screen')).toBeInTheDocument();
    expect(backend.argsOf('import_cancel')).toHaveLength(1);
  });
});

describe('an account QR code for another device', () => {
  it('asks for the recovery password when one is set, says a wrong one by the field, then asks Rust to show it', async () => {
    const backend = fakeBackend({
      accounts: [totp('a1', 'ID.me', 'sam')],
      handlers: {
        show_account_qr: (args) => {
          if (args.password === null) throw { code: 'export.password_needed', message: 'Give your recovery password first.' };
          if (args.password !== 'right one') throw { code: 'vault.wrong_password', message: 'That is not the recovery password.' };
          return null;
        },
      },
    });
    render(AccountsScreen);
    await userEvent.click(await screen.findByRole('button', { name: 'Show the QR code of ID.me (sam), to add it to another device' }));
    const dialog = await screen.findByRole('dialog', { name: 'Type your recovery password' });
    const field = within(dialog).getByLabelText('Recovery password');
    await userEvent.type(field, 'wrong');
    await userEvent.click(within(dialog).getByTestId('reveal-submit'));
    await waitFor(() => expect(within(dialog).getByLabelText('Recovery password')).toHaveAccessibleDescription(/not the recovery password/));
    await userEvent.type(within(dialog).getByLabelText('Recovery password'), 'right one');
    await userEvent.click(within(dialog).getByTestId('reveal-submit'));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(backend.argsOf('show_account_qr')).toEqual([
      { id: 'a1', password: null },
      { id: 'a1', password: 'wrong' },
      { id: 'a1', password: 'right one' },
    ]);
    expect(await axeViolations()).toEqual([]);
  });
});

describe('a file dropped on the window', () => {
  it('opens the add dialog and reads the dropped file like a chosen one', async () => {
    const backend = fakeBackend({
      handlers: {
        take_dropped_file: () => FILE,
        import_preview_file: () => preview(),
      },
    });
    render(AccountsScreen);
    await screen.findByTestId('add-account');
    window.dispatchEvent(new CustomEvent('keystep:file-dropped'));
    const dialog = await screen.findByRole('dialog', { name: 'Add an account' });
    await within(dialog).findAllByTestId('import-row');
    expect(backend.argsOf('import_preview_file')).toEqual([{ path: FILE, password: null, more: false }]);
  });
});
