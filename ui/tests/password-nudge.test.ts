import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../src/App.svelte';
import type { AccountView } from '../src/lib/bindings/AccountView';
import { fakeBackend, timedCode, totp } from './backend';

const URI = 'otpauth://totp/IRS:me?secret=JBSWY3DPEHPK3PXP&issuer=IRS';

/** A backend whose add puts the account in its list, as Rust does. */
function backendWithAdd(extra: Parameters<typeof fakeBackend>[0] = {}) {
  const added: AccountView[] = [];
  const backend = fakeBackend({
    ...extra,
    handlers: {
      list_accounts: () => structuredClone([...(extra.accounts ?? []), ...added]),
      get_codes: () => [...(extra.accounts ?? []), ...added].map((a) => timedCode(a.id, '123456', Date.now() + 20_000)),
      add_account_uri: () => {
        const account = totp(`n${added.length}`, 'IRS', 'me');
        added.push(account);
        return account;
      },
      ...extra.handlers,
    },
  });
  return backend;
}

async function addOne() {
  await userEvent.click(await screen.findByTestId('add-account'));
  const dialog = screen.getByRole('dialog');
  await userEvent.type(within(dialog).getByTestId('uri-input'), URI);
  await userEvent.click(within(dialog).getByRole('button', { name: 'Add' }));
  await screen.findByTestId('account-row');
}

describe('after the first code is added', () => {
  it('asks for a recovery password when none is set, and Set a recovery password opens Settings', async () => {
    backendWithAdd();
    render(App);
    await addOne();
    const nudge = await screen.findByTestId('password-nudge');
    expect(nudge).toHaveTextContent('open your codes on another computer');
    await userEvent.click(within(nudge).getByTestId('nudge-set-password'));
    expect(await screen.findByTestId('settings-screen')).toBeInTheDocument();
    expect(screen.queryByTestId('password-nudge')).not.toBeInTheDocument();
  });

  it('goes away with Not now', async () => {
    backendWithAdd();
    render(App);
    await addOne();
    await userEvent.click(within(await screen.findByTestId('password-nudge')).getByTestId('nudge-later'));
    expect(screen.queryByTestId('password-nudge')).not.toBeInTheDocument();
  });

  it('is not shown when a password is set, or for a later code', async () => {
    backendWithAdd({ password: 'plover kettle marsh quietly' });
    render(App);
    await addOne();
    expect(screen.queryByTestId('password-nudge')).not.toBeInTheDocument();
  });

  it('is not shown when codes were already there', async () => {
    backendWithAdd({ accounts: [totp('a1', 'SSA', 'me')] });
    render(App);
    await screen.findByTestId('account-row');
    await userEvent.click(await screen.findByTestId('add-account'));
    const dialog = screen.getByRole('dialog');
    await userEvent.type(within(dialog).getByTestId('uri-input'), URI);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add' }));
    await screen.findByText(/Added IRS/);
    expect(screen.queryByTestId('password-nudge')).not.toBeInTheDocument();
  });
});
