import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../src/App.svelte';
import CheckLinkScreen from '../src/lib/components/CheckLinkScreen.svelte';
import type { LinkCheck } from '../src/lib/bindings/LinkCheck';
import { checkSummary, verdictSentence } from '../src/lib/linkCheck';
import { fakeBackend, timedCode, totp } from './backend';

const official: LinkCheck = {
  url: 'https://www.irs.gov/refunds',
  host: 'www.irs.gov',
  registrable_domain: 'irs.gov',
  verdict: 'official',
  service: 'irs',
  service_name: 'IRS',
  summary: 'Official IRS site.',
  reasons: [],
};

const fakeIrs: LinkCheck = {
  url: 'https://irs-gov.refund-help.com/claim/8812-77341-very-long-tracking-part-that-goes-on-and-on',
  host: 'irs-gov.refund-help.com',
  registrable_domain: 'refund-help.com',
  verdict: 'suspicious',
  service: 'irs',
  service_name: 'IRS',
  summary: 'Warning: this is not a real IRS link.',
  reasons: [
    {
      code: 'link.brand_in_other_domain',
      message: "The address uses the name IRS but belongs to refund-help.com. IRS's real sites end in irs.gov.",
    },
    {
      code: 'link.not_https',
      message: 'This one starts with http, which anyone on the network can change.',
    },
  ],
};

const shop: LinkCheck = {
  url: 'https://example.com/shop',
  host: 'example.com',
  registrable_domain: 'example.com',
  verdict: 'not_official',
  service: null,
  service_name: null,
  summary: 'Not an official site of a service Keystep knows. Be careful before you sign in or pay there.',
  reasons: [],
};

const shortened: LinkCheck = {
  url: 'https://bit.ly/3xYz',
  host: 'bit.ly',
  registrable_domain: 'bit.ly',
  verdict: 'suspicious',
  service: null,
  service_name: null,
  summary: 'Warning: this link is not safe.',
  reasons: [
    {
      code: 'link.shortener',
      message: 'bit.ly is a link shortener: it hides where the link really goes. Government agencies do not send shortened links.',
    },
  ],
};

const MESSAGE = `IRS: your refund is on hold. Confirm at ${fakeIrs.url} or see ${official.url}. Deals: ${shop.url}`;

async function paste(text: string) {
  const input = screen.getByLabelText('Link or message');
  await userEvent.click(input);
  await userEvent.paste(text);
  return input as HTMLTextAreaElement;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('navigation', () => {
  it('switches between the codes and the link check, marks the current one and keeps each screen', async () => {
    const backend = fakeBackend({
      accounts: [totp('a1', 'IRS', 'me')],
      codes: [timedCode('a1', '123456', Date.now() + 20_000)],
      handlers: { check_links: () => [official] },
    });
    render(App);

    const nav = await screen.findByRole('navigation', { name: 'Keystep screens' });
    const toCodes = within(nav).getByRole('button', { name: 'Codes' });
    const toCheck = within(nav).getByRole('button', { name: 'Check a link' });
    expect(toCodes).toHaveAttribute('data-testid', 'nav-codes');
    expect(toCheck).toHaveAttribute('data-testid', 'nav-check');
    expect(toCodes).toHaveAttribute('aria-current', 'page');
    expect(toCheck).not.toHaveAttribute('aria-current');
    expect(await screen.findByTestId('code')).toBeVisible();
    expect(screen.queryByTestId('check-screen')).not.toBeInTheDocument();

    await userEvent.click(toCheck);

    expect(toCheck).toHaveAttribute('aria-current', 'page');
    expect(toCodes).not.toHaveAttribute('aria-current');
    expect(screen.getByTestId('check-screen')).toBeVisible();
    expect(screen.getByRole('heading', { level: 1, name: 'Is this link real?' })).toHaveFocus();
    expect(screen.getByTestId('code')).not.toBeVisible();
    expect(screen.queryByRole('heading', { name: 'Your codes' })).not.toBeInTheDocument();

    await paste('https://www.irs.gov/refunds');
    await userEvent.click(screen.getByTestId('check-submit'));
    await screen.findByTestId('check-result');

    await userEvent.click(toCodes);

    expect(toCodes).toHaveAttribute('aria-current', 'page');
    expect(toCheck).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('heading', { level: 1, name: 'Your codes' })).toHaveFocus();
    expect(screen.getByTestId('code')).toBeVisible();
    expect(screen.getByTestId('check-screen')).not.toBeVisible();
    // Kept, not rebuilt: no second load, no second first-paint report.
    expect(backend.count('list_accounts')).toBe(1);
    await waitFor(() => expect(backend.count('first_code_painted')).toBe(1));

    await userEvent.click(toCheck);
    expect(screen.getByLabelText('Link or message')).toHaveValue('https://www.irs.gov/refunds');
    expect(screen.getAllByTestId('check-result')).toHaveLength(1);
    expect(backend.count('first_code_painted')).toBe(1);
  });

  it('works from the keyboard', async () => {
    fakeBackend();
    render(App);
    await screen.findByTestId('empty-state');

    await userEvent.tab();
    expect(screen.getByTestId('nav-codes')).toHaveFocus();
    await userEvent.tab();
    expect(screen.getByTestId('nav-check')).toHaveFocus();
    await userEvent.keyboard('{Enter}');

    expect(screen.getByTestId('nav-check')).toHaveAttribute('aria-current', 'page');
    expect(screen.getByTestId('check-screen')).toBeVisible();
    expect(screen.getByTestId('empty-state')).not.toBeVisible();

    screen.getByTestId('nav-codes').focus();
    await userEvent.keyboard(' ');
    expect(screen.getByTestId('nav-codes')).toHaveAttribute('aria-current', 'page');
    expect(screen.getByTestId('empty-state')).toBeVisible();
  });
});

describe('check a link', () => {
  it('shows the heading, the explanation and a labelled box', () => {
    fakeBackend();
    render(CheckLinkScreen);
    const page = screen.getByTestId('check-screen');
    expect(within(page).getByRole('heading', { level: 1 })).toHaveTextContent('Is this link real?');
    expect(page).toHaveTextContent(
      'Paste a link, or a whole text message or email. Keystep tells you whether each link goes to an official site.',
    );
    const input = screen.getByLabelText('Link or message');
    expect(input.tagName).toBe('TEXTAREA');
    expect(input).toHaveAttribute('data-testid', 'check-input');
    expect(screen.getByRole('button', { name: 'Check' })).toHaveAttribute('data-testid', 'check-submit');
    expect(screen.queryByTestId('check-results')).not.toBeInTheDocument();
  });

  it('sends the text to check_links and shows what Rust said about each link', async () => {
    const backend = fakeBackend({ handlers: { check_links: () => [fakeIrs, official, shop] } });
    render(CheckLinkScreen);

    await paste(MESSAGE);
    await userEvent.click(screen.getByTestId('check-submit'));

    expect(backend.argsOf('check_links')).toEqual([{ text: MESSAGE }]);
    const list = await screen.findByTestId('check-results');
    const items = within(list).getAllByTestId('check-result');
    expect(items.map((i) => i.dataset.verdict)).toEqual(['suspicious', 'official', 'not_official']);
    expect(items.map((i) => i.querySelector('code')?.textContent)).toEqual([fakeIrs.url, official.url, shop.url]);

    const [bad, good, other] = items.map((i) => within(i));
    // Suspicious: the warning, every reason, then the advice.
    expect(bad!.getByTestId('check-verdict')).toHaveTextContent(/^Warning: this is not a real IRS link\.$/);
    expect(bad!.getByRole('list', { name: 'Why' })).toBeInTheDocument();
    expect(bad!.getAllByRole('listitem').map((li) => li.textContent)).toEqual(fakeIrs.reasons.map((r) => r.message));
    expect(bad!.getByTestId('check-advice')).toHaveTextContent(
      'Do not open it or reply. If you are worried, go to the official site yourself.',
    );

    expect(good!.getByTestId('check-verdict')).toHaveTextContent(/^Official IRS site\.$/);
    expect(good!.queryByTestId('check-reasons')).not.toBeInTheDocument();
    expect(good!.queryByTestId('check-advice')).not.toBeInTheDocument();

    expect(other!.getByTestId('check-verdict')).toHaveTextContent(
      /^Not an official site of a service Keystep knows\. Be careful before you sign in or pay there\.$/,
    );
    expect(other!.queryByTestId('check-advice')).not.toBeInTheDocument();

    // Each verdict has its own icon, hidden from screen readers because the words say it all.
    const icons = items.map((i) => i.querySelector('.verdict svg'));
    icons.forEach((icon) => expect(icon).toHaveAttribute('aria-hidden', 'true'));
    expect(new Set(icons.map((icon) => icon!.innerHTML)).size).toBe(3);

    const summary = screen.getByTestId('check-summary');
    expect(summary).toHaveAttribute('aria-live', 'polite');
    await waitFor(() => expect(summary).toHaveTextContent('3 links checked: 1 warning, 1 official, 1 not official.'));
    expect(screen.getByRole('region', { name: '3 links checked: 1 warning, 1 official, 1 not official.' })).toContainElement(list);
  });

  it('never links to a checked address', async () => {
    fakeBackend({ handlers: { check_links: () => [fakeIrs, official, shop, shortened] } });
    render(CheckLinkScreen);
    await paste(MESSAGE);
    await userEvent.click(screen.getByTestId('check-submit'));

    const items = await screen.findAllByTestId('check-result');
    expect(items).toHaveLength(4);
    for (const item of items) expect(item.querySelectorAll('a')).toHaveLength(0);
    expect(screen.getByTestId('check-screen').querySelectorAll('a, [href]')).toHaveLength(0);
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('warns about a suspicious link that imitates no particular service', async () => {
    fakeBackend({ handlers: { check_links: () => [shortened] } });
    render(CheckLinkScreen);
    await paste(shortened.url);
    await userEvent.click(screen.getByTestId('check-submit'));

    const item = await screen.findByTestId('check-result');
    expect(item).toHaveAttribute('data-verdict', 'suspicious');
    expect(within(item).getByTestId('check-verdict')).toHaveTextContent(/^Warning: this link is not safe\.$/);
    expect(within(item).getByRole('listitem')).toHaveTextContent(shortened.reasons[0]!.message);
    expect(within(item).getByTestId('check-advice')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('check-summary')).toHaveTextContent('1 link checked: 1 warning.'));
  });

  it('checks on Ctrl+Enter in the box, and a plain Enter only starts a new line', async () => {
    const backend = fakeBackend({ handlers: { check_links: () => [official] } });
    render(CheckLinkScreen);
    const input = await paste('https://www.irs.gov/refunds');

    await userEvent.keyboard('{Enter}');
    expect(backend.count('check_links')).toBe(0);
    expect(input.value).toBe('https://www.irs.gov/refunds\n');

    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    expect(backend.argsOf('check_links')).toEqual([{ text: 'https://www.irs.gov/refunds\n' }]);
    expect(input.value).toBe('https://www.irs.gov/refunds\n');
    expect(await screen.findByTestId('check-result')).toHaveAttribute('data-verdict', 'official');
    expect(input).toHaveFocus();

    // The shortcut is used up by the check, so a browser never adds a line for it (Cmd+Enter on a Mac too).
    expect(await fireEvent.keyDown(input, { key: 'Enter', ctrlKey: true })).toBe(false);
    expect(await fireEvent.keyDown(input, { key: 'Enter', metaKey: true })).toBe(false);
    expect(await fireEvent.keyDown(input, { key: 'Enter' })).toBe(true);
    await waitFor(() => expect(backend.count('check_links')).toBe(3));
  });

  it('says so when the text has no link', async () => {
    const backend = fakeBackend({ handlers: { check_links: () => [] } });
    render(CheckLinkScreen);
    await paste('Call me back when you can');
    await userEvent.click(screen.getByTestId('check-submit'));

    expect(await screen.findByTestId('check-empty')).toHaveTextContent(
      'No link found. Paste the whole address, such as https://www.irs.gov, or the message that contains it.',
    );
    expect(backend.argsOf('check_links')).toEqual([{ text: 'Call me back when you can' }]);
    expect(screen.queryByTestId('check-results')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('check-summary')).toHaveTextContent(/^No link found\./));
  });

  it('asks for text instead of checking an empty box', async () => {
    const backend = fakeBackend();
    render(CheckLinkScreen);
    await userEvent.click(screen.getByTestId('check-submit'));

    const input = screen.getByLabelText('Link or message');
    expect(backend.count('check_links')).toBe(0);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Paste a link or a message first.');
    expect(input).toHaveFocus();

    await userEvent.type(input, 'x');
    expect(input).not.toHaveAttribute('aria-invalid');
  });

  it('shows an error from the command in an alert and drops old results', async () => {
    let fail = false;
    fakeBackend({
      handlers: {
        check_links: () => {
          if (fail) throw { code: 'input.too_long', message: 'This text is too long to check. Paste only the message.' };
          return [official];
        },
      },
    });
    render(CheckLinkScreen);
    await paste('https://www.irs.gov/refunds');
    await userEvent.click(screen.getByTestId('check-submit'));
    await screen.findByTestId('check-result');

    fail = true;
    await userEvent.click(screen.getByTestId('check-submit'));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-testid', 'check-error');
    expect(alert).toHaveTextContent('This text is too long to check. Paste only the message.');
    expect(screen.queryByTestId('check-result')).not.toBeInTheDocument();
    expect(screen.getByTestId('check-summary').textContent).toBe('');

    fail = false;
    await userEvent.click(screen.getByTestId('check-submit'));
    expect(await screen.findByTestId('check-result')).toHaveAttribute('data-verdict', 'official');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the plain fallback for a failure that is not an ErrorDto', async () => {
    fakeBackend({
      handlers: {
        check_links: () => {
          throw 'command check_links not found';
        },
      },
    });
    render(CheckLinkScreen);
    await paste('https://www.irs.gov');
    await userEvent.click(screen.getByTestId('check-submit'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong. Try again.');
    expect(alert).not.toHaveTextContent('not found');
  });

  it('shows only the answer to the latest check when an earlier one is slow', async () => {
    const slow = deferred<LinkCheck[]>();
    let calls = 0;
    fakeBackend({ handlers: { check_links: () => (++calls === 1 ? slow.promise : [shop]) } });
    render(CheckLinkScreen);
    await paste('https://example.com/shop');
    await userEvent.click(screen.getByTestId('check-submit'));
    await userEvent.click(screen.getByTestId('check-submit'));
    expect(await screen.findByTestId('check-result')).toHaveAttribute('data-verdict', 'not_official');

    slow.resolve([fakeIrs]);
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.getAllByTestId('check-result').map((i) => i.dataset.verdict)).toEqual(['not_official']);
  });
});

describe('link check words', () => {
  it('shows the sentence Rust decided, word for word', () => {
    for (const check of [official, fakeIrs, shop, shortened]) {
      expect(verdictSentence(check)).toBe(check.summary);
    }
  });

  it.each([
    [['official'], '1 link checked: no warnings, 1 official.'],
    [['suspicious', 'official'], '2 links checked: 1 warning, 1 official.'],
    [['suspicious', 'suspicious', 'not_official'], '3 links checked: 2 warnings, 1 not official.'],
    [['not_official', 'not_official'], '2 links checked: no warnings, 2 not official.'],
  ] as const)('sums up %j as "%s"', (verdicts, text) => {
    expect(checkSummary(verdicts.map((verdict) => ({ verdict })))).toBe(text);
  });
});
