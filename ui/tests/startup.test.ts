import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import App from '../src/App.svelte';
import { beginStartup } from '../src/lib/startup';
import { fakeBackend, timedCode, totp } from './backend';

afterEach(() => {
  vi.useRealTimers();
});

describe('startup before mount', () => {
  it('opens the vault and loads accounts and codes in one early sequence', async () => {
    const backend = fakeBackend({
      accounts: [totp('a1', 'IRS', 'me')],
      codes: [timedCode('a1', '123456', Date.now() + 20_000)],
    });
    const pre = await beginStartup();
    expect(pre.accounts.map((a) => a.issuer)).toEqual(['IRS']);
    expect(pre.codes?.map((c) => c.code)).toEqual(['123456']);
    expect(backend.count('open_vault')).toBe(1);
  });

  it('shows the preloaded codes without asking Rust for them again', async () => {
    const backend = fakeBackend({
      accounts: [totp('a1', 'IRS', 'me')],
      codes: [timedCode('a1', '654321', Date.now() + 20_000)],
    });
    const startup = beginStartup();
    render(App, { props: { startup } });
    const code = await screen.findByTestId('code');
    expect(code).toHaveAttribute('data-code', '654321');
    expect(backend.count('list_accounts')).toBe(1);
    expect(backend.count('get_codes')).toBe(1);
  });

  it('goes straight to the problem screen when the early open fails, without flashing "Opening"', async () => {
    fakeBackend({
      handlers: {
        open_vault: () => {
          throw { code: 'keychain.no_service', message: 'No keychain service is running, so Keystep cannot reach the key that protects your codes. Sign in to a desktop session with a keyring (such as GNOME Keyring or KWallet), then try again. Nothing was changed.' };
        },
      },
    });
    render(App, { props: { startup: beginStartup() } });
    expect(screen.queryByText('Opening your codes…')).not.toBeInTheDocument();
    expect(await screen.findByTestId('error-screen')).toHaveTextContent('No keychain service is running, so Keystep cannot reach the key that protects your codes. Sign in to a desktop session with a keyring (such as GNOME Keyring or KWallet), then try again. Nothing was changed.');
  });

  it('shows "Opening" only when the early open is slow', async () => {
    vi.useFakeTimers();
    fakeBackend({ handlers: { open_vault: () => new Promise(() => {}) } });
    render(App, { props: { startup: beginStartup() } });
    expect(screen.queryByText('Opening your codes…')).not.toBeInTheDocument();
    await vi.advanceTimersByTimeAsync(300);
    expect(screen.getByText('Opening your codes…')).toBeInTheDocument();
  });
});
