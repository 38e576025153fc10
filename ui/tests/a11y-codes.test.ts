// Issue 14 on "Your codes" and the Add dialog: a screen that holds still, a key that can be pasted
// anywhere it fits, keyboard use, and what screen readers are given.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import AccountsScreen from '../src/lib/components/AccountsScreen.svelte';
import { CodesState } from '../src/lib/codes.svelte';
import type { CodeView } from '../src/lib/bindings/CodeView';
import { looksLikeSetupKey } from '../src/lib/newAccount';
import { spokenCode, spokenNextCode } from '../src/lib/format';
import { installTabWrap, tabStops } from '../src/lib/tabWrap';
import { fakeBackend, T0, timedCode, totp } from './backend';

afterEach(() => {
  vi.useRealTimers();
});

const PERIOD_MS = 30_000;

/** Codes as Rust makes them at `now`: the next code is handed over when fewer than 12 s are left. */
function rustCodes(id: string, now: number): CodeView[] {
  const step = Math.floor(now / PERIOD_MS);
  const untilMs = (step + 1) * PERIOD_MS;
  const code = String(100_000 + (step % 900_000));
  const next = String(100_000 + ((step + 1) % 900_000));
  return [{ id, code, nextCode: untilMs - now < 12_000 ? next : null, validFromMs: step * PERIOD_MS, validUntilMs: untilMs }];
}

function rowFor(id: string): HTMLElement {
  const row = screen.getAllByTestId('account-row').find((r) => r.dataset.accountId === id);
  if (!row) throw new Error(`no row for ${id}`);
  return row;
}

async function openAddDialog() {
  await userEvent.click(await screen.findByTestId('add-account'));
  return screen.getByRole('dialog', { name: 'Add an account' });
}

describe('the next code holds still', () => {
  it('keeps the Next line in place before it is shown, so Copy, Rename and Delete never move', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    fakeBackend({ accounts: [totp('a1', 'IRS', 'me')], codes: [timedCode('a1', '622792', T0 + 20_000, '123456')] });
    render(AccountsScreen);

    const row = await waitFor(() => rowFor('a1'));
    const line = row.querySelector<HTMLElement>('[data-next-line]');
    expect(line).not.toBeNull();
    // The line is there but shows nothing, and screen readers are given nothing from it.
    expect(within(row).queryByTestId('next-code')).not.toBeInTheDocument();
    expect(line!.querySelector('.stand-in')).toHaveAttribute('aria-hidden', 'true');
    expect(line!.textContent).not.toContain('123');
    // Its place in the row: right before the buttons.
    expect(line!.nextElementSibling).toHaveClass('row-actions');

    vi.setSystemTime(T0 + 10_000); // 10 s left
    await waitFor(() => expect(within(row).getByTestId('next-code')).toBe(line), { timeout: 2500 });
    expect(line!.nextElementSibling).toHaveClass('row-actions');
    expect(line!.querySelector('.stand-in')).toBeNull();
  });

  it('has no Next line at all for a counter-based account, which never has a next code', async () => {
    fakeBackend({
      accounts: [{ ...totp('h1', 'VPN', 'me'), kind: 'hotp', counter: 1 }],
      codes: [{ id: 'h1', code: '112233', nextCode: null, validFromMs: null, validUntilMs: null }],
    });
    render(AccountsScreen);
    const row = await waitFor(() => rowFor('h1'));
    expect(row.querySelector('[data-next-line]')).toBeNull();
  });

  it('shows the next code for every one of the last 10 seconds, and not before', async () => {
    vi.useFakeTimers();
    // 13.5 s left in the period (T0 starts one): the 5 s safety refresh then comes at 8.5 s left, too late.
    const start = T0 + 16_500;
    vi.setSystemTime(start);
    fakeBackend({
      accounts: [totp('a1', 'IRS', 'me')],
      handlers: { get_codes: () => rustCodes('a1', Date.now()) },
    });
    render(AccountsScreen);
    await vi.advanceTimersByTimeAsync(10);
    const row = await waitFor(() => rowFor('a1'));

    const seen: string[] = [];
    for (let second = 0; second < 13; second += 1) {
      // Early, middle and late in each second, as a person (or a screen reader) might look at any moment.
      for (const offset of [100, 500, 900]) {
        await vi.advanceTimersByTimeAsync(T0 + 17_000 + second * 1000 + offset - Date.now());
        const left = row.querySelector('[data-testid=countdown]')!.textContent!.trim();
        const next = row.querySelector('[data-testid=next-code]');
        seen.push(`${left}:${next ? 'next' : '-'}`);
      }
    }
    const expected = ['13 s', '12 s', '11 s'].flatMap((l) => [`${l}:-`, `${l}:-`, `${l}:-`]);
    for (let left = 10; left >= 1; left -= 1) expected.push(...Array(3).fill(`${left} s:next`));
    expect(seen).toEqual(expected);
  });

  it('does not let an older answer replace a newer one (two requests crossing)', async () => {
    const now = Date.now();
    // Asked just before the period ended, answered late (the request waited for the vault)…
    const old = timedCode('a1', '622792', now, '123456');
    // …after a request made just after, which already brought the new code.
    const fresh = timedCode('a1', '123456', now + 30_000, null);
    let answerSlow: (codes: CodeView[]) => void = () => {};
    let calls = 0;
    fakeBackend({
      accounts: [totp('a1', 'IRS', 'me')],
      handlers: {
        get_codes: () => {
          calls += 1;
          if (calls === 1) return new Promise<CodeView[]>((resolve) => (answerSlow = resolve));
          return [fresh];
        },
      },
    });
    const data = new CodesState();
    const slow = data.refreshCodes();
    await data.reload();
    expect(data.codes.a1?.code).toBe('123456');

    answerSlow([old]);
    await slow;
    expect(data.codes.a1).toEqual(fresh);
    data.stop();
  });

  it('keeps a known next code when a newer answer for the same period comes without it', async () => {
    const until = Date.now() + 9_000;
    let answer: CodeView[] = [timedCode('a1', '622792', until, '123456')];
    fakeBackend({ accounts: [totp('a1', 'IRS', 'me')], handlers: { get_codes: () => answer } });
    const data = new CodesState();
    await data.reload();
    answer = [timedCode('a1', '622792', until, null)];
    await data.refreshCodes();
    expect(data.codes.a1?.nextCode).toBe('123456');
    // A new period brings its own next code (none yet), never the old one.
    answer = [timedCode('a1', '123456', until + 30_000, null)];
    await data.refreshCodes();
    expect(data.codes.a1?.nextCode).toBeNull();
    data.stop();
  });
});

describe('what screen readers are given', () => {
  it('says each code as text with its service and seconds left, and the next code with a label', () => {
    expect(spokenCode('IRS', '622792', 18)).toBe('IRS code 622 792, 18 seconds left');
    expect(spokenCode('IRS', '622792', 1)).toBe('IRS code 622 792, 1 second left');
    expect(spokenCode('VPN', '112233')).toBe('VPN code 112 233');
    expect(spokenCode('', '12345678', 4)).toBe('Code 1234 5678, 4 seconds left');
    expect(spokenNextCode('IRS', '123456')).toBe('Next IRS code 123 456');
  });

  it('names each row by its service and account, with the code, the next code and buttons named apart', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    fakeBackend({
      accounts: [totp('a1', 'IRS', 'taxpayer@example.com'), totp('a2', 'ID.me', 'sam')],
      codes: [timedCode('a1', '622792', T0 + 7_000, '123456'), timedCode('a2', '654321', T0 + 18_000)],
    });
    render(AccountsScreen);

    const list = await screen.findByRole('list', { name: 'Accounts' });
    const irs = within(list).getByRole('listitem', { name: 'IRS taxpayer@example.com' });
    expect(within(list).getByRole('listitem', { name: 'ID.me sam' })).toBe(rowFor('a2'));
    expect(within(list).queryAllByRole('img')).toHaveLength(0);

    expect(within(irs).getByTestId('code-spoken')).toHaveTextContent(/^IRS code 622 792, 7 seconds left$/);
    expect(within(irs).getByText('Next IRS code 123 456')).toBeInTheDocument();
    expect(within(rowFor('a2')).getByTestId('code-spoken')).toHaveTextContent(/^ID\.me code 654 321, 18 seconds left$/);
    // The seconds are said with the code; the countdown is not a second text to read.
    expect(within(irs).getByTestId('countdown').closest('[aria-hidden="true"]')).not.toBeNull();
    // The ticking code is not a live region: it would be read out every second.
    expect(irs.querySelector('[aria-live], [role="status"], [role="alert"], [role="log"]')).toBeNull();

    expect(within(irs).getByRole('button', { name: 'Copy IRS (taxpayer@example.com) code' })).toBeInTheDocument();
    expect(within(irs).getByRole('button', { name: 'Rename IRS (taxpayer@example.com)' })).toBeInTheDocument();
    expect(within(irs).getByRole('button', { name: 'Delete IRS (taxpayer@example.com)' })).toBeInTheDocument();
  });

  it('keeps the name "Add account" on the Codes screen button', async () => {
    fakeBackend({ accounts: [totp('a1', 'IRS', 'me')], codes: [timedCode('a1', '622792', Date.now() + 20_000)] });
    render(AccountsScreen);
    expect(await screen.findByRole('button', { name: 'Add account' })).toHaveAttribute('data-testid', 'add-account');
  });
});

describe('a setup key pasted where the link goes', () => {
  it('tells keys from links', () => {
    expect(looksLikeSetupKey('JBSWY3DPEHPK3PXP')).toBe(true);
    expect(looksLikeSetupKey('  jbsw y3dp ehpk 3pxp \n')).toBe(true);
    expect(looksLikeSetupKey('jbsw-y3dp-ehpk-3pxp')).toBe(true);
    // A mistyped 0 still goes to the key field, where Rust says which character is wrong.
    expect(looksLikeSetupKey('JBSW Y3DP EHPK 3PX0')).toBe(true);
    expect(looksLikeSetupKey('otpauth://totp/IRS?secret=JBSWY3DPEHPK3PXP')).toBe(false);
    expect(looksLikeSetupKey('hello')).toBe(false);
    expect(looksLikeSetupKey('https://irs.gov/some/page')).toBe(false);
  });

  it('moves a pasted key with spaces to the setup key field, asks for the service, and adds it', async () => {
    const added = totp('a2', 'IRS', '');
    const backend = fakeBackend({
      handlers: {
        add_account: () => {
          backend.state.accounts.push(added);
          backend.state.codes.push(timedCode('a2', '777888', Date.now() + 20_000));
          return added;
        },
      },
    });
    render(AccountsScreen);
    const dialog = await openAddDialog();
    const link = within(dialog).getByTestId('uri-input');
    await userEvent.click(link);
    await userEvent.paste('jbsw y3dp ehpk 3pxp');

    const secret = await within(dialog).findByLabelText('Setup key');
    expect(secret).toHaveValue('jbsw y3dp ehpk 3pxp');
    expect(within(dialog).queryByTestId('uri-input')).not.toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Type the setup key' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(dialog).getByTestId('issuer-input')).toHaveFocus();
    expect(within(dialog).getByRole('status')).toHaveTextContent('That is a setup key, not a link');
    expect(backend.count('add_account_uri')).toBe(0);

    await userEvent.type(within(dialog).getByTestId('issuer-input'), 'IRS');
    await userEvent.click(within(dialog).getByTestId('add-submit'));

    await waitFor(() => expect(dialog).not.toHaveAttribute('open'));
    expect(backend.argsOf('add_account')).toEqual([
      { account: { issuer: 'IRS', name: '', secret: 'jbsw y3dp ehpk 3pxp', kind: 'totp', algorithm: 'SHA1', digits: 6, period: 30 } },
    ]);
  });

  it('moves a key that was typed (not pasted) into the link box when Add is pressed', async () => {
    const backend = fakeBackend();
    render(AccountsScreen);
    const dialog = await openAddDialog();
    await userEvent.type(within(dialog).getByTestId('uri-input'), 'JBSWY3DPEHPK3PXP');
    await userEvent.click(within(dialog).getByTestId('add-submit'));

    expect(await within(dialog).findByLabelText('Setup key')).toHaveValue('JBSWY3DPEHPK3PXP');
    expect(within(dialog).getByTestId('issuer-input')).toHaveFocus();
    expect(backend.count('add_account_uri')).toBe(0);
  });

  it('calls the key "setup key" everywhere, with a hint that says which letters and digits', async () => {
    fakeBackend();
    render(AccountsScreen);
    const dialog = await openAddDialog();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Type the setup key' }));

    const secret = within(dialog).getByLabelText('Setup key');
    expect(secret).toHaveAccessibleDescription('Letters A to Z and digits 2 to 7. Spaces and small letters are fine.');
    expect(dialog.textContent).not.toMatch(/secret key|Letters and numbers/i);
    expect(screen.getByTestId('empty-state')).toHaveTextContent('setup key');
  });
});

describe('errors go once the field is fixed', () => {
  it('clears the setup key error as soon as the key is changed, and only that one', async () => {
    fakeBackend({
      handlers: {
        add_account: () => {
          throw { code: 'input.bad_secret', message: 'The setup key is not valid: character 16 is not allowed.' };
        },
      },
    });
    render(AccountsScreen);
    const dialog = await openAddDialog();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Type the setup key' }));
    await userEvent.type(within(dialog).getByTestId('issuer-input'), 'IRS');
    const secret = within(dialog).getByTestId('secret-input');
    await userEvent.type(secret, 'JBSWY3DPEHPK3PX0');
    await userEvent.click(within(dialog).getByTestId('add-submit'));

    await waitFor(() => expect(secret).toHaveAttribute('aria-invalid', 'true'));
    expect(within(dialog).getByTestId('secret-input-error')).toHaveTextContent('character 16 is not allowed');

    // Typing elsewhere leaves it; fixing the key takes it away at once.
    await userEvent.type(within(dialog).getByTestId('name-input'), 'me');
    expect(secret).toHaveAttribute('aria-invalid', 'true');
    await userEvent.type(secret, '{Backspace}O');
    expect(secret).not.toHaveAttribute('aria-invalid');
    expect(within(dialog).queryByTestId('secret-input-error')).not.toBeInTheDocument();
  });

  it('clears the link error as soon as the link is changed', async () => {
    fakeBackend({
      handlers: {
        add_account_uri: () => {
          throw {
            code: 'input.bad_uri',
            message: 'The setup link is not valid: it has no setup key in it. Check that you copied the whole link, or type the setup key instead.',
          };
        },
      },
    });
    render(AccountsScreen);
    const dialog = await openAddDialog();
    const link = within(dialog).getByTestId('uri-input');
    await userEvent.type(link, 'otpauth://totp/X?secrte=JBSWY3DPEHPK3PXP');
    await userEvent.click(within(dialog).getByTestId('add-submit'));

    await waitFor(() => expect(link).toHaveAccessibleDescription(/it has no setup key in it\./));
    expect(link).toHaveAttribute('aria-invalid', 'true');
    await userEvent.type(link, 'x');
    expect(link).not.toHaveAttribute('aria-invalid');
    expect(link).not.toHaveAccessibleDescription(/no setup key/);
  });
});

describe('after adding', () => {
  it('puts focus on the new account’s row', async () => {
    const added = totp('a2', 'IRS', 'taxpayer@example.com');
    const backend = fakeBackend({
      accounts: [totp('a1', 'GitHub', 'alice')],
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
    const dialog = await openAddDialog();
    await userEvent.type(within(dialog).getByTestId('uri-input'), 'otpauth://totp/IRS:taxpayer@example.com?secret=JBSWY3DPEHPK3PXP');
    await userEvent.click(within(dialog).getByTestId('add-submit'));

    await waitFor(() => expect(rowFor('a2')).toHaveFocus());
    expect(document.activeElement).toHaveAccessibleName('IRS taxpayer@example.com');
  });

  it('clears a search that would hide the new account', async () => {
    const added = totp('a2', 'IRS', 'me');
    const backend = fakeBackend({
      accounts: [totp('a1', 'GitHub', 'alice')],
      codes: [timedCode('a1', '123456', Date.now() + 20_000)],
      handlers: {
        add_account_uri: () => {
          backend.state.accounts.push(added);
          return added;
        },
      },
    });
    render(AccountsScreen);
    await userEvent.type(await screen.findByLabelText('Search accounts'), 'git');
    const dialog = await openAddDialog();
    await userEvent.type(within(dialog).getByTestId('uri-input'), 'otpauth://totp/IRS:me?secret=JBSWY3DPEHPK3PXP');
    await userEvent.click(within(dialog).getByTestId('add-submit'));

    await waitFor(() => expect(rowFor('a2')).toHaveFocus());
    expect(screen.getByLabelText('Search accounts')).toHaveValue('');
  });
});

describe('keyboard', () => {
  it('reaches "Type the setup key" with Tab, chooses it with Enter or Space, and goes on to the first field', async () => {
    fakeBackend();
    render(AccountsScreen);
    const dialog = await openAddDialog();
    const byLink = within(dialog).getByRole('button', { name: 'Paste a setup link' });
    const byKey = within(dialog).getByRole('button', { name: 'Type the setup key' });
    expect(byLink).toHaveAttribute('aria-pressed', 'true');
    expect(byKey).toHaveAttribute('aria-pressed', 'false');

    byLink.focus();
    await userEvent.tab();
    expect(byKey).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(byKey).toHaveAttribute('aria-pressed', 'true');
    expect(within(dialog).getByTestId('issuer-input')).toHaveFocus();

    byLink.focus();
    await userEvent.keyboard(' ');
    expect(byLink).toHaveAttribute('aria-pressed', 'true');
    expect(within(dialog).getByTestId('uri-input')).toHaveFocus();
  });

  it('sends the link with Enter, and Shift+Enter starts a new line', async () => {
    const backend = fakeBackend({
      handlers: {
        add_account_uri: () => {
          throw { code: 'input.bad_uri', message: 'The setup link is not valid.' };
        },
      },
    });
    render(AccountsScreen);
    const dialog = await openAddDialog();
    const link = within(dialog).getByTestId('uri-input');
    await userEvent.type(link, 'otpauth://totp/IRS:me{Shift>}{Enter}{/Shift}');
    expect(link).toHaveValue('otpauth://totp/IRS:me\n');
    expect(backend.count('add_account_uri')).toBe(0);

    await userEvent.type(link, '?secret=JBSWY3DPEHPK3PXP{Enter}');
    await waitFor(() => expect(backend.count('add_account_uri')).toBe(1));
    expect(link).toHaveValue('otpauth://totp/IRS:me\n?secret=JBSWY3DPEHPK3PXP');
  });

  describe('Tab at the end goes round instead of onto nothing', () => {
    // jsdom lays nothing out; every rendered control counts as visible here.
    const proto = HTMLElement.prototype as HTMLElement & { checkVisibility?: () => boolean };
    const had = proto.checkVisibility;
    afterEach(() => {
      proto.checkVisibility = had;
    });

    function pressTab(on: Element, shift = false): KeyboardEvent {
      const event = new KeyboardEvent('keydown', { key: 'Tab', shiftKey: shift, bubbles: true, cancelable: true });
      on.dispatchEvent(event);
      return event;
    }

    it('in the Add dialog, from Add back to the first control, and back again with Shift+Tab', async () => {
      proto.checkVisibility = () => true;
      const remove = installTabWrap();
      fakeBackend();
      render(AccountsScreen);
      const dialog = await openAddDialog();
      const stops = tabStops(dialog);
      expect(stops[0]).toBe(within(dialog).getByTestId('scan-screen'));
      expect(stops.at(-1)).toBe(within(dialog).getByTestId('add-submit'));
      // Both ways of adding are stops of their own.
      expect(stops).toContain(within(dialog).getByTestId('mode-key'));

      stops.at(-1)!.focus();
      expect(pressTab(stops.at(-1)!).defaultPrevented).toBe(true);
      expect(stops[0]).toHaveFocus();
      expect(pressTab(stops[0]!, true).defaultPrevented).toBe(true);
      expect(stops.at(-1)).toHaveFocus();
      // In the middle, Tab is left to the browser.
      const middle = within(dialog).getByTestId('uri-input');
      middle.focus();
      expect(pressTab(middle).defaultPrevented).toBe(false);
      remove();
    });

    it('on the Codes screen, from the last Delete back to the first control', async () => {
      proto.checkVisibility = () => true;
      const remove = installTabWrap();
      fakeBackend({ accounts: [totp('a1', 'IRS', 'me')], codes: [timedCode('a1', '622792', Date.now() + 20_000)] });
      render(AccountsScreen);
      const row = await waitFor(() => rowFor('a1'));
      const stops = tabStops(document.body);
      const last = within(row).getByTestId('delete-button');
      expect(stops.at(-1)).toBe(last);
      // The row itself takes focus only from code (after adding), never from Tab.
      expect(stops).not.toContain(row);

      last.focus();
      expect(pressTab(last).defaultPrevented).toBe(true);
      expect(stops[0]).toHaveFocus();
      expect(stops[0]).toHaveAttribute('data-testid', 'add-account');
      remove();
    });
  });
});

describe('a new counter-based code', () => {
  it('is not replaced by the answer to a request sent before it', async () => {
    let answerSlow: (codes: CodeView[]) => void = () => {};
    fakeBackend({
      accounts: [{ ...totp('h1', 'VPN', 'me'), kind: 'hotp', counter: 1 }],
      handlers: { get_codes: () => new Promise<CodeView[]>((resolve) => (answerSlow = resolve)) },
    });
    const data = new CodesState();
    const slow = data.refreshCodes();
    data.setCode({ id: 'h1', code: '222222', nextCode: null, validFromMs: null, validUntilMs: null });
    answerSlow([{ id: 'h1', code: '111111', nextCode: null, validFromMs: null, validUntilMs: null }]);
    await slow;
    expect(data.codes.h1?.code).toBe('222222');
    data.stop();
  });
});
