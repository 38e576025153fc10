import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import AccountsScreen from '../src/lib/components/AccountsScreen.svelte';
import type { AccountView } from '../src/lib/bindings/AccountView';
import { fakeBackend, T0, timedCode, totp } from './backend';
import { withStatusLine } from './statusLine';

withStatusLine();

afterEach(() => {
  vi.useRealTimers();
});

const soon = () => Date.now() + 20_000;

function rowFor(id: string): HTMLElement {
  const row = screen.getAllByTestId('account-row').find((r) => r.dataset.accountId === id);
  if (!row) throw new Error(`no row for ${id}`);
  return row;
}

describe('accounts list', () => {
  it('shows each account with its code grouped for reading', async () => {
    fakeBackend({
      accounts: [totp('a1', 'GitHub', 'alice'), totp('a2', 'Bank', 'sam', 8), totp('a3', 'Steam', 'gamer')],
      codes: [timedCode('a1', '123456', soon()), timedCode('a2', '12345678', soon()), timedCode('a3', '2BK7N', soon())],
    });
    render(AccountsScreen);

    const list = await screen.findByRole('list', { name: 'Accounts' });
    const rows = within(list).getAllByTestId('account-row');
    expect(rows.map((r) => r.dataset.accountId)).toEqual(['a1', 'a2', 'a3']);

    const first = within(rowFor('a1'));
    expect(first.getByText('GitHub').tagName).toBe('STRONG');
    expect(first.getByText('alice')).toBeInTheDocument();
    const code = first.getByTestId('code');
    expect(code).toHaveTextContent(/^123 456$/);
    expect(code).toHaveAttribute('data-code', '123456');
    // Screen readers get the code as text with its service, not as an image of spelled-out digits.
    expect(code).toHaveAttribute('aria-hidden', 'true');
    expect(first.getByTestId('code-spoken')).toHaveTextContent(/^GitHub code 123 456, \d+ seconds left$/);
    expect(within(list).queryAllByRole('img')).toHaveLength(0);

    expect(within(rowFor('a2')).getByTestId('code')).toHaveTextContent(/^1234 5678$/);
    expect(within(rowFor('a2')).getByTestId('code')).toHaveAttribute('data-code', '12345678');
    expect(within(rowFor('a3')).getByTestId('code')).toHaveTextContent(/^2BK7N$/);
    // Letters are said one by one, not as a word.
    expect(within(rowFor('a3')).getByTestId('code-spoken')).toHaveTextContent(/^Steam code 2 B K 7 N, /);
  });

  it('counts down the seconds left from the local clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    fakeBackend({ accounts: [totp('a1', 'GitHub', 'alice')], codes: [timedCode('a1', '123456', T0 + 12_000)] });
    render(AccountsScreen);

    const countdown = await screen.findByTestId('countdown');
    expect(countdown).toHaveTextContent(/^12 s$/);
    expect(countdown).toHaveAttribute('role', 'timer');

    vi.setSystemTime(T0 + 5_000);
    await waitFor(() => expect(countdown).toHaveTextContent(/^7 s$/), { timeout: 2500 });
  });

  it('shows the next code when Rust sends one', async () => {
    fakeBackend({
      accounts: [totp('a1', 'GitHub', 'alice')],
      codes: [timedCode('a1', '123456', Date.now() + 4_000, '234567')],
    });
    render(AccountsScreen);
    const next = await screen.findByTestId('next-code');
    expect(next).toHaveTextContent(/^Next: 234 567/);
    expect(within(next).getByText('Next GitHub code 234 567')).toHaveClass('visually-hidden');
  });

  it('fetches codes again when the current ones expire', async () => {
    const backend = fakeBackend({
      accounts: [totp('a1', 'GitHub', 'alice')],
      codes: [timedCode('a1', '123456', Date.now() + 600)],
    });
    render(AccountsScreen);
    await screen.findByTestId('code');
    const before = backend.count('get_codes');
    backend.state.codes = [timedCode('a1', '999000', Date.now() + 30_000)];

    await waitFor(() => expect(screen.getByTestId('code')).toHaveAttribute('data-code', '999000'), { timeout: 2000 });
    expect(backend.count('get_codes')).toBe(before + 1);
  });

  it('filters by service or name as you type', async () => {
    fakeBackend({
      accounts: [totp('a1', 'GitHub', 'alice'), totp('a2', 'Login.gov', 'sam@example.com')],
      codes: [timedCode('a1', '123456', soon()), timedCode('a2', '654321', soon())],
    });
    render(AccountsScreen);
    await screen.findAllByTestId('account-row');

    const search = screen.getByLabelText('Search accounts');
    expect(search).toHaveAttribute('data-testid', 'search');
    await userEvent.type(search, 'LOGIN');
    expect(screen.getAllByTestId('account-row').map((r) => r.dataset.accountId)).toEqual(['a2']);
    await userEvent.clear(search);
    await userEvent.type(search, 'alice');
    expect(screen.getAllByTestId('account-row').map((r) => r.dataset.accountId)).toEqual(['a1']);
  });
});

describe('copy', () => {
  it('calls copy_code with the id and says when the clipboard is cleared', async () => {
    const backend = fakeBackend({
      accounts: [totp('a1', 'GitHub', 'alice'), totp('a2', 'ID.me', 'sam')],
      codes: [timedCode('a1', '123456', soon()), timedCode('a2', '654321', soon())],
      handlers: { copy_code: () => ({ clearAfterSecs: 45 }) },
    });
    render(AccountsScreen);

    // The window's one live region says it (and nothing before the copy).
    const region = screen.getByTestId('status-line');
    expect(region).toHaveAttribute('role', 'status');
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(screen.queryByTestId('copy-status')).toBeNull();

    await userEvent.click(await screen.findByRole('button', { name: 'Copy ID.me (sam) code' }));

    expect(backend.argsOf('copy_code')).toEqual([{ id: 'a2' }]);
    const status = await screen.findByTestId('copy-status');
    expect(region).toContainElement(status);
    expect(status).toHaveTextContent('Copied. It will be cleared from the clipboard in 45 seconds.');
  });

  it('shows why copying failed', async () => {
    fakeBackend({
      accounts: [totp('a1', 'GitHub', 'alice')],
      codes: [timedCode('a1', '123456', soon())],
      handlers: {
        copy_code: () => {
          throw { code: 'clipboard.failed', message: 'Keystep could not use the clipboard.' };
        },
      },
    });
    render(AccountsScreen);
    await userEvent.click(await screen.findByTestId('copy-button'));
    expect(await screen.findByTestId('action-error')).toHaveTextContent('Keystep could not use the clipboard.');
    expect(screen.queryByTestId('copy-status')).toBeNull();
  });
});

describe('counter-based accounts', () => {
  it('asks Rust for a new code and shows it', async () => {
    const hotp: AccountView = { ...totp('h1', 'VPN', 'me'), kind: 'hotp', counter: 3 };
    const backend = fakeBackend({
      accounts: [hotp],
      codes: [{ id: 'h1', code: null, nextCode: null, validFromMs: null, validUntilMs: null }],
      handlers: {
        next_hotp_code: ({ id }) => ({ id, code: '112233', nextCode: null, validFromMs: null, validUntilMs: null }),
      },
    });
    render(AccountsScreen);

    await userEvent.click(await screen.findByTestId('hotp-next'));

    expect(backend.argsOf('next_hotp_code')).toEqual([{ id: 'h1' }]);
    const code = await screen.findByTestId('code');
    expect(code).toHaveTextContent(/^112 233$/);
    expect(screen.queryByTestId('countdown')).not.toBeInTheDocument();
  });
});

describe('rename', () => {
  it('saves new names and reloads the list', async () => {
    const backend = fakeBackend({ accounts: [totp('a1', 'Github', 'alice')], codes: [timedCode('a1', '123456', soon())] });
    render(AccountsScreen);

    await userEvent.click(await screen.findByRole('button', { name: 'Rename Github (alice)' }));
    const issuer = screen.getByLabelText('Service');
    expect(issuer).toHaveFocus();
    await userEvent.clear(issuer);
    await userEvent.type(issuer, 'GitHub');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(backend.argsOf('rename_account')).toEqual([{ id: 'a1', issuer: 'GitHub', name: 'alice' }]);
    await waitFor(() => expect(screen.queryByTestId('rename-form')).not.toBeInTheDocument());
    expect(within(rowFor('a1')).getByText('GitHub')).toBeInTheDocument();
    expect(backend.count('list_accounts')).toBe(2);
    // Named as Rust names it, from the view it sent back.
    await waitFor(() => expect(screen.getByTestId('announcement')).toHaveTextContent('Saved GitHub (alice).'));
  });

  it('shows a bad name next to the name field', async () => {
    fakeBackend({
      accounts: [totp('a1', 'GitHub', 'alice')],
      codes: [timedCode('a1', '123456', soon())],
      handlers: {
        rename_account: () => {
          throw { code: 'input.bad_name', message: 'Type a name for this account.' };
        },
      },
    });
    render(AccountsScreen);
    await userEvent.click(await screen.findByTestId('rename-button'));
    await userEvent.clear(screen.getByLabelText('Account name or email'));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    const name = screen.getByLabelText('Account name or email');
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveAccessibleDescription('Type a name for this account.');
  });
});

describe('delete', () => {
  it('asks first, and deletes only after confirming', async () => {
    const backend = fakeBackend({
      accounts: [totp('a1', 'GitHub', 'alice'), totp('a2', 'ID.me', 'sam')],
      codes: [timedCode('a1', '123456', soon()), timedCode('a2', '654321', soon())],
    });
    render(AccountsScreen);

    const deleteButton = within(await waitFor(() => rowFor('a1'))).getByTestId('delete-button');
    await userEvent.click(deleteButton);
    const dialog = screen.getByRole('dialog', { name: 'Delete GitHub (alice)?' });
    expect(dialog).toHaveAttribute('open');
    expect(dialog).toHaveTextContent(
      'You will no longer get codes for this account in Keystep. Make sure you can still sign in another way first.',
    );
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(backend.count('delete_account')).toBe(0);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(dialog).not.toHaveAttribute('open');
    expect(backend.count('delete_account')).toBe(0);
    expect(screen.getAllByTestId('account-row')).toHaveLength(2);
    expect(deleteButton).toHaveFocus();

    await userEvent.click(deleteButton);
    await userEvent.click(screen.getByTestId('confirm-delete'));

    expect(backend.argsOf('delete_account')).toEqual([{ id: 'a1' }]);
    await waitFor(() => expect(screen.getAllByTestId('account-row').map((r) => r.dataset.accountId)).toEqual(['a2']));
    expect(screen.getByTestId('announcement')).toHaveTextContent('Deleted GitHub (alice).');
  });
});

describe('empty state', () => {
  it('explains the first steps when there are no accounts', async () => {
    fakeBackend();
    render(AccountsScreen);

    const empty = await screen.findByTestId('empty-state');
    expect(empty).toHaveTextContent('No accounts yet.');
    const steps = within(empty).getAllByRole('listitem');
    expect(steps).toHaveLength(3);
    expect(steps[0]).toHaveTextContent('authenticator app');
    expect(steps[2]).toHaveTextContent('Add account');
    expect(within(empty).getByRole('button', { name: 'Add account' })).toHaveAttribute('data-testid', 'add-account');
    expect(screen.queryByRole('list', { name: 'Accounts' })).not.toBeInTheDocument();
  });
});
