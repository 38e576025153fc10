// Issue 14, guides: Previous step, the way out of a help branch, the address when the browser does not
// open, guides named in guide text, "No number saved yet", the guide in progress under "Your codes",
// and the link check's pointer to a guide when a message has no link.
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../src/App.svelte';
import GuidesScreen from '../src/lib/components/GuidesScreen.svelte';
import type { ActionView } from '../src/lib/bindings/ActionView';
import type { Block } from '../src/lib/bindings/Block';
import type { GuideList } from '../src/lib/bindings/GuideList';
import type { GuideSummary } from '../src/lib/bindings/GuideSummary';
import type { Inline } from '../src/lib/bindings/Inline';
import type { RunSummary } from '../src/lib/bindings/RunSummary';
import type { RunView } from '../src/lib/bindings/RunView';
import type { StepView } from '../src/lib/bindings/StepView';
import { NO_LINK_GUIDE } from '../src/lib/linkCheck';
import { fakeBackend, T0, totp, timedCode } from './backend';
import { axeViolations } from './axe';

const text = (t: string): Inline => ({ text: t, em: false, strong: false });
const para = (...content: Inline[]): Block => ({ kind: 'paragraph', content });

function guide(id: string, title: string, openRun: RunSummary | null = null): GuideSummary {
  return {
    id,
    title,
    service: 'irs',
    serviceName: 'IRS',
    summary: `Summary of ${title}.`,
    minutes: 10,
    needs: [],
    checked: '2026-11-28',
    fromUserFolder: false,
    translated: true,
    openRun,
  };
}

function summary(runId: string, guideId: string, guideTitle: string, startedAtMs: number): RunSummary {
  return { runId, guideId, guideTitle, startedAtMs, finishedAtMs: null, stoppedAtMs: null, done: 2, total: 8 };
}

function step(id: string, title: string, actions: ActionView[] = [], blocks: Block[] = [para(text(`Text of ${title}.`))]): StepView {
  return { id, title, blocks, actions };
}

function runView(step: StepView | null, extra: Partial<RunView> = {}): RunView {
  return {
    runId: 'r1',
    guideId: 'irs-sign-in',
    guideTitle: 'Sign in to your IRS online account',
    translated: true,
    checked: '2026-11-28',
    done: 0,
    total: 8,
    finishedAtMs: null,
    stepNumber: 1,
    canGoBack: false,
    branchTitle: null,
    branchOrigin: null,
    step,
    ...extra,
  };
}

function list(guides: GuideSummary[] = [guide('irs-sign-in', 'Sign in to your IRS online account')]): GuideList {
  return { guides, pastRuns: [], userFolder: '', problems: [] };
}

const didItArrive: ActionView = {
  type: 'question',
  text: 'Did the code arrive?',
  answers: [
    { label: 'Yes', goto: 'next' },
    { label: 'No', goto: 'branch:no-text' },
  ],
};

async function openRun(first: RunView, handlers: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
  const backend = fakeBackend({ handlers: { list_guides: () => list(), open_guide: () => first, ...handlers } });
  render(GuidesScreen);
  await userEvent.click(await screen.findByTestId('guide-start-irs-sign-in'));
  await screen.findByTestId('run-screen');
  return backend;
}

describe('Previous step', () => {
  it('is not offered on the first step', async () => {
    await openRun(runView(step('open-irs', 'Open the IRS sign-in page')));
    expect(screen.getByTestId('run-next')).toBeInTheDocument();
    expect(screen.queryByTestId('run-previous')).not.toBeInTheDocument();
  });

  it('asks Rust to go back, shows the step it returns to with its number, and focuses its title', async () => {
    const backend = await openRun(runView(step('check-idme-page', 'Check that the sign-in page is ID.me'), { done: 3, stepNumber: 2, canGoBack: true }), {
      run_back: () => runView(step('open-irs', 'Open the IRS sign-in page'), { done: 3, stepNumber: 1, canGoBack: false }),
    });
    // "Step 2 of 8" follows where the person is, not how many steps are done.
    expect(screen.getByTestId('run-progress')).toHaveTextContent('Step 2 of 8');
    const previous = screen.getByRole('button', { name: 'Previous step' });

    await userEvent.click(previous);

    expect(backend.argsOf('run_back')).toEqual([{ runId: 'r1' }]);
    const title = await screen.findByText('Open the IRS sign-in page');
    await waitFor(() => expect(title).toHaveFocus());
    expect(screen.getByTestId('run-progress')).toHaveTextContent('Step 1 of 8');
    // What was done stays done: the bar still shows 3 of 8.
    expect(screen.getByTestId('run-progress')).toHaveAttribute('aria-valuenow', '3');
    expect(screen.queryByTestId('run-previous')).not.toBeInTheDocument();
  });

  it('is offered on a question step too, where the answers lead on', async () => {
    await openRun(runView(step('watch-for-text', 'Wait for the text or the call', [didItArrive]), { stepNumber: 5, canGoBack: true }));
    expect(screen.queryByTestId('run-next')).not.toBeInTheDocument();
    expect(screen.getByTestId('run-previous')).toHaveTextContent('Previous step');
  });

  it('is not offered once the run is finished', async () => {
    await openRun(runView(null, { done: 8, finishedAtMs: T0, canGoBack: false }));
    expect(await screen.findByTestId('run-finished')).toBeInTheDocument();
    expect(screen.queryByTestId('run-previous')).not.toBeInTheDocument();
  });
});

describe('the way out of a help branch', () => {
  const inBranch = (id: string, title: string) =>
    runView(step(id, title), {
      stepNumber: 5,
      canGoBack: true,
      branchTitle: 'The code did not come by text or call',
      branchOrigin: { title: 'Wait for the text or the call', stepNumber: 5 },
    });

  it('is offered on every step of the branch and leads back to the step it came from', async () => {
    const backend = await openRun(inBranch('no-text-phone', 'Check your phone'), {
      run_next: () => inBranch('no-text-number', 'Check the phone number'),
      run_leave_branch: () => runView(step('watch-for-text', 'Wait for the text or the call', [didItArrive]), { stepNumber: 5, canGoBack: true }),
    });
    const out = () => screen.getByTestId('run-leave-branch');
    expect(out()).toHaveTextContent('Back to step 5: Wait for the text or the call');
    expect(within(screen.getByTestId('branch-title')).getByRole('button')).toBe(out());

    await userEvent.click(screen.getByTestId('run-next'));
    await screen.findByText('Check the phone number');
    expect(out()).toHaveTextContent('Back to step 5: Wait for the text or the call');

    await userEvent.click(out());
    expect(backend.argsOf('run_leave_branch')).toEqual([{ runId: 'r1' }]);
    const title = await screen.findByText('Wait for the text or the call');
    await waitFor(() => expect(title).toHaveFocus());
    expect(screen.queryByTestId('branch-title')).not.toBeInTheDocument();
    expect(screen.queryByTestId('run-leave-branch')).not.toBeInTheDocument();
  });

  it('names a step of another branch by its title alone', async () => {
    await openRun(
      runView(step('inner', 'Inner help'), { branchTitle: 'Inner', branchOrigin: { title: 'Outer help step', stepNumber: null } }),
    );
    expect(screen.getByTestId('run-leave-branch')).toHaveTextContent(/^↩ Back to: Outer help step$/);
  });
});

describe('the address of a page when the browser does not open', () => {
  const openPage: ActionView = {
    type: 'open_page',
    service: 'irs',
    page: 'sign_in',
    label: 'Open the IRS sign-in page',
    address: 'https://www.irs.gov/your-account',
  };
  const browserFailed = {
    code: 'app.open_failed',
    message: 'Keystep could not start your web browser. Open the page yourself: type the address shown in the guide.',
  };

  it('is not shown while the browser opens', async () => {
    await openRun(runView(step('open-irs', 'Open the IRS sign-in page', [openPage])), { open_official_page: () => null });
    await userEvent.click(screen.getByTestId('open-page-sign_in'));
    await waitFor(() => expect(screen.getByTestId('open-page-status')).toHaveTextContent('The page is opening'));
    expect(screen.queryByTestId('open-page-address')).not.toBeInTheDocument();
  });

  it('shows the official address as text with a Copy button that copies it through Rust, by ids', async () => {
    const backend = await openRun(runView(step('open-irs', 'Open the IRS sign-in page', [openPage])), {
      open_official_page: () => {
        throw browserFailed;
      },
      copy_official_address: () => null,
    });
    await userEvent.click(screen.getByTestId('open-page-sign_in'));

    expect(await screen.findByRole('alert')).toHaveTextContent('type the address shown');
    const box = screen.getByTestId('open-page-address-box');
    expect(box).toHaveTextContent('Type this address into your web browser yourself:');
    expect(screen.getByTestId('open-page-address')).toHaveTextContent(/^https:\/\/www\.irs\.gov\/your-account$/);

    await userEvent.click(within(box).getByRole('button', { name: 'Copy the address' }));
    expect(backend.argsOf('copy_official_address')).toEqual([{ service: 'irs', page: 'sign_in' }]);
    await waitFor(() => expect(screen.getByTestId('open-page-copy-status')).toHaveTextContent(/^Copied\./));
  });
});

describe('a guide named in a guide', () => {
  const named: Block = para(
    text('If that number is old or lost, use the Keystep guide '),
    { text: 'I lost my phone or my number changed', em: true, strong: false, guide: 'lost-phone' },
    text('.'),
  );

  it('is a button that opens that guide, and the run on screen is left as saved', async () => {
    const lost = runView(step('lost-first', 'Choose the account'), { runId: 'r2', guideId: 'lost-phone', guideTitle: 'I lost my phone or my number changed' });
    const backend = await openRun(runView(step('no-text-number', 'Check the phone number', [], [named])), {
      open_guide: (args) => (args.guideId === 'lost-phone' ? lost : runView(step('no-text-number', 'Check the phone number', [], [named]))),
    });
    const link = screen.getByRole('button', { name: 'Open the guide: I lost my phone or my number changed' });
    expect(link).toHaveTextContent(/^I lost my phone or my number changed$/);
    // It reads as part of the sentence.
    expect(link.closest('p')).toHaveTextContent('use the Keystep guide I lost my phone or my number changed.');

    await userEvent.click(link);

    await waitFor(() => expect(backend.argsOf('open_guide')).toEqual([{ guideId: 'irs-sign-in' }, { guideId: 'lost-phone' }]));
    expect(await screen.findByRole('heading', { level: 1, name: 'I lost my phone or my number changed' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('step-title')).toHaveFocus());
  });

  it('stays plain emphasis when Rust did not find the guide', async () => {
    await openRun(
      runView(step('s', 'A step', [], [para(text('Choose '), { text: 'Continue', em: true, strong: false }, text('.'))])),
    );
    expect(screen.queryByRole('button', { name: /Open the guide/ })).not.toBeInTheDocument();
    expect(screen.getByText('Continue').tagName).toBe('EM');
  });
});

describe('"No number saved yet"', () => {
  it('offers to add one, on the phone numbers screen', async () => {
    const backend = fakeBackend({
      handlers: {
        list_guides: () => list(),
        open_guide: () => runView(step('watch-for-text', 'Wait for the text or the call', [{ type: 'show_phone', service: 'idme', serviceName: 'ID.me', phone: null }])),
        get_run: () => runView(step('watch-for-text', 'Wait for the text or the call', [{ type: 'show_phone', service: 'idme', serviceName: 'ID.me', phone: null }])),
        list_phones: () => [],
        list_services: () => [],
        catalog_list: () => [],
        review_risks: () => [],
        phone_region: () => 'US',
      },
    });
    render(App);
    await userEvent.click(await screen.findByTestId('nav-guides'));
    await userEvent.click(await screen.findByTestId('guide-start-irs-sign-in'));

    const panel = await screen.findByTestId('step-phone');
    expect(panel).toHaveTextContent('No number saved yet.');
    const add = within(panel).getByRole('button', { name: 'Add your number for ID.me' });
    expect(add).toHaveAccessibleDescription(/add your number under “Your numbers”/);

    await userEvent.click(add);

    // The phone numbers screen is loaded the first time it is shown: give it the time to load.
    await waitFor(() => expect(screen.getByTestId('nav-phones')).toHaveAttribute('aria-current', 'page'), { timeout: 5000 });
    expect(await screen.findByRole('heading', { level: 1, name: 'Phone numbers' })).toBeVisible();
    expect(screen.getByTestId('run-screen')).not.toBeVisible();
    expect(backend.count('open_guide')).toBe(1);
  });

  it('is not offered when a number is kept', async () => {
    await openRun(runView(step('p', 'Check', [{ type: 'show_phone', service: 'idme', serviceName: 'ID.me', phone: '(202) 555-0143' }])));
    expect(screen.queryByTestId('step-phone-add')).not.toBeInTheDocument();
  });
});

describe('a guide in progress, under "Your codes"', () => {
  it('says which guide is in progress and Continue opens the Guides tab on that run', async () => {
    const backend = fakeBackend({
      accounts: [totp('a1', 'IRS', 'sam')],
      codes: [timedCode('a1', '123456', Date.now() + 20_000)],
      handlers: {
        list_guides: () =>
          list([
            guide('irs-sign-in', 'Sign in to your IRS online account', summary('r-old', 'irs-sign-in', 'Sign in to your IRS online account', T0)),
            guide('lost-phone', 'I lost my phone or my number changed', summary('r-new', 'lost-phone', 'I lost my phone or my number changed', T0 + 60_000)),
            guide('locked-out', 'I am locked out'),
          ]),
        get_run: (args) =>
          runView(step('which', 'Choose the account'), { runId: String(args.runId), guideId: 'lost-phone', guideTitle: 'I lost my phone or my number changed' }),
      },
    });
    render(App);

    const note = await screen.findByTestId('guide-in-progress', {}, { timeout: 4000 });
    expect(note).toHaveTextContent('You have a guide in progress: I lost my phone or my number changed.');
    const go = within(note).getByRole('button', { name: 'Continue the guide: I lost my phone or my number changed' });
    expect(go).toHaveTextContent(/^Continue$/);

    await userEvent.click(go);

    await waitFor(() => expect(screen.getByTestId('nav-guides')).toHaveAttribute('aria-current', 'page'));
    expect(await screen.findByTestId('run-screen')).toBeVisible();
    expect(backend.argsOf('get_run')).toEqual([{ runId: 'r-new' }]);
    expect(screen.getByRole('heading', { level: 1, name: 'I lost my phone or my number changed' })).toBeInTheDocument();
    // It was asked for only after the codes showed, never before.
    expect(backend.count('open_guide')).toBe(0);
  });

  it('is not there when no guide is under way', async () => {
    const backend = fakeBackend({ handlers: { list_guides: () => list() } });
    render(App);
    await waitFor(() => expect(backend.count('list_guides')).toBe(1), { timeout: 4000 });
    expect(screen.queryByTestId('guide-in-progress')).not.toBeInTheDocument();
  });
});

describe('the link check without a link', () => {
  it('points calmly to the guide about IRS messages, which the button opens', async () => {
    const backend = fakeBackend({
      handlers: {
        check_links: () => [],
        list_guides: () => list([guide(NO_LINK_GUIDE.id, NO_LINK_GUIDE.title)]),
        open_guide: () => runView(step('pause', 'Do not click or reply yet'), { guideId: NO_LINK_GUIDE.id, guideTitle: NO_LINK_GUIDE.title }),
      },
    });
    render(App);
    await userEvent.click(await screen.findByTestId('nav-check'));
    await userEvent.type(await screen.findByTestId('check-input'), 'This is the IRS. You owe taxes. Call us back today or a warrant will be issued.');
    await userEvent.click(screen.getByTestId('check-submit'));

    const pointer = await screen.findByTestId('check-no-link-guide');
    expect(pointer).toHaveTextContent('can be a scam even without a link');
    expect(pointer).toHaveTextContent('take your time and check it first');
    const open = within(pointer).getByRole('button', { name: 'Open the guide “Is this message or link really from the IRS?”' });

    await userEvent.click(open);

    await waitFor(() => expect(backend.argsOf('open_guide')).toEqual([{ guideId: 'is-it-the-irs' }]));
    await waitFor(() => expect(screen.getByTestId('nav-guides')).toHaveAttribute('aria-current', 'page'));
    expect(await screen.findByRole('heading', { level: 1, name: NO_LINK_GUIDE.title })).toBeInTheDocument();
  });

  it('does not show the pointer when links were found', async () => {
    fakeBackend({
      handlers: {
        check_links: () => [
          { url: 'https://www.irs.gov', host: 'www.irs.gov', registrable_domain: 'irs.gov', verdict: 'official', service: 'irs', service_name: 'IRS', summary: 'Official IRS site.', reasons: [] },
        ],
      },
    });
    render(App);
    await userEvent.click(await screen.findByTestId('nav-check'));
    await userEvent.type(await screen.findByTestId('check-input'), 'https://www.irs.gov');
    await userEvent.click(screen.getByTestId('check-submit'));
    expect(await screen.findByTestId('check-verdict')).toBeInTheDocument();
    expect(screen.queryByTestId('check-no-link-guide')).not.toBeInTheDocument();
  });
});

describe('accessibility of the new parts', () => {
  it('finds no axe-core violations on a branch step with the way out, Previous step and a guide link', async () => {
    await openRun(
      runView(
        step(
          'no-text-number',
          'Check the phone number',
          [{ type: 'show_phone', service: 'idme', serviceName: 'ID.me', phone: null }],
          [para(text('Use the Keystep guide '), { text: 'I am locked out', em: true, strong: false, guide: 'locked-out' }, text('.'))],
        ),
        {
          canGoBack: true,
          stepNumber: 5,
          branchTitle: 'The code did not come by text or call',
          branchOrigin: { title: 'Wait for the text or the call', stepNumber: 5 },
        },
      ),
    );
    expect(await axeViolations()).toEqual([]);
  });
});
