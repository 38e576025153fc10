import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../src/App.svelte';
import MainNav from '../src/lib/components/MainNav.svelte';
import Toast from '../src/lib/components/Toast.svelte';
import StatusLine from '../src/lib/components/StatusLine.svelte';
import { ERROR_MS, INFO_MS, statusLine } from '../src/lib/statusLine.svelte';
import { shortcutFor } from '../src/lib/shortcuts';
import { effectiveTheme, theme } from '../src/lib/theme.svelte';
import { fakeBackend, timedCode, totp } from './backend';

afterEach(() => {
  vi.useRealTimers();
});

describe('the status line', () => {
  it('shows a screen message in the one live region, then lets it go after a few seconds', async () => {
    vi.useFakeTimers();
    render(StatusLine);
    const region = screen.getByTestId('status-line');
    expect(region).toHaveAttribute('role', 'status');
    expect(region).toHaveAttribute('aria-live', 'polite');

    statusLine.show('announcement', 'Added IRS.');
    await vi.advanceTimersByTimeAsync(0);
    expect(within(region).getByTestId('announcement')).toHaveTextContent('Added IRS.');

    await vi.advanceTimersByTimeAsync(INFO_MS - 100);
    expect(within(region).getByTestId('announcement')).toBeInTheDocument();
    await vi.advanceTimersByTimeAsync(200);
    expect(within(region).queryByTestId('announcement')).toBeNull();
  });

  it('keeps an error longer, and a new message from the same screen replaces the old one', async () => {
    vi.useFakeTimers();
    render(StatusLine);
    statusLine.show('settings', 'Saved.');
    statusLine.show('settings', 'Keystep could not save this.', 'error');
    await vi.advanceTimersByTimeAsync(0);
    expect(screen.getAllByTestId('settings')).toHaveLength(1);
    expect(screen.getByTestId('settings')).toHaveTextContent('Keystep could not save this.');

    await vi.advanceTimersByTimeAsync(INFO_MS + 100);
    expect(screen.getByTestId('settings')).toBeInTheDocument();
    await vi.advanceTimersByTimeAsync(ERROR_MS - INFO_MS);
    expect(screen.queryByTestId('settings')).toBeNull();
  });

  it('takes a screen message away with the screen that said it', async () => {
    render(StatusLine);
    const toast = render(Toast, { props: { text: 'Saved.', testid: 'phones-announcement' } });
    expect(await screen.findByTestId('phones-announcement')).toHaveTextContent('Saved.');
    toast.unmount();
    await waitFor(() => expect(screen.queryByTestId('phones-announcement')).toBeNull());
  });

  it('sits in its own strip below the page, not over it', async () => {
    fakeBackend({ accounts: [totp('a1', 'IRS', 'me')], codes: [timedCode('a1', '123456', Date.now() + 20_000)] });
    render(App);
    const page = await screen.findByTestId('page');
    const region = screen.getByTestId('status-line');
    // Siblings in the window's frame: the page scrolls, the names of the screens and the messages do not.
    expect(page.parentElement).toBe(region.parentElement);
    expect(page.nextElementSibling === region || page.compareDocumentPosition(region) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(page).queryByRole('navigation')).toBeNull();
  });
});

describe('keyboard shortcuts', () => {
  const key = (key: string, init: KeyboardEventInit = {}) => new KeyboardEvent('keydown', { key, ...init });

  it('knows Ctrl+F, Ctrl+N and F1, and leaves other keys alone', () => {
    expect(shortcutFor(key('f', { ctrlKey: true }), null, '')).toEqual({ name: 'search' });
    expect(shortcutFor(key('N', { ctrlKey: true }), null, '')).toEqual({ name: 'add' });
    expect(shortcutFor(key('F1'), null, '')).toEqual({ name: 'help' });
    expect(shortcutFor(key('f'), null, '')).toBeNull();
    expect(shortcutFor(key('f', { ctrlKey: true, shiftKey: true }), null, '')).toBeNull();
    expect(shortcutFor(key('x', { ctrlKey: true }), null, '')).toBeNull();
  });

  it('copies with Ctrl+C only on an account row, with no text selected and not in a field', () => {
    const row = document.createElement('li');
    row.dataset.testid = 'account-row';
    const button = document.createElement('button');
    const field = document.createElement('input');
    row.append(button, field);
    document.body.append(row);
    expect(shortcutFor(key('c', { ctrlKey: true }), button, '')).toEqual({ name: 'copy', row });
    expect(shortcutFor(key('c', { ctrlKey: true }), button, 'some text')).toBeNull();
    expect(shortcutFor(key('c', { ctrlKey: true }), field, '')).toBeNull();
    expect(shortcutFor(key('c', { ctrlKey: true }), document.body, '')).toBeNull();
    row.remove();
  });

  it('work in the window: Ctrl+N opens Add, Ctrl+F finds the search, Ctrl+C copies, F1 shows Help', async () => {
    const backend = fakeBackend({
      accounts: [totp('a1', 'IRS', 'me'), totp('a2', 'ID.me', 'sam')],
      codes: [timedCode('a1', '123456', Date.now() + 20_000), timedCode('a2', '654321', Date.now() + 20_000)],
      handlers: { copy_code: () => ({ clearAfterSecs: 0 }) },
    });
    render(App);
    const rows = await screen.findAllByTestId('account-row');

    await userEvent.click(screen.getByTestId('nav-check'));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Is this link real?' })).toHaveFocus());
    await userEvent.keyboard('{Control>}f{/Control}');
    await waitFor(() => expect(screen.getByTestId('search')).toHaveFocus());
    expect(screen.getByTestId('nav-codes')).toHaveAttribute('aria-current', 'page');

    within(rows[1]!).getByTestId('copy-button').focus();
    await userEvent.keyboard('{Control>}c{/Control}');
    await waitFor(() => expect(backend.argsOf('copy_code')).toEqual([{ id: 'a2' }]));

    await userEvent.keyboard('{Control>}n{/Control}');
    const dialog = await screen.findByTestId('add-dialog');
    await waitFor(() => expect(dialog).toHaveAttribute('open'));
    // In a dialog the shortcuts rest: F1 does not take the page away under it.
    await userEvent.keyboard('{F1}');
    expect(screen.queryByTestId('help-screen')).toBeNull();
    fireEvent(dialog, new Event('close'));

    await userEvent.keyboard('{F1}');
    const help = await screen.findByTestId('help-screen');
    expect(within(help).getByRole('heading', { level: 1, name: 'Help' })).toHaveFocus();
    const listed = within(screen.getByTestId('shortcut-list')).getAllByRole('row').map((r) => r.textContent);
    for (const keys of ['Ctrl+F', 'Ctrl+N', 'Ctrl+C', 'F1']) expect(listed.some((r) => r?.startsWith(keys))).toBe(true);
  });
});

describe('the names of the screens', () => {
  let width = 0;
  let observed: ResizeObserverCallback | null = null;

  beforeEach(() => {
    observed = null;
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: ResizeObserverCallback) {
          observed = callback;
        }
        observe() {}
        disconnect() {}
      },
    );
    // jsdom has no layout: the tabs' list "needs" 700 px, and the window gives it `width`.
    vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockImplementation(function (this: HTMLElement) {
      return this.classList.contains('tabs') ? 700 : width;
    });
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(() => width);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  const resize = async (to: number) => {
    width = to;
    observed?.([], {} as ResizeObserver);
    await new Promise((r) => setTimeout(r, 0));
  };

  it('fold into one "Screens" button when they do not fit, and come back when they do', async () => {
    const onshow = vi.fn();
    render(MainNav, { props: { view: 'codes', onshow, showLock: false, onlock: () => {} } });
    await resize(800);
    expect(screen.getByTestId('nav-codes')).toBeInTheDocument();

    await resize(400);
    expect(screen.queryByTestId('nav-codes')).toBeNull();
    const menu = screen.getByTestId('nav-menu');
    expect(menu).toHaveTextContent('Screens: Your codes');
    expect(menu).toHaveAttribute('aria-expanded', 'false');

    await userEvent.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByTestId('menu-codes')).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveFocus();

    await userEvent.click(menu);
    await userEvent.click(screen.getByTestId('menu-phones'));
    expect(onshow).toHaveBeenCalledWith('phones');
    expect(menu).toHaveAttribute('aria-expanded', 'false');

    await resize(800);
    expect(screen.getByTestId('nav-codes')).toBeInTheDocument();
    expect(screen.queryByTestId('nav-menu')).toBeNull();
  });
});

describe('light and dark', () => {
  afterEach(() => {
    theme.choose('system');
  });

  it('follows the system unless a choice was made', () => {
    expect(effectiveTheme('system', true)).toBe('dark');
    expect(effectiveTheme('system', false)).toBe('light');
    expect(effectiveTheme('light', true)).toBe('light');
    expect(effectiveTheme('dark', false)).toBe('dark');
  });

  it('applies a choice from Settings at once and keeps it for the next start', () => {
    theme.start();
    theme.choose('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem('keystep.theme')).toBe('dark');
    theme.start();
    expect(theme.choice).toBe('dark');
    theme.choose('system');
    expect(localStorage.getItem('keystep.theme')).toBeNull();
  });
});
