import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../src/App.svelte';
import GuidesScreen from '../src/lib/components/GuidesScreen.svelte';
import GuideText from '../src/lib/components/GuideText.svelte';
import type { ActionView } from '../src/lib/bindings/ActionView';
import type { Block } from '../src/lib/bindings/Block';
import type { GuideList } from '../src/lib/bindings/GuideList';
import type { GuideSummary } from '../src/lib/bindings/GuideSummary';
import type { Inline } from '../src/lib/bindings/Inline';
import type { RunSummary } from '../src/lib/bindings/RunSummary';
import type { RunView } from '../src/lib/bindings/RunView';
import type { StepView } from '../src/lib/bindings/StepView';
import { checkedText, pastRunText, plainDate, stepOf, timeLeft, waitLength } from '../src/lib/guides';
import { fakeBackend, T0, timedCode, totp } from './backend';
import { axeViolations } from './axe';

afterEach(() => {
  vi.useRealTimers();
});

const text = (t: string): Inline => ({ text: t, em: false, strong: false });
const para = (...content: Inline[]): Block => ({ kind: 'paragraph', content });

function guide(id: string, title: string, extra: Partial<GuideSummary> = {}): GuideSummary {
  return {
    id,
    title,
    service: 'irs',
    serviceName: 'IRS',
    summary: `Summary of ${title}.`,
    minutes: 10,
    needs: ['Your ID.me email and password', 'Your phone'],
    checked: '2026-11-28',
    fromUserFolder: false,
    translated: true,
    openRun: null,
    ...extra,
  };
}

function summary(extra: Partial<RunSummary> = {}): RunSummary {
  return {
    runId: 'r-old',
    guideId: 'irs-sign-in',
    guideTitle: 'Sign in to the IRS',
    startedAtMs: T0,
    finishedAtMs: null,
    stoppedAtMs: null,
    done: 0,
    total: 5,
    ...extra,
  };
}

function step(id: string, title: string, actions: ActionView[] = [], blocks: Block[] = [para(text(`Text of ${title}.`))]): StepView {
  return { id, title, blocks, actions };
}

function runView(step: StepView | null, extra: Partial<RunView> = {}): RunView {
  const total = extra.total ?? 5;
  return {
    runId: 'r1',
    guideId: 'irs-sign-in',
    guideTitle: 'Sign in to the IRS',
    translated: true,
    checked: '2026-11-28',
    done: 0,
    total: 5,
    finishedAtMs: null,
    // Along the plain forward path, as Rust says it: the step after those done.
    stepNumber: Math.min((extra.done ?? 0) + 1, total),
    canGoBack: false,
    branchTitle: null,
    branchOrigin: null,
    step,
    ...extra,
  };
}

function list(extra: Partial<GuideList> = {}): GuideList {
  return {
    guides: [guide('irs-sign-in', 'Sign in to the IRS')],
    pastRuns: [],
    userFolder: '/home/sam/.local/share/keystep/guides',
    problems: [],
    ...extra,
  };
}

const didItArrive: ActionView = {
  type: 'question',
  text: 'Did the code arrive?',
  answers: [
    { label: 'Yes', goto: 'next' },
    { label: 'No, no text came', goto: 'branch:no-text' },
  ],
};

/** Renders the guides screen with a backend whose open_guide answers `first`, then opens that run. */
async function openRun(first: RunView, handlers: Record<string, (args: Record<string, unknown>) => unknown> = {}, init = {}) {
  const backend = fakeBackend({ ...init, handlers: { list_guides: () => list(), open_guide: () => first, ...handlers } });
  render(GuidesScreen);
  await userEvent.click(await screen.findByTestId('guide-start-irs-sign-in'));
  await screen.findByTestId('run-screen');
  return backend;
}

describe('guides list', () => {
  it('shows each guide with what it takes, and Start for a guide not under way', async () => {
    fakeBackend({
      handlers: {
        list_guides: () =>
          list({
            guides: [
              guide('irs-sign-in', 'Sign in to the IRS', { minutes: 10 }),
              guide('idme-create', 'Create an ID.me account', {
                serviceName: 'ID.me',
                minutes: 30,
                needs: ['A photo ID'],
                openRun: summary({ runId: 'r2', guideId: 'idme-create', done: 2, total: 9 }),
              }),
            ],
          }),
      },
    });
    render(GuidesScreen);

    expect(await screen.findByRole('heading', { level: 1, name: 'Guided sign-in' })).toBeInTheDocument();
    const cards = await screen.findAllByTestId('guide-card');
    expect(cards.map((c) => c.dataset.guideId)).toEqual(['irs-sign-in', 'idme-create']);

    const irs = within(cards[0]!);
    expect(irs.getByRole('heading', { level: 2 })).toHaveTextContent('Sign in to the IRS');
    expect(cards[0]).toHaveTextContent('IRS');
    expect(cards[0]).toHaveTextContent('Summary of Sign in to the IRS.');
    expect(cards[0]).toHaveTextContent('About 10 minutes');
    expect(irs.getByRole('heading', { level: 3, name: 'What you need' })).toBeInTheDocument();
    expect(irs.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Your ID.me email and password', 'Your phone']);
    const start = irs.getByTestId('guide-start-irs-sign-in');
    expect(start).toHaveTextContent(/^Start$/);
    expect(start).toHaveAccessibleName('Start: Sign in to the IRS');
    expect(irs.queryByTestId('guide-restart-irs-sign-in')).not.toBeInTheDocument();

    const idme = within(cards[1]!);
    expect(cards[1]).toHaveTextContent('About 30 minutes');
    expect(idme.getByTestId('guide-start-idme-create')).toHaveTextContent(/^Continue \(step 3 of 9\)$/);
    expect(idme.getByTestId('guide-start-idme-create')).toHaveAccessibleName(
      'Continue (step 3 of 9): Create an ID.me account',
    );
    expect(idme.getByTestId('guide-restart-idme-create')).toHaveAccessibleName('Start over: Create an ID.me account');
  });

  it('lists past runs with plain dates, and the folder for your own guides with the files left out', async () => {
    const finishedAt = Date.UTC(2026, 10, 25, 15);
    const stoppedAt = Date.UTC(2026, 10, 20, 15);
    fakeBackend({
      handlers: {
        list_guides: () =>
          list({
            pastRuns: [
              summary({ runId: 'r-a', finishedAtMs: finishedAt, done: 5, total: 5 }),
              summary({ runId: 'r-b', guideTitle: 'Lost phone', stoppedAtMs: stoppedAt, done: 3, total: 8 }),
            ],
            problems: ['my-guide.toml:3:1: missing field `title`'],
          }),
      },
    });
    render(GuidesScreen);

    const past = await screen.findByTestId('past-runs');
    expect(within(past).getByRole('heading', { level: 2, name: 'Past runs' })).toBeInTheDocument();
    expect(within(past).getAllByTestId('past-run').map((li) => li.textContent)).toEqual([
      `Done: Sign in to the IRS — ${plainDate(finishedAt)}`,
      `Stopped at step 4 of 8: Lost phone — ${plainDate(stoppedAt)}`,
    ]);
    expect(plainDate(finishedAt)).toMatch(/2026/);

    const own = screen.getByTestId('user-guides');
    expect(own).toHaveTextContent('Put guide files (.toml) in this folder to add your own guides');
    expect(within(own).getByTestId('user-folder')).toHaveTextContent('/home/sam/.local/share/keystep/guides');
    expect(own).toHaveTextContent('These guide files were left out:');
    expect(within(own).getByTestId('guide-problems')).toHaveTextContent('my-guide.toml:3:1: missing field `title`');
  });

  it('leaves out past runs and problems when there are none', async () => {
    fakeBackend({ handlers: { list_guides: () => list() } });
    render(GuidesScreen);
    await screen.findAllByTestId('guide-card');
    expect(screen.queryByTestId('past-runs')).not.toBeInTheDocument();
    expect(screen.queryByTestId('guide-problems')).not.toBeInTheDocument();
    expect(screen.getByTestId('user-folder')).toBeInTheDocument();
  });

  it('shows why the list could not load, and Try again loads it', async () => {
    let fail = true;
    fakeBackend({
      handlers: {
        list_guides: () => {
          if (fail) throw { code: 'vault.io', message: 'Keystep could not read your guides.' };
          return list();
        },
      },
    });
    render(GuidesScreen);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Keystep could not read your guides.');
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByTestId('guide-card')).toHaveLength(1);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('starting a guide', () => {
  it('opens the run, shows the first step and puts focus on its title', async () => {
    const backend = await openRun(runView(step('open-irs', 'Open the IRS sign-in page')));

    expect(backend.argsOf('open_guide')).toEqual([{ guideId: 'irs-sign-in' }]);
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in to the IRS' })).toBeInTheDocument();
    const title = screen.getByTestId('step-title');
    expect(title.tagName).toBe('H2');
    expect(title).toHaveTextContent('Open the IRS sign-in page');
    expect(title).toHaveAttribute('data-step-id', 'open-irs');
    await waitFor(() => expect(title).toHaveFocus());
    expect(screen.getByText('Text of Open the IRS sign-in page.').tagName).toBe('P');
    expect(screen.queryByTestId('guides-screen')).not.toBeInTheDocument();
  });

  it('shows the progress as "Step X of Y" with a progress bar', async () => {
    await openRun(runView(step('s3', 'Third'), { done: 2, total: 7 }));
    const progress = screen.getByTestId('run-progress');
    expect(progress).toHaveTextContent(/^Step 3 of 7$/);
    expect(screen.getByRole('progressbar', { name: 'Progress in this guide' })).toBe(progress);
    expect(progress).toHaveAttribute('aria-valuenow', '2');
    expect(progress).toHaveAttribute('aria-valuemax', '7');
    expect(progress).toHaveAttribute('aria-valuetext', 'Step 3 of 7');
  });

  it('goes to the next step with "Done, next step", and focuses the new title', async () => {
    const backend = await openRun(runView(step('one', 'First step')), {
      run_next: () => runView(step('two', 'Second step'), { done: 1 }),
    });

    await userEvent.click(screen.getByTestId('run-next'));

    expect(backend.argsOf('run_next')).toEqual([{ runId: 'r1' }]);
    const title = await screen.findByText('Second step');
    expect(screen.getByTestId('step-title')).toHaveAttribute('data-step-id', 'two');
    await waitFor(() => expect(title).toHaveFocus());
    expect(screen.getByTestId('run-progress')).toHaveTextContent('Step 2 of 5');
  });

  it('asks before starting over, and only restarts after confirming', async () => {
    const backend = fakeBackend({
      handlers: {
        list_guides: () => list({ guides: [guide('irs-sign-in', 'Sign in to the IRS', { openRun: summary({ done: 3 }) })] }),
        restart_guide: () => runView(step('open-irs', 'Open the IRS sign-in page')),
      },
    });
    render(GuidesScreen);

    await userEvent.click(await screen.findByTestId('guide-restart-irs-sign-in'));
    const dialog = screen.getByTestId('restart-dialog');
    expect(within(dialog).getByRole('heading', { name: 'Start over?' })).toBeInTheDocument();
    expect(dialog).toHaveTextContent('Your progress in this guide is kept in past runs.');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(backend.count('restart_guide')).toBe(0);
    expect(screen.getByTestId('guides-screen')).toBeInTheDocument();

    await userEvent.click(screen.getByTestId('guide-restart-irs-sign-in'));
    await userEvent.click(screen.getByTestId('confirm-restart'));

    expect(backend.argsOf('restart_guide')).toEqual([{ guideId: 'irs-sign-in' }]);
    expect(await screen.findByTestId('step-title')).toHaveAttribute('data-step-id', 'open-irs');
    expect(backend.count('open_guide')).toBe(0);
  });

  it('goes back to the list, which is loaded again and has the heading focused', async () => {
    const backend = await openRun(runView(step('one', 'First step')));
    await userEvent.click(screen.getByTestId('run-back'));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Guided sign-in' });
    expect(heading).toHaveFocus();
    await waitFor(() => expect(backend.count('list_guides')).toBe(2));
  });
});

describe('questions and help branches', () => {
  it('sends the chosen answer verbatim and shows the step Rust goes to, with the help banner', async () => {
    const backend = await openRun(runView(step('code-arrived', 'Wait for the text', [didItArrive]), { done: 4 }), {
      run_answer: () =>
        runView(step('check-number', 'Check your phone number'), { done: 4, branchTitle: 'The text did not come' }),
    });

    const question = screen.getByRole('group', { name: 'Did the code arrive?' });
    expect(within(question).getAllByRole('button').map((b) => b.textContent)).toEqual(['Yes', 'No, no text came']);
    expect(screen.getByTestId('answer-next')).toHaveTextContent('Yes');
    // The answers lead on: no separate "next" button.
    expect(screen.queryByTestId('run-next')).not.toBeInTheDocument();
    expect(screen.queryByTestId('branch-title')).not.toBeInTheDocument();

    await userEvent.click(screen.getByTestId('answer-branch:no-text'));

    expect(backend.argsOf('run_answer')).toEqual([{ runId: 'r1', goto: 'branch:no-text' }]);
    const title = await screen.findByText('Check your phone number');
    await waitFor(() => expect(title).toHaveFocus());
    const banner = screen.getByTestId('branch-title');
    expect(banner).toHaveTextContent('Help: The text did not come');
    expect(banner).toHaveTextContent('When you finish these steps, you go back to where you were.');
    expect(screen.getByTestId('run-next')).toBeInTheDocument();
  });

  it('shows an error from a step in an alert and stays on the step', async () => {
    await openRun(runView(step('one', 'First step')), {
      run_next: () => {
        throw { code: 'guide.no_run', message: 'This guide is no longer open. Go back and start it again.' };
      },
    });
    await userEvent.click(screen.getByTestId('run-next'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-testid', 'run-error');
    expect(alert).toHaveTextContent('This guide is no longer open. Go back and start it again.');
    expect(screen.getByTestId('step-title')).toHaveAttribute('data-step-id', 'one');
  });
});

describe('step actions', () => {
  it('opens an official page through Rust, by ids, and shows a refusal next to the button', async () => {
    let refuse = false;
    const backend = await openRun(
      runView(step('open', 'Open the page', [{ type: 'open_page', service: 'irs', page: 'sign_in', label: 'Open the IRS sign-in page', address: null }])),
      {
        open_official_page: () => {
          if (refuse) throw { code: 'link.not_official', message: 'Keystep did not open this page: it is not an official IRS site.' };
          return null;
        },
      },
    );

    const button = screen.getByTestId('open-page-sign_in');
    expect(button).toHaveTextContent('Open the IRS sign-in page');
    expect(button).toHaveAccessibleDescription('Opens the official site in your web browser');
    await userEvent.click(button);
    expect(backend.argsOf('open_official_page')).toEqual([{ service: 'irs', page: 'sign_in' }]);
    await waitFor(() => expect(screen.getByTestId('open-page-status')).toHaveTextContent('The page is opening in your web browser.'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    refuse = true;
    await userEvent.click(button);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-testid', 'open-page-error');
    expect(alert).toHaveTextContent('Keystep did not open this page: it is not an official IRS site.');
    expect(screen.getByTestId('open-page-status').textContent).toBe('');
  });

  it('shows the live code of the matching account, and Copy copies it', async () => {
    const backend = await openRun(
      runView(step('enter-code', 'Enter your code', [{ type: 'show_code', service: 'idme', serviceName: 'ID.me', accountId: 'a2' }])),
      { copy_code: () => ({ clearAfterSecs: 30 }) },
      {
        accounts: [totp('a1', 'GitHub', 'alice'), totp('a2', 'ID.me', 'sam')],
        codes: [timedCode('a1', '111111', Date.now() + 20_000), timedCode('a2', '654321', Date.now() + 20_000)],
      },
    );

    const panel = screen.getByTestId('step-code');
    expect(within(panel).getByRole('heading', { level: 3 })).toHaveTextContent('Your ID.me code');
    const code = await within(panel).findByTestId('code');
    expect(code).toHaveTextContent(/^654 321$/);
    expect(within(panel).getByTestId('code-spoken')).toHaveTextContent(/^Code 654 321, \d+ seconds left$/);
    expect(within(panel).getByTestId('countdown')).toHaveTextContent(/^\d+ s$/);

    await userEvent.click(within(panel).getByTestId('step-code-copy'));
    expect(backend.argsOf('copy_code')).toEqual([{ id: 'a2' }]);
    await waitFor(() =>
      expect(screen.getByTestId('step-code-status')).toHaveTextContent('Copied. Keystep clears it from the clipboard in 30 seconds.'),
    );
  });

  it('shows the next code too in the last seconds of the current one', async () => {
    await openRun(
      runView(step('enter-code', 'Enter your code', [{ type: 'show_code', service: 'idme', serviceName: 'ID.me', accountId: 'a2' }])),
      {},
      {
        accounts: [totp('a2', 'ID.me', 'sam')],
        codes: [timedCode('a2', '654321', Date.now() + 4_000, '777888')],
      },
    );
    const panel = screen.getByTestId('step-code');
    expect(await within(panel).findByTestId('step-next-code')).toHaveTextContent('Next: 777 888');
  });

  it('says how to add the code when Keystep has no account for the service', async () => {
    const backend = await openRun(
      runView(step('enter-code', 'Enter your code', [{ type: 'show_code', service: 'idme', serviceName: 'ID.me', accountId: null }])),
    );
    const panel = screen.getByTestId('step-code');
    expect(panel).toHaveTextContent('You have not added your ID.me code to Keystep yet.');
    expect(panel).toHaveTextContent('You can add it under “Your codes”.');
    expect(within(panel).queryByTestId('step-code-copy')).not.toBeInTheDocument();
    expect(backend.count('get_codes')).toBe(0);
  });

  it('shows the phone number kept for the service, or says none is saved', async () => {
    await openRun(
      runView(
        step('phone', 'Check the number', [
          { type: 'show_phone', service: 'idme', serviceName: 'ID.me', phone: null },
          { type: 'show_phone', service: 'logingov', serviceName: 'Login.gov', phone: '+1 202 555 0143' },
        ]),
      ),
    );
    const [idme, logingov] = screen.getAllByTestId('step-phone');
    expect(within(idme!).getByRole('heading', { level: 3 })).toHaveTextContent('The phone number you keep for ID.me');
    expect(idme).toHaveTextContent('No number saved yet.');
    expect(logingov).toHaveTextContent('+1 202 555 0143');
    expect(logingov).not.toHaveTextContent('No number saved yet.');
  });

  it('shows a warning as a note that says "Careful:" in words', async () => {
    await openRun(
      runView(step('check', 'Check the address', [{ type: 'warning', blocks: [para(text('If the address does not end in .me, stop.'))] }])),
    );
    const note = screen.getByRole('note');
    expect(note).toHaveAttribute('data-testid', 'step-warning');
    expect(note).toHaveTextContent(/^Careful:\s*If the address does not end in \.me, stop\.$/);
  });

  it('starts a wait in Rust, then counts down from its end time to "the wait is over"', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    const waitStep = (untilMs: number | null) =>
      step('wait', 'Wait before you try again', [
        { type: 'wait', minutes: 15, blocks: [para(text('The unlock link works for 15 minutes.'))], untilMs },
      ]);
    const backend = await openRun(runView(waitStep(null)), {
      run_start_wait: () => runView(waitStep(T0 + 14 * 60_000 + 32_000)),
    });

    expect(screen.getByText('The unlock link works for 15 minutes.')).toBeInTheDocument();
    expect(screen.queryByTestId('wait-left')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Start the countdown (15 minutes)' }));

    expect(backend.argsOf('run_start_wait')).toEqual([{ runId: 'r1' }]);
    const left = await screen.findByTestId('wait-left');
    expect(left).toHaveTextContent(/^Time left: 14 min 32 s$/);
    await waitFor(() => expect(left).toHaveFocus());
    expect(screen.queryByTestId('wait-start')).not.toBeInTheDocument();

    vi.setSystemTime(T0 + 14 * 60_000 + 30_000);
    await waitFor(() => expect(left).toHaveTextContent(/^Time left: 2 s$/), { timeout: 2500 });
    vi.setSystemTime(T0 + 15 * 60_000);
    await waitFor(() => expect(left).toHaveTextContent(/^The wait is over\. You can try again now\.$/), { timeout: 2500 });
    expect(within(left).getByRole('status')).toHaveTextContent('The wait is over. You can try again now.');
  });

  it('shows the time left of a wait started earlier, from its end time and the clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    await openRun(
      runView(
        step('wait', 'Wait a day', [{ type: 'wait', minutes: 1440, blocks: [], untilMs: T0 + 5 * 3_600_000 + 7 * 60_000 + 9_000 }]),
      ),
    );
    expect(screen.getByTestId('wait-left')).toHaveTextContent(/^Time left: 5 h 7 min$/);
    expect(screen.queryByTestId('wait-start')).not.toBeInTheDocument();
  });
});

describe('checking an address from a step', () => {
  it('names the exact ending and sends only the copied links to the link check, which checks them', async () => {
    let copied: string[] = ['https://api.id.me/en/session/new'];
    const backend = fakeBackend({
      handlers: {
        list_guides: () => list(),
        open_guide: () => runView(step('bar', 'Check the address bar', [{ type: 'check_address', service: 'idme', serviceName: 'ID.me', ending: 'id.me' }])),
        get_run: () => runView(step('bar', 'Check the address bar', [{ type: 'check_address', service: 'idme', serviceName: 'ID.me', ending: 'id.me' }])),
        clipboard_links: () => copied,
        check_links: (args) => [
          {
            url: String(args.text),
            host: 'api.id.me',
            registrable_domain: 'id.me',
            verdict: 'official',
            service: 'idme',
            summary: 'Official ID.me site.',
            reasons: [],
          },
        ],
      },
    });
    render(App);
    await userEvent.click(await screen.findByTestId('nav-guides'));
    await userEvent.click(await screen.findByTestId('guide-start-irs-sign-in'));

    expect(await screen.findByTestId('check-address-ending')).toHaveTextContent('id.me');
    expect(screen.getByTestId('check-address')).toHaveTextContent('A real ID.me address ends in id.me.');
    const button = screen.getByRole('button', { name: 'Check this address in Keystep' });
    expect(button).toHaveAccessibleDescription(/click the address bar of your browser/);
    await userEvent.click(button);

    expect(await screen.findByTestId('check-screen')).toBeVisible();
    expect(screen.getByTestId('nav-check')).toHaveAttribute('aria-current', 'page');
    expect(screen.getByTestId('check-input')).toHaveValue('https://api.id.me/en/session/new');
    await waitFor(() => expect(backend.argsOf('check_links')).toEqual([{ text: 'https://api.id.me/en/session/new' }]));
    expect(await screen.findByTestId('check-verdict')).toBeInTheDocument();

    // Nothing that reads as an address on the clipboard: the field says how to copy one.
    copied = [];
    await userEvent.click(screen.getByTestId('nav-guides'));
    await userEvent.click(await screen.findByRole('button', { name: 'Check this address in Keystep' }));
    expect(await screen.findByTestId('check-input-error')).toHaveTextContent('No address was copied.');
    expect(screen.getByTestId('check-input')).toHaveValue('');
    expect(screen.getByTestId('check-input')).toHaveFocus();
    expect(backend.count('check_links')).toBe(1);
  });
});

describe('finishing', () => {
  it('says the guide is done, with its title and date, and leads back to the guides', async () => {
    const finishedAt = Date.UTC(2026, 10, 25, 15);
    const backend = await openRun(runView(step('last', 'Sign out'), { done: 4 }), {
      run_next: () => runView(null, { done: 5, finishedAtMs: finishedAt }),
    });

    await userEvent.click(screen.getByTestId('run-next'));

    const done = await screen.findByTestId('run-finished');
    const heading = within(done).getByRole('heading', { level: 2, name: 'You did it.' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(done).toHaveTextContent(`You finished every step of “Sign in to the IRS” on ${plainDate(finishedAt)}.`);
    expect(screen.getByTestId('run-progress')).toHaveTextContent('All 5 steps done');
    expect(screen.getByTestId('run-progress')).toHaveAttribute('aria-valuenow', '5');
    expect(screen.queryByTestId('step-title')).not.toBeInTheDocument();
    expect(screen.queryByTestId('run-next')).not.toBeInTheDocument();

    await userEvent.click(within(done).getByRole('button', { name: 'Back to all guides' }));
    expect(await screen.findByTestId('guides-screen')).toBeInTheDocument();
    await waitFor(() => expect(backend.count('list_guides')).toBe(2));
  });
});

describe('guide text', () => {
  it('renders paragraphs, lists and emphasis as elements', () => {
    const { container } = render(GuideText, {
      blocks: [
        para(text('Real ID.me sites end in '), { text: '.me', em: false, strong: true }, text('. Choose '), {
          text: 'Sign in',
          em: true,
          strong: false,
        }, text('.')),
        { kind: 'list', content: [[text('One')], [{ text: 'Two', em: true, strong: true }]] },
      ],
    });
    const [p] = container.querySelectorAll('p');
    expect(p!.textContent).toBe('Real ID.me sites end in .me. Choose Sign in.');
    expect(p!.querySelector('strong')).toHaveTextContent(/^\.me$/);
    expect(p!.querySelector('em')).toHaveTextContent(/^Sign in$/);
    const items = container.querySelectorAll('ul > li');
    expect([...items].map((li) => li.textContent)).toEqual(['One', 'Two']);
    expect(items[1]!.querySelector('strong > em')).toHaveTextContent('Two');
  });

  it('shows markup in a guide as text and never makes elements from it', () => {
    const nasty = '<script>alert(1)</script><img src=x onerror="alert(2)"><b>bold</b>';
    const { container } = render(GuideText, {
      blocks: [para(text(nasty)), { kind: 'list', content: [[{ text: '<a href="https://evil.example">x</a>', em: true, strong: false }]] }],
    });
    expect(container.querySelectorAll('script, img, b, a')).toHaveLength(0);
    expect(container.querySelector('p')!.textContent).toBe(nasty);
    expect(container.querySelector('li em')!.textContent).toBe('<a href="https://evil.example">x</a>');
  });
});

describe('guide words', () => {
  it('says when the guide was checked, as a calendar day', () => {
    expect(checkedText('2026-11-28')).toBe(`Checked against the official pages on ${new Date(2026, 10, 28).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' })}`);
    expect(checkedText(null)).toBeNull();
    expect(checkedText('yesterday')).toBeNull();
  });

  it('counts steps from 1 and never past the last', () => {
    expect(stepOf(0, 5)).toBe('Step 1 of 5');
    expect(stepOf(4, 5)).toBe('Step 5 of 5');
    expect(stepOf(5, 5)).toBe('Step 5 of 5');
  });

  it('says what is left of a wait, with seconds only in the last hour', () => {
    expect(timeLeft(14 * 60 + 32)).toBe('14 min 32 s');
    expect(timeLeft(59)).toBe('59 s');
    expect(timeLeft(0.2)).toBe('1 s');
    expect(timeLeft(3600 + 61)).toBe('1 h 1 min');
    expect(timeLeft(86_400)).toBe('1 day 0 h');
    expect(timeLeft(9 * 86_400 + 23 * 3600 + 59)).toBe('9 days 23 h');
  });

  it('says how long a wait is in the largest whole unit', () => {
    expect(waitLength(15)).toBe('15 minutes');
    expect(waitLength(1)).toBe('1 minute');
    expect(waitLength(90)).toBe('90 minutes');
    expect(waitLength(1440)).toBe('1 day');
    expect(waitLength(14_400)).toBe('10 days');
    expect(waitLength(120)).toBe('2 hours');
  });

  it('falls back to the start date for a run that has neither finished nor stopped', () => {
    expect(pastRunText(summary({ done: 1, total: 3 }))).toBe(`Stopped at step 2 of 3: Sign in to the IRS — ${plainDate(T0)}`);
  });
});

describe('navigation to the guides', () => {
  it('builds the guides screen on first visit, focuses its heading and keeps the open step', async () => {
    const backend = fakeBackend({
      handlers: {
        list_guides: () => list(),
        open_guide: () => runView(step('one', 'First step')),
        get_run: () => runView(step('one', 'First step')),
      },
    });
    render(App);

    const toGuides = await screen.findByTestId('nav-guides');
    expect(toGuides).toHaveAccessibleName('Guides');
    expect(screen.queryByTestId('guides-screen')).not.toBeInTheDocument();
    expect(backend.count('list_guides')).toBe(0);

    await userEvent.click(toGuides);
    expect(toGuides).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('heading', { level: 1, name: 'Guided sign-in' })).toHaveFocus();
    await userEvent.click(await screen.findByTestId('guide-start-irs-sign-in'));
    expect(await screen.findByTestId('step-title')).toHaveTextContent('First step');

    await userEvent.click(screen.getByTestId('nav-codes'));
    expect(screen.getByTestId('run-screen')).not.toBeVisible();
    await userEvent.click(toGuides);
    expect(screen.getByTestId('run-screen')).toBeVisible();
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in to the IRS' })).toHaveFocus();
    // Back on the screen: the run is asked for again (an account added meanwhile may fill a code step).
    await waitFor(() => expect(backend.argsOf('get_run')).toEqual([{ runId: 'r1' }]));
    expect(backend.count('open_guide')).toBe(1);
  });
});

describe('accessibility', () => {
  it('finds no axe-core violations on the list or on a step with every kind of action', async () => {
    fakeBackend({
      accounts: [totp('a2', 'ID.me', 'sam')],
      codes: [timedCode('a2', '654321', Date.now() + 20_000)],
      handlers: {
        list_guides: () =>
          list({
            guides: [guide('irs-sign-in', 'Sign in to the IRS', { openRun: summary({ done: 1 }) })],
            pastRuns: [summary({ runId: 'r-a', finishedAtMs: T0 })],
            problems: ['bad.toml:1:1: oops'],
          }),
        open_guide: () =>
          runView(
            step('all', 'Everything at once', [
              { type: 'open_page', service: 'irs', page: 'sign_in', label: 'Open the IRS sign-in page', address: null },
              { type: 'show_code', service: 'idme', serviceName: 'ID.me', accountId: 'a2' },
              { type: 'show_phone', service: 'idme', serviceName: 'ID.me', phone: null },
              { type: 'warning', blocks: [para(text('Stop if the address is wrong.'))] },
              { type: 'check_address', service: 'idme', serviceName: 'ID.me', ending: 'id.me' },
              { type: 'wait', minutes: 15, blocks: [para(text('Wait a little.'))], untilMs: Date.now() + 60_000 },
              didItArrive,
            ]),
            { branchTitle: 'The text did not come' },
          ),
      },
    });
    render(GuidesScreen);
    await screen.findAllByTestId('guide-card');
    expect(await axeViolations()).toEqual([]);

    await userEvent.click(screen.getByTestId('guide-start-irs-sign-in'));
    await screen.findByTestId('code');
    expect(await axeViolations()).toEqual([]);
  });
});
