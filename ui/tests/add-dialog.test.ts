import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import AccountsScreen from '../src/lib/components/AccountsScreen.svelte';
import { fakeBackend, timedCode, totp } from './backend';
import { withStatusLine } from './statusLine';

withStatusLine();

const existing = totp('a1', 'GitHub', 'alice');

async function openAddDialog() {
  const opener = await screen.findByTestId('add-account');
  await userEvent.click(opener);
  return { opener, dialog: screen.getByRole('dialog', { name: 'Add an account' }) };
}

async function typeKey(dialog: HTMLElement) {
  await userEvent.click(within(dialog).getByRole('button', { name: 'Type the setup key' }));
  await userEvent.type(within(dialog).getByTestId('issuer-input'), 'Login.gov');
  await userEvent.type(within(dialog).getByTestId('name-input'), 'sam@example.com');
  await userEvent.type(within(dialog).getByTestId('secret-input'), 'not a key!');
}

describe('add dialog', () => {
  it('opens as a modal with focus on Scan the screen, the setup link field below it', async () => {
    fakeBackend({ accounts: [existing], codes: [timedCode('a1', '123456', Date.now() + 20_000)] });
    render(AccountsScreen);
    const { dialog } = await openAddDialog();

    expect(dialog).toHaveAttribute('open');
    expect(within(dialog).getByRole('button', { name: 'Scan the screen' })).toHaveFocus();
    const uri = within(dialog).getByLabelText('Setup link (starts with otpauth://)');
    expect(uri).toHaveAttribute('data-testid', 'uri-input');
  });

  it('shows input.bad_secret next to the secret field and stays open with the input kept', async () => {
    const backend = fakeBackend({
      handlers: {
        add_account: () => {
          throw { code: 'input.bad_secret', message: 'This key has letters that cannot be in a key.' };
        },
      },
    });
    render(AccountsScreen);
    const { dialog } = await openAddDialog();
    await typeKey(dialog);

    const secret = within(dialog).getByTestId('secret-input');
    expect(secret).toHaveAttribute('autocomplete', 'off');
    expect(secret).toHaveAttribute('spellcheck', 'false');

    await userEvent.click(within(dialog).getByTestId('add-submit'));

    await waitFor(() => expect(secret).toHaveAttribute('aria-invalid', 'true'));
    expect(secret).toHaveAccessibleDescription(/This key has letters that cannot be in a key\./);
    expect(secret).toHaveFocus();
    expect(dialog).toHaveAttribute('open');
    expect(within(dialog).getByTestId('issuer-input')).toHaveValue('Login.gov');
    expect(secret).toHaveValue('not a key!');
    expect(within(dialog).getByTestId('issuer-input')).not.toHaveAttribute('aria-invalid');
    expect(within(dialog).queryByTestId('add-error')).not.toBeInTheDocument();
    expect(backend.argsOf('add_account')).toEqual([
      {
        account: {
          issuer: 'Login.gov',
          name: 'sam@example.com',
          secret: 'not a key!',
          kind: 'totp',
          algorithm: 'SHA1',
          digits: 6,
          period: 30,
        },
      },
    ]);
  });

  it('opens the advanced settings when the error is about one of them', async () => {
    fakeBackend({
      handlers: {
        add_account: () => {
          throw { code: 'input.bad_digits', message: 'Digits must be 6 to 10.' };
        },
      },
    });
    render(AccountsScreen);
    const { dialog } = await openAddDialog();
    await typeKey(dialog);
    const advanced = dialog.querySelector('details')!;
    expect(advanced).not.toHaveAttribute('open');

    await userEvent.click(within(dialog).getByTestId('add-submit'));

    await waitFor(() => expect(advanced).toHaveAttribute('open'));
    const digits = within(dialog).getByLabelText('Digits');
    expect(digits).toHaveAttribute('aria-invalid', 'true');
    expect(digits).toHaveAccessibleDescription('Digits must be 6 to 10.');
  });

  it('shows a duplicate account error at the top of the dialog', async () => {
    const uri = 'otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';
    const backend = fakeBackend({
      accounts: [existing],
      codes: [timedCode('a1', '123456', Date.now() + 20_000)],
      handlers: {
        add_account_uri: () => {
          throw { code: 'account.duplicate', message: 'You already have this account in Keystep.' };
        },
      },
    });
    render(AccountsScreen);
    const { dialog } = await openAddDialog();
    const field = within(dialog).getByTestId('uri-input');
    await userEvent.type(field, uri);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add' }));

    const message = await within(dialog).findByTestId('add-error');
    expect(message).toHaveTextContent('You already have this account in Keystep.');
    expect(message).toHaveAttribute('role', 'alert');
    expect(field).not.toHaveAttribute('aria-invalid');
    expect(field).toHaveValue(uri);
    expect(dialog).toHaveAttribute('open');
    expect(backend.argsOf('add_account_uri')).toEqual([{ uri }]);
  });

  it('shows a bad link next to the link field', async () => {
    fakeBackend({
      handlers: {
        add_account_uri: () => {
          throw { code: 'input.bad_uri', message: 'This is not a setup link.' };
        },
      },
    });
    render(AccountsScreen);
    const { dialog } = await openAddDialog();
    const field = within(dialog).getByTestId('uri-input');
    await userEvent.type(field, 'hello');
    await userEvent.click(within(dialog).getByTestId('add-submit'));

    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription(/This is not a setup link\./);
  });

  it('closes on success, announces the account and reloads the list', async () => {
    const added = totp('a2', 'Login.gov', 'sam@example.com');
    const backend = fakeBackend({
      accounts: [existing],
      codes: [timedCode('a1', '123456', Date.now() + 20_000)],
      handlers: {
        add_account_uri: () => {
          backend.state.accounts.push(added);
          backend.state.codes.push(timedCode('a2', '777888', Date.now() + 20_000));
          return added;
        },
      },
    });
    render(AccountsScreen);
    const { dialog } = await openAddDialog();
    await userEvent.type(within(dialog).getByTestId('uri-input'), 'otpauth://totp/Login.gov:sam?secret=AAAA');
    await userEvent.click(within(dialog).getByTestId('add-submit'));

    await waitFor(() => expect(dialog).not.toHaveAttribute('open'));
    expect(screen.getByTestId('announcement')).toHaveTextContent('Added Login.gov (sam@example.com).');
    await waitFor(() => expect(screen.getAllByTestId('account-row')).toHaveLength(2));
    expect(backend.count('list_accounts')).toBe(2);
  });

  it('forgets what was typed when closed, and gives focus back to the opener', async () => {
    fakeBackend({ accounts: [existing], codes: [timedCode('a1', '123456', Date.now() + 20_000)] });
    render(AccountsScreen);
    const { opener, dialog } = await openAddDialog();
    await userEvent.type(within(dialog).getByTestId('uri-input'), 'otpauth://totp/X?secret=SECRET');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    expect(dialog).not.toHaveAttribute('open');
    expect(opener).toHaveFocus();
    expect(screen.queryByDisplayValue(/SECRET/)).not.toBeInTheDocument();

    await userEvent.click(opener);
    expect(within(dialog).getByTestId('uri-input')).toHaveValue('');
  });
});
