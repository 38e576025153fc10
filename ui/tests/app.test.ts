import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../src/App.svelte';
import { fakeBackend, timedCode, totp } from './backend';

afterEach(() => {
  vi.useRealTimers();
});

describe('opening', () => {
  it('says it is opening, and mentions the keychain only after 3 seconds', async () => {
    vi.useFakeTimers();
    fakeBackend({ handlers: { open_vault: () => new Promise(() => {}) } });
    render(App);

    expect(screen.getByText('Opening your codes…')).toBeInTheDocument();
    await vi.advanceTimersByTimeAsync(2900);
    expect(screen.queryByText(/Waiting for your keychain/)).not.toBeInTheDocument();
    await vi.advanceTimersByTimeAsync(200);
    expect(
      screen.getByText('Waiting for your keychain. If it asks for your password, unlock it.'),
    ).toBeInTheDocument();
  });
});

describe('a vault with parts this version cannot read', () => {
  it('says what could not be read and that it is kept, above the codes', async () => {
    fakeBackend({
      accounts: [totp('a1', 'GitHub', 'alice')],
      codes: [timedCode('a1', '123456', Date.now() + 20_000)],
      handlers: {
        open_vault: () => ({ created: false, dataDir: '/data', unreadable: ['1 change-number plan'] }),
      },
    });
    render(App);
    const note = await screen.findByTestId('unreadable-note');
    expect(note).toHaveAttribute('role', 'status');
    expect(note).toHaveTextContent('could not read part of your saved information: 1 change-number plan.');
    expect(note).toHaveTextContent('It is kept unchanged in your vault.');
    expect(await screen.findByTestId('account-row')).toBeInTheDocument();
  });

  it('shows no note when everything was read', async () => {
    fakeBackend({ accounts: [totp('a1', 'GitHub', 'alice')], codes: [timedCode('a1', '123456', Date.now() + 20_000)] });
    render(App);
    await screen.findByTestId('account-row');
    expect(screen.queryByTestId('unreadable-note')).not.toBeInTheDocument();
  });
});

describe('problem screen', () => {
  it('shows the keychain message, and Try again opens the vault again', async () => {
    let attempts = 0;
    const backend = fakeBackend({
      accounts: [totp('a1', 'GitHub', 'alice')],
      codes: [timedCode('a1', '123456', Date.now() + 20_000)],
      handlers: {
        open_vault: () => {
          attempts += 1;
          if (attempts === 1) {
            throw {
              code: 'keychain.locked',
              message: 'Your keychain is locked. Unlock it (in an unlock window if one is open, in the Passwords and Keys app, or by signing out and in again), then try again. Nothing was changed.',
              detail: 'Secret Service: collection is locked',
            };
          }
          return { created: false, dataDir: '/data', unreadable: [] };
        },
      },
    });
    render(App);

    const problem = await screen.findByTestId('error-screen');
    expect(problem).toHaveAttribute('role', 'alert');
    const view = within(problem);
    expect(view.getByRole('heading', { name: "Keystep can't open your codes" })).toBeInTheDocument();
    expect(view.getByText('Your keychain is locked. Unlock it (in an unlock window if one is open, in the Passwords and Keys app, or by signing out and in again), then try again. Nothing was changed.')).toBeInTheDocument();
    expect(view.getByText('keychain.locked')).toBeInTheDocument();
    const details = view.getByRole('button', { name: 'Details' });
    expect(details).toHaveAttribute('aria-expanded', 'false');
    expect(view.getByText('Secret Service: collection is locked')).not.toBeVisible();
    await userEvent.click(details);
    expect(details).toHaveAttribute('aria-expanded', 'true');
    expect(view.getByText('Secret Service: collection is locked')).toBeVisible();
    expect(backend.count('list_accounts')).toBe(0);

    await userEvent.click(view.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('heading', { name: 'Your codes' })).toBeInTheDocument();
    expect(backend.count('open_vault')).toBe(2);
    expect(await screen.findAllByTestId('account-row')).toHaveLength(1);
  });

  it('shows the plain fallback message for an unexpected failure', async () => {
    fakeBackend({
      handlers: {
        open_vault: () => {
          throw 'IPC bridge exploded';
        },
      },
    });
    render(App);
    const problem = await screen.findByTestId('error-screen');
    expect(problem).toHaveTextContent('Something went wrong. Try again.');
    expect(problem).not.toHaveTextContent('IPC bridge exploded');
  });
});

describe('first_code_painted', () => {
  it('is called once, after the codes are on screen, and not again after a reload', async () => {
    const rowsAtCall: number[] = [];
    const backend = fakeBackend({
      accounts: [totp('a1', 'GitHub', 'alice'), totp('a2', 'ID.me', 'sam')],
      codes: [timedCode('a1', '123456', Date.now() + 20_000), timedCode('a2', '654321', Date.now() + 20_000)],
      handlers: {
        first_code_painted: () => {
          rowsAtCall.push(document.querySelectorAll('[data-testid="account-row"]').length);
          return null;
        },
      },
    });
    render(App);

    await waitFor(() => expect(backend.count('first_code_painted')).toBe(1));
    expect(rowsAtCall).toEqual([2]);

    // A delete reloads the list; that must not count as a first paint.
    await userEvent.click(screen.getAllByTestId('delete-button')[0]!);
    await userEvent.click(await screen.findByTestId('confirm-delete'));
    await waitFor(() => expect(screen.getAllByTestId('account-row')).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 100));
    expect(backend.count('first_code_painted')).toBe(1);
  });

  it('is called once for the empty state too', async () => {
    const seen: boolean[] = [];
    const backend = fakeBackend({
      handlers: {
        first_code_painted: () => {
          seen.push(document.querySelector('[data-testid="empty-state"]') !== null);
          return null;
        },
      },
    });
    render(App);
    await waitFor(() => expect(backend.count('first_code_painted')).toBe(1));
    expect(seen).toEqual([true]);
  });
});
