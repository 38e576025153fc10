import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../src/App.svelte';
import AccountsScreen from '../src/lib/components/AccountsScreen.svelte';
import SettingsScreen from '../src/lib/components/settings/SettingsScreen.svelte';
import { CLOCK_EVENT, describeOffset, networkTime } from '../src/lib/networkTime.svelte';
import { RecoveryState } from '../src/lib/recoveryState.svelte';
import type { ClockStatus } from '../src/lib/bindings/ClockStatus';
import { T0, clockStatusOf, fakeBackend, timedCode, totp } from './backend';
import { axeViolations } from './axe';

const TWO_MINUTES_SLOW = clockStatusOf({
  last: {
    offset_ms: 120_000,
    servers: [
      { server: 'pool.ntp.org', offset_ms: 120_010 },
      { server: 'time.cloudflare.com', offset_ms: 119_990 },
    ],
    applied: true,
    checked_at: Math.floor(T0 / 1000),
  },
  correctionMs: 120_000,
});

beforeEach(() => {
  networkTime.status = null;
});

afterEach(() => {
  vi.useRealTimers();
});

describe('how an offset is said', () => {
  it('uses the same words as Rust', () => {
    expect(describeOffset(120_000)).toBe('2 minutes slow');
    expect(describeOffset(-40_400)).toBe('40 seconds fast');
    expect(describeOffset(-1_000)).toBe('1 second fast');
    expect(describeOffset(200)).toBe('the right time');
    expect(describeOffset(3_600_000)).toBe('1 hour slow');
  });
});

describe('the clock banner', () => {
  it('says the clock is off, and what to do, while Rust corrects the codes; it goes when a check finds the clock set', async () => {
    let status: ClockStatus = TWO_MINUTES_SLOW;
    const backend = fakeBackend({
      accounts: [totp('a1', 'IRS', 'me')],
      codes: [timedCode('a1', '123456', Date.now() + 20_000)],
      handlers: { clock_status: () => status },
    });
    render(App);
    const banner = await screen.findByTestId('clock-banner');
    expect(banner).toHaveTextContent("Your computer's clock is 2 minutes slow.");
    expect(banner).toHaveTextContent('Sites may refuse your codes. Turn on “Set time automatically” in your system settings.');
    expect(banner).toHaveAttribute('role', 'status');
    expect(await axeViolations()).toEqual([]);

    // Rust finished a check (the person set the clock): the page asks again, and the codes too.
    const codesBefore = backend.count('get_codes');
    status = clockStatusOf({ last: { ...TWO_MINUTES_SLOW.last!, offset_ms: 30, applied: false } });
    window.dispatchEvent(new CustomEvent(CLOCK_EVENT));
    await waitFor(() => expect(screen.queryByTestId('clock-banner')).not.toBeInTheDocument());
    await waitFor(() => expect(backend.count('get_codes')).toBeGreaterThan(codesBefore));
  });

  it('is not there when the clock is right or was never checked', async () => {
    fakeBackend({ accounts: [totp('a1', 'IRS', 'me')], codes: [timedCode('a1', '123456', Date.now() + 20_000)] });
    render(App);
    await screen.findByTestId('code');
    await waitFor(() => expect(networkTime.status).not.toBeNull());
    expect(screen.queryByTestId('clock-banner')).not.toBeInTheDocument();
  });
});

describe('countdowns with a corrected clock', () => {
  it('count to the end of the code Rust made for the network time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    networkTime.status = TWO_MINUTES_SLOW;
    // Rust made the code for T0 + 120 s: it ends 12 s after that moment.
    fakeBackend({ accounts: [totp('a1', 'IRS', 'me')], codes: [timedCode('a1', '123456', T0 + 120_000 + 12_000)] });
    render(AccountsScreen);
    const countdown = await screen.findByTestId('countdown');
    expect(countdown).toHaveTextContent(/^12 s$/);
  });
});

describe('Settings: the clock check', () => {
  async function renderSettings() {
    render(SettingsScreen, { props: { recovery: new RecoveryState() } });
    await screen.findByRole('heading', { level: 2, name: 'Clock check' });
  }

  it('says what the check sends, is on by default, and shows the last result', async () => {
    fakeBackend({ handlers: { clock_status: () => TWO_MINUTES_SLOW } });
    await renderSettings();
    expect(screen.getByText(/They learn your internet address and that you asked for the time; nothing else is sent\./)).toBeInTheDocument();
    const box = screen.getByRole('checkbox', { name: "Check my computer's clock" });
    await waitFor(() => expect(box).toBeChecked());
    expect(screen.getByTestId('clock-result')).toHaveTextContent(
      "your computer's clock is 2 minutes slow. Keystep's codes use the right time until it is set.",
    );
  });

  it('turns the check off and on, and Check now shows the answer', async () => {
    let status = clockStatusOf();
    const backend = fakeBackend({
      handlers: {
        clock_status: () => status,
        set_clock_settings: ({ check, servers }) => {
          status = clockStatusOf({ check: Boolean(check), servers: servers as string[] });
          return status;
        },
        check_clock_now: () => {
          status = clockStatusOf({
            last: { offset_ms: 250, servers: [{ server: 'pool.ntp.org', offset_ms: 250 }], applied: false, checked_at: 1 },
          });
          return status;
        },
      },
    });
    await renderSettings();
    const box = screen.getByRole('checkbox', { name: "Check my computer's clock" });
    await waitFor(() => expect(box).toBeChecked());
    await userEvent.click(box);
    await waitFor(() => expect(backend.argsOf('set_clock_settings')).toEqual([{ check: false, servers: [] }]));
    expect(box).not.toBeChecked();
    expect(screen.queryByTestId('clock-check-now')).not.toBeInTheDocument();

    await userEvent.click(box);
    await waitFor(() => expect(screen.getByTestId('clock-check-now')).toBeInTheDocument());
    await userEvent.click(screen.getByTestId('clock-check-now'));
    await waitFor(() => expect(screen.getByTestId('clock-result')).toHaveTextContent("your computer's clock is right."));
  });

  it('shows a refused server by the servers field', async () => {
    const refused = {
      code: 'input.bad_server',
      message: 'The time server is not valid: "http://x" is not a time server: write only the server\'s name, without http:// or a path.',
    };
    fakeBackend({
      handlers: {
        set_clock_settings: () => {
          throw refused;
        },
      },
    });
    render(SettingsScreen, { props: { recovery: new RecoveryState() } });
    await screen.findByRole('heading', { level: 2, name: 'Clock check' });
    await userEvent.click(screen.getByText('Time servers'));
    await userEvent.type(screen.getByTestId('clock-servers'), 'http://x');
    await userEvent.click(screen.getByTestId('clock-servers-save'));
    expect(await screen.findByTestId('clock-servers-error')).toHaveTextContent('without http://');
    expect(screen.getByTestId('clock-servers')).toHaveAttribute('aria-invalid', 'true');
    expect(await axeViolations()).toEqual([]);
  });
});

describe('a correction that arrives while the codes show', () => {
  it('moves the countdown at once, with the new code', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    let status = clockStatusOf();
    const backend = fakeBackend({
      accounts: [totp('a1', 'IRS', 'me')],
      codes: [timedCode('a1', '123456', T0 + 12_000)],
      handlers: { clock_status: () => status },
    });
    render(App);
    const countdown = await screen.findByTestId('countdown');
    expect(countdown).toHaveTextContent(/^12 s$/);
    // Rust's check ends: its codes are now made for T0 + 120 s.
    backend.state.codes = [timedCode('a1', '654321', T0 + 120_000 + 12_000)];
    status = TWO_MINUTES_SLOW;
    window.dispatchEvent(new CustomEvent(CLOCK_EVENT));
    await waitFor(() => expect(screen.getByTestId('code')).toHaveAttribute('data-code', '654321'));
    // Still T0 on the computer's clock: the countdown did not wait for the next second's tick.
    await waitFor(() => expect(countdown).toHaveTextContent(/^12 s$/), { timeout: 500 });
    expect(await screen.findByTestId('clock-banner')).toBeInTheDocument();
  });
});
