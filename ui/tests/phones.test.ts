import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../src/App.svelte';
import PhonesScreen from '../src/lib/components/phones/PhonesScreen.svelte';
import type { AccountView } from '../src/lib/bindings/AccountView';
import type { CatalogServiceView } from '../src/lib/bindings/CatalogServiceView';
import type { ServiceView } from '../src/lib/bindings/ServiceView';
import type { PhoneView } from '../src/lib/bindings/PhoneView';
import type { RiskItem } from '../src/lib/bindings/RiskItem';
import type { RunView } from '../src/lib/bindings/RunView';
import type { ServiceRef } from '../src/lib/bindings/ServiceRef';
import { fakeBackend, totp } from './backend';
import { axeViolations } from './axe';
import { withStatusLine } from './statusLine';

withStatusLine();

type Handler = (args: Record<string, unknown>) => unknown;

// Like the real bridge, which sends JSON: what the window sent is never shared with the fake's state.
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function phone(id: string, e164: string, national: string, extra: Partial<PhoneView> = {}): PhoneView {
  return { id, e164, national, label: '', kind: 'mobile', status: { state: 'in_use' }, usedBy: [], ...extra };
}

function mine(id: string, serviceName: string, extra: Partial<ServiceView> = {}): ServiceView {
  return {
    id,
    service: { type: 'catalog', id: serviceName.toLowerCase() },
    serviceName,
    kind: 'email',
    factors: ['sms', 'totp'],
    codePhones: [],
    recoveryPhones: [],
    keystepAccount: null,
    securityKey: false,
    backupCodesLeft: 0,
    backupCodesTotal: 0,
    backupCodesLow: false,
    ...extra,
  };
}

/** Backup code counts as Rust sends them: Rust decides when few are left (two or fewer of those saved). */
function counts(left: number, total: number): Partial<ServiceView> {
  return { backupCodesLeft: left, backupCodesTotal: total, backupCodesLow: total > 0 && left <= 2 };
}

function risk(code: RiskItem['code'], severity: RiskItem['severity'], serviceName: string, extra: Partial<RiskItem> = {}): RiskItem {
  return {
    severity,
    code,
    serviceId: 'm1',
    serviceName,
    phone: null,
    message: `Message about ${code}.`,
    action: `Action for ${code}.`,
    fix: { type: 'in_keystep' },
    ...extra,
  };
}

const CATALOG: CatalogServiceView[] = [
  { id: 'irs', name: 'IRS', kind: 'government', domains: ['irs.gov'] },
  { id: 'gmail', name: 'Gmail', kind: 'email', domains: ['gmail.com'] },
];

const MOBILE = phone('p1', '+15555550101', '(555) 555-0101', { label: 'My cell', usedBy: ['Gmail'] });
const HOME = phone('p2', '+15555550102', '(555) 555-0102', { label: 'Home', kind: 'landline' });

const PLAN_RUN: RunView = {
  runId: 'plan-run',
  guideId: 'plan-x',
  guideTitle: 'Move to your new number',
  translated: true,
  checked: null,
  done: 0,
  total: 4,
  finishedAtMs: null,
  stepNumber: 1,
  canGoBack: false,
  branchTitle: null,
  branchOrigin: null,
  step: { id: 'gmail-add', title: 'Add the new number to Gmail', blocks: [], actions: [] },
};

/** A stateful stand-in for the phone commands; `handlers` replace single commands. */
function phonesBackend(
  init: {
    phones?: PhoneView[];
    accounts?: ServiceView[];
    risks?: RiskItem[];
    codeAccounts?: AccountView[];
    handlers?: Record<string, Handler>;
  } = {},
) {
  const state = {
    phones: copy(init.phones ?? []),
    mine: copy(init.accounts ?? []),
    risks: copy(init.risks ?? []),
  };
  const find = (id: unknown) => state.mine.find((a) => a.id === id)!;
  const handlers: Record<string, Handler> = {
    phone_region: () => 'US',
    catalog_list: () => CATALOG,
    list_phones: () => copy(state.phones),
    list_services: () => copy(state.mine),
    review_risks: () => copy(state.risks),
    add_phone: ({ number, label, kind }) => {
      const added = phone(`p${state.phones.length + 1}`, `+1${String(number).replace(/\D/g, '')}`, String(number), {
        label: String(label),
        kind: kind as PhoneView['kind'],
      });
      state.phones.push(added);
      return added;
    },
    edit_phone: ({ id, label, kind, status }) => {
      const p = state.phones.find((x) => x.id === id)!;
      Object.assign(p, { label, kind, status });
      return p;
    },
    remove_phone: ({ id }) => {
      const gone = state.phones.find((p) => p.id === id);
      state.phones = state.phones.filter((p) => p.id !== id);
      return gone;
    },
    add_service: ({ service }) => {
      const ref = service as ServiceRef;
      const name = ref.type === 'catalog' ? CATALOG.find((s) => s.id === ref.id)!.name : ref.name;
      const added = mine(`m${state.mine.length + 1}`, name, { service: ref });
      state.mine.push(added);
      return added;
    },
    update_service: ({ id, codePhones, recoveryPhones, keystepAccount, securityKey }) => {
      const a = find(id);
      Object.assign(a, { codePhones, recoveryPhones, keystepAccount, securityKey });
      return a;
    },
    remove_service: ({ id }) => {
      const gone = find(id);
      state.mine = state.mine.filter((a) => a.id !== id);
      return gone;
    },
    suggest_code_accounts: () => init.codeAccounts ?? [],
    set_backup_codes: ({ id, codes, replaceFewer }) => {
      const a = find(id);
      const n = String(codes).split('\n').filter((l) => l.trim()).length;
      // Like Rust: fewer codes than are saved replace them only once confirmed.
      if (n < a.backupCodesTotal && replaceFewer !== true) {
        throw {
          code: 'backup_codes.fewer',
          message: `${a.serviceName} has ${a.backupCodesTotal} backup codes saved, and ${n} were read now. Saving would replace all ${a.backupCodesTotal} with these ${n}. Nothing was changed.`,
        };
      }
      Object.assign(a, counts(n, n));
      return a;
    },
    clear_backup_codes: ({ id }) => {
      const a = find(id);
      Object.assign(a, counts(0, 0));
      return a;
    },
    copy_backup_code: ({ id }) => {
      const a = find(id);
      Object.assign(a, counts(a.backupCodesLeft - 1, a.backupCodesTotal));
      return { clearAfterSecs: 30 };
    },
    plan_number_change: () => PLAN_RUN,
    get_run: () => PLAN_RUN,
    ...init.handlers,
  };
  return fakeBackend({ accounts: init.codeAccounts ?? [], handlers });
}

async function renderPhones() {
  render(PhonesScreen);
  await screen.findByRole('heading', { level: 2, name: 'Your numbers' });
}

const rowOf = (testid: string, attr: string, value: string) =>
  screen.getAllByTestId(testid).find((el) => el.getAttribute(attr) === value)!;
const serviceRow = (name: string) => within(rowOf('service-row', 'data-service-name', name));
const box = (row: ReturnType<typeof serviceRow>, testid: string, e164: string) =>
  row.getAllByTestId(testid).find((el) => el.dataset.e164 === e164)!;

describe('the review', () => {
  it('lists findings in the given order with a severity word, the service, what is wrong and what to do', async () => {
    phonesBackend({
      risks: [
        risk('gone_number', 'urgent', 'Gmail'),
        risk('only_one_phone', 'high', 'IRS'),
        risk('voip_refused', 'medium', 'Chase'),
        risk('no_backup_codes', 'low', 'Gmail'),
      ],
    });
    await renderPhones();

    const items = screen.getAllByTestId('review-item');
    expect(items.map((i) => [i.dataset.code, i.dataset.severity])).toEqual([
      ['gone_number', 'urgent'],
      ['only_one_phone', 'high'],
      ['voip_refused', 'medium'],
      ['no_backup_codes', 'low'],
    ]);
    expect(items.map((i) => within(i).getByTestId('review-severity').textContent)).toEqual([
      'Fix now',
      'Important',
      'Worth doing',
      'Tip',
    ]);
    expect(items[1]).toHaveTextContent('IRS');
    expect(items[1]).toHaveTextContent('Message about only_one_phone.');
    expect(items[1]).toHaveTextContent('What to do: Action for only_one_phone.');
    expect(screen.queryByTestId('review-empty')).not.toBeInTheDocument();
  });

  it('says what to add first until there is something to review, and only then that nothing needs fixing', async () => {
    phonesBackend();
    await renderPhones();
    const empty = screen.getByTestId('review-empty');
    expect(empty).toHaveTextContent('Start by adding the phone number you have now');
    expect(empty).not.toHaveTextContent('Nothing to fix');
    expect(empty).not.toHaveClass('done');
    expect(screen.getByTestId('review-summary')).toHaveTextContent('Start by adding the phone number you have now');
    expect(screen.queryByTestId('review-item')).not.toBeInTheDocument();
  });

  it('with no number yet, says to add one first even when the review found something', async () => {
    phonesBackend({ risks: [risk('no_backup_codes', 'low', 'ID.me')] });
    await renderPhones();
    expect(screen.getByTestId('review-summary')).not.toHaveClass('done');
    expect(screen.getByTestId('no-phones')).toHaveTextContent('Start with the number you have now.');
  });

  it('asks for a service next, then for its ticks, and says nothing needs fixing only when one is set', async () => {
    const backend = phonesBackend({ phones: [MOBILE] });
    await renderPhones();
    expect(screen.getByTestId('review-empty')).toHaveTextContent('Next, add a service that sends you sign-in codes');

    await userEvent.selectOptions(screen.getByTestId('service-select'), 'gmail');
    await userEvent.click(screen.getByTestId('service-add-submit'));
    await waitFor(() => expect(screen.getByTestId('review-empty')).toHaveTextContent('Next, tick the numbers each of your services uses'));

    await userEvent.click(box(serviceRow('Gmail'), 'code-phone', '+15555550101'));
    await userEvent.click(serviceRow('Gmail').getByTestId('service-save'));
    await waitFor(() => expect(screen.getByTestId('review-empty')).toHaveTextContent('Nothing to fix right now.'));
    expect(screen.getByTestId('review-empty')).toHaveClass('done');
    expect(backend.count('update_service')).toBe(1);
  });

  it('opens an official page, or a guide whose run shows here and comes back to the phones', async () => {
    const run: RunView = { ...PLAN_RUN, runId: 'r-g', guideId: 'idme-authenticator', guideTitle: 'Set up a code generator on ID.me' };
    const backend = phonesBackend({
      risks: [
        risk('gone_number', 'urgent', 'Gmail', { fix: { type: 'page', service: 'gmail', page: 'phone', title: 'Gmail phone settings' } }),
        risk('only_one_phone', 'high', 'ID.me', {
          fix: { type: 'guide', id: 'idme-authenticator', title: 'Set up a code generator on ID.me' },
        }),
      ],
      handlers: { open_official_page: () => null, open_guide: () => run, get_run: () => run },
    });
    await renderPhones();

    const [page, guide] = screen.getAllByTestId('review-item');
    await userEvent.click(within(page!).getByRole('button', { name: 'Open the Gmail page “Gmail phone settings”' }));
    expect(backend.argsOf('open_official_page')).toEqual([{ service: 'gmail', page: 'phone' }]);

    const fix = within(guide!).getByTestId('review-fix');
    expect(fix).toHaveTextContent('Follow the guide “Set up a code generator on ID.me”');
    await userEvent.click(fix);
    expect(backend.argsOf('open_guide')).toEqual([{ guideId: 'idme-authenticator' }]);
    expect(await screen.findByTestId('run-screen')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Set up a code generator on ID.me');

    const reviews = backend.count('review_risks');
    await userEvent.click(screen.getByTestId('run-back'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Phone numbers' })).toHaveFocus();
    await waitFor(() => expect(backend.count('review_risks')).toBe(reviews + 1));
  });
});

describe('your numbers', () => {
  it('shows each number with its name, kind, status and the accounts that use it', async () => {
    phonesBackend({
      phones: [
        MOBILE,
        phone('p3', '+15555550103', '(555) 555-0103', { kind: 'voip', status: { state: 'leaving', on: '2026-12-31' } }),
        phone('p4', '+15555550104', '(555) 555-0104', { kind: 'landline', status: { state: 'gone' } }),
      ],
    });
    await renderPhones();

    const rows = screen.getAllByTestId('phone-row');
    expect(rows.map((r) => r.dataset.e164)).toEqual(['+15555550101', '+15555550103', '+15555550104']);
    expect(rows[0]).toHaveTextContent('(555) 555-0101');
    expect(rows[0]).toHaveTextContent('My cell');
    expect(rows[0]).toHaveTextContent('mobile');
    expect(rows[0]).toHaveTextContent('Used by: Gmail');
    expect(rows[1]).toHaveTextContent('internet number');
    expect(rows[1]).toHaveTextContent('Used by: no services yet');
    expect(rows[2]).toHaveTextContent('landline');
    expect(rows.map((r) => within(r).getByTestId('phone-status').textContent)).toEqual([
      'in use',
      'leaving on December 31, 2026',
      'gone',
    ]);
    expect(within(rows[1]!).getByTestId('phone-status')).toHaveAttribute('data-on', '2026-12-31');
  });

  it('adds a number with the country from the system, then lists it and reviews again', async () => {
    const backend = phonesBackend();
    await renderPhones();
    expect(screen.getByTestId('phone-region-input')).toHaveValue('US');
    const reviews = backend.count('review_risks');

    await userEvent.type(screen.getByTestId('phone-number-input'), '555 555 0199');
    await userEvent.type(screen.getByTestId('phone-label-input'), 'Work phone');
    await userEvent.selectOptions(screen.getByTestId('phone-kind-select'), 'landline');
    await userEvent.click(screen.getByTestId('phone-add-submit'));

    expect(backend.argsOf('add_phone')).toEqual([{ number: '555 555 0199', region: 'US', label: 'Work phone', kind: 'landline' }]);
    const row = await screen.findByTestId('phone-row');
    expect(row).toHaveAttribute('data-e164', '+15555550199');
    expect(row).toHaveTextContent('Work phone');
    expect(screen.getByTestId('phone-number-input')).toHaveValue('');
    expect(screen.getByTestId('phones-announcement')).toHaveTextContent('Added 555 555 0199.');
    expect(backend.count('review_risks')).toBe(reviews + 1);
  });

  it('shows a duplicate or a bad country next to its field, and focuses that field', async () => {
    let answer = { code: 'phone.duplicate', message: 'You already added (555) 555-0101 as My cell.' };
    phonesBackend({
      phones: [MOBILE],
      handlers: {
        add_phone: () => {
          throw answer;
        },
      },
    });
    await renderPhones();

    await userEvent.type(screen.getByTestId('phone-number-input'), '5555550101');
    await userEvent.click(screen.getByTestId('phone-add-submit'));
    const number = screen.getByTestId('phone-number-input');
    expect(await screen.findByTestId('phone-number-input-error')).toHaveTextContent('You already added (555) 555-0101 as My cell.');
    expect(number).toHaveAttribute('aria-invalid', 'true');
    expect(number).toHaveAccessibleDescription('You already added (555) 555-0101 as My cell.');
    expect(number).toHaveFocus();
    expect(screen.getAllByTestId('phone-row')).toHaveLength(1);

    answer = { code: 'input.bad_region', message: 'The country "XX" is not one Keystep knows.' };
    await userEvent.click(screen.getByTestId('phone-add-submit'));
    expect(await screen.findByTestId('phone-region-input-error')).toHaveTextContent('The country "XX" is not one Keystep knows.');
    expect(screen.queryByTestId('phone-number-input-error')).not.toBeInTheDocument();
    expect(screen.getByTestId('phone-region-input')).toHaveFocus();
  });

  it('marks a number as leaving on a date', async () => {
    const backend = phonesBackend({ phones: [MOBILE] });
    await renderPhones();

    await userEvent.click(screen.getByTestId('phone-edit'));
    expect(screen.getByTestId('phone-edit-label')).toHaveFocus();
    await userEvent.selectOptions(screen.getByTestId('phone-status-select'), 'leaving');
    await userEvent.type(screen.getByTestId('phone-date-input'), '2026-12-31');
    await userEvent.click(screen.getByTestId('phone-save'));

    expect(backend.argsOf('edit_phone')).toEqual([
      { id: 'p1', label: 'My cell', kind: 'mobile', status: { state: 'leaving', on: '2026-12-31' } },
    ]);
    await waitFor(() => expect(screen.getByTestId('phone-status')).toHaveTextContent('leaving on December 31, 2026'));
    expect(screen.queryByTestId('phone-save')).not.toBeInTheDocument();
    expect(screen.getByTestId('phone-edit')).toHaveFocus();
  });

  it('asks for the date before sending a leaving number, and shows a refused date next to it', async () => {
    const backend = phonesBackend({
      phones: [MOBILE],
      handlers: {
        edit_phone: () => {
          throw { code: 'input.bad_date', message: 'That is not a date.' };
        },
      },
    });
    await renderPhones();

    await userEvent.click(screen.getByTestId('phone-edit'));
    await userEvent.selectOptions(screen.getByTestId('phone-status-select'), 'leaving');
    await userEvent.click(screen.getByTestId('phone-save'));
    expect(screen.getByTestId('phone-date-input-error')).toHaveTextContent('Choose the day the number stops working.');
    expect(backend.count('edit_phone')).toBe(0);

    await userEvent.type(screen.getByTestId('phone-date-input'), '2026-01-01');
    await userEvent.click(screen.getByTestId('phone-save'));
    expect(await screen.findByTestId('phone-date-input-error')).toHaveTextContent('That is not a date.');
    expect(screen.getByTestId('phone-date-input')).toHaveFocus();
  });

  it('removes a number only after confirming, then focuses the list heading', async () => {
    const backend = phonesBackend({ phones: [MOBILE, HOME] });
    await renderPhones();

    await userEvent.click(rowOf('phone-row', 'data-e164', '+15555550101').querySelector('[data-testid="phone-remove"]')!);
    const dialog = screen.getByTestId('remove-dialog');
    expect(within(dialog).getByRole('heading')).toHaveTextContent('Remove (555) 555-0101?');
    expect(dialog).toHaveTextContent('It is also taken off Gmail in Keystep.');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(backend.count('remove_phone')).toBe(0);

    await userEvent.click(rowOf('phone-row', 'data-e164', '+15555550101').querySelector('[data-testid="phone-remove"]')!);
    await userEvent.click(screen.getByTestId('confirm-remove'));
    expect(backend.argsOf('remove_phone')).toEqual([{ id: 'p1' }]);
    await waitFor(() => expect(screen.getAllByTestId('phone-row').map((r) => r.dataset.e164)).toEqual(['+15555550102']));
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: 'Your numbers' })).toHaveFocus());
  });
});

describe('your services', () => {
  it('adds a service from the list, and another one by its name and web address', async () => {
    const backend = phonesBackend({ accounts: [mine('m1', 'IRS', { service: { type: 'catalog', id: 'irs' } })] });
    await renderPhones();

    const select = screen.getByTestId('service-select');
    const options = within(select).getAllByRole('option');
    // Sorted by name, without the one already added, and "Another service…" last.
    expect(options.map((o) => o.getAttribute('value'))).toEqual(['', 'gmail', 'custom']);
    expect(options.at(-1)).toHaveTextContent('Another service…');

    await userEvent.selectOptions(select, 'gmail');
    expect(screen.queryByTestId('custom-name-input')).not.toBeInTheDocument();
    await userEvent.click(screen.getByTestId('service-add-submit'));
    await waitFor(() => expect(screen.getAllByTestId('service-row')).toHaveLength(2));

    await userEvent.selectOptions(screen.getByTestId('service-select'), 'custom');
    await userEvent.type(screen.getByTestId('custom-name-input'), 'My Credit Union');
    await userEvent.type(screen.getByTestId('custom-domain-input'), 'mycu.org');
    await userEvent.click(screen.getByTestId('service-add-submit'));

    expect(backend.argsOf('add_service')).toEqual([
      { service: { type: 'catalog', id: 'gmail' } },
      { service: { type: 'custom', name: 'My Credit Union', domain: 'mycu.org' } },
    ]);
    await waitFor(() =>
      expect(screen.getAllByTestId('service-row').map((r) => r.dataset.serviceName)).toEqual(['IRS', 'Gmail', 'My Credit Union']),
    );
  });

  it('shows a bad web address next to its field, and asks for a choice before sending anything', async () => {
    const backend = phonesBackend({
      handlers: {
        add_service: () => {
          throw { code: 'input.bad_domain', message: '"my cu" is not a web address.' };
        },
      },
    });
    await renderPhones();

    await userEvent.click(screen.getByTestId('service-add-submit'));
    expect(screen.getByTestId('service-select')).toHaveAccessibleDescription('Choose a service from the list.');
    expect(screen.getByTestId('service-select')).toHaveFocus();
    expect(backend.count('add_service')).toBe(0);

    await userEvent.selectOptions(screen.getByTestId('service-select'), 'custom');
    await userEvent.type(screen.getByTestId('custom-name-input'), 'My CU');
    await userEvent.type(screen.getByTestId('custom-domain-input'), 'my cu');
    await userEvent.click(screen.getByTestId('service-add-submit'));
    expect(await screen.findByTestId('custom-domain-input-error')).toHaveTextContent('"my cu" is not a web address.');
    expect(screen.getByTestId('custom-domain-input')).toHaveFocus();
  });

  it('saves the ticked numbers and the security key, then reviews again', async () => {
    const backend = phonesBackend({ phones: [MOBILE, HOME], accounts: [mine('m1', 'Gmail'), mine('m2', 'IRS')] });
    await renderPhones();
    const gmail = serviceRow('Gmail');
    const reviews = backend.count('review_risks');

    await userEvent.click(box(gmail, 'code-phone', '+15555550101'));
    await userEvent.click(box(gmail, 'recovery-phone', '+15555550102'));
    await userEvent.click(gmail.getByTestId('security-key'));
    expect(gmail.getByTestId('service-unsaved')).toBeInTheDocument();
    expect(backend.count('update_service')).toBe(0);
    await userEvent.click(gmail.getByTestId('service-save'));

    expect(backend.argsOf('update_service')).toEqual([
      { id: 'm1', codePhones: ['p1'], recoveryPhones: ['p2'], keystepAccount: null, securityKey: true },
    ]);
    await waitFor(() => expect(backend.count('review_risks')).toBe(reviews + 1));
    expect(gmail.queryByTestId('service-unsaved')).not.toBeInTheDocument();
    expect(box(gmail, 'code-phone', '+15555550101')).toBeChecked();
    expect(box(serviceRow('IRS'), 'code-phone', '+15555550101')).not.toBeChecked();
    expect(screen.getByTestId('phones-announcement')).toHaveTextContent('Saved Gmail.');
  });

  it('keeps ticks that are not saved yet when another part of the screen changes', async () => {
    const backend = phonesBackend({ phones: [MOBILE], accounts: [mine('m1', 'Gmail')] });
    await renderPhones();
    await userEvent.click(box(serviceRow('Gmail'), 'code-phone', '+15555550101'));

    await userEvent.type(screen.getByTestId('phone-number-input'), '5555550177');
    await userEvent.click(screen.getByTestId('phone-add-submit'));
    await waitFor(() => expect(screen.getAllByTestId('phone-row')).toHaveLength(2));

    const gmail = serviceRow('Gmail');
    expect(box(gmail, 'code-phone', '+15555550101')).toBeChecked();
    expect(box(gmail, 'code-phone', '+15555550177')).not.toBeChecked();
    expect(gmail.getByTestId('service-unsaved')).toBeInTheDocument();
    await userEvent.click(gmail.getByTestId('service-save'));
    expect(backend.argsOf('update_service')).toEqual([
      { id: 'm1', codePhones: ['p1'], recoveryPhones: [], keystepAccount: null, securityKey: false },
    ]);
  });

  it('links a Keystep code only when the person picks one of the suggestions', async () => {
    const backend = phonesBackend({
      phones: [MOBILE],
      accounts: [mine('m1', 'Gmail', { codePhones: ['p1'] })],
      codeAccounts: [totp('a1', 'Google', 'sam@gmail.com'), totp('a2', 'Gmail', 'work@gmail.com')],
    });
    await renderPhones();
    const gmail = serviceRow('Gmail');

    await userEvent.click(gmail.getByRole('button', { name: 'Find my Keystep code for Gmail' }));
    expect(backend.argsOf('suggest_code_accounts')).toEqual([{ id: 'm1' }]);
    const picks = await gmail.findAllByTestId('link-code');
    expect(picks.map((b) => b.textContent)).toEqual(['Use Google (sam@gmail.com) for Gmail', 'Use Gmail (work@gmail.com) for Gmail']);
    expect(backend.count('update_service')).toBe(0);

    await userEvent.click(picks[1]!);
    expect(backend.argsOf('update_service')).toEqual([
      { id: 'm1', codePhones: ['p1'], recoveryPhones: [], keystepAccount: 'a2', securityKey: false },
    ]);
    expect(await gmail.findByTestId('linked-code')).toHaveTextContent('Gmail (work@gmail.com)');
    expect(gmail.queryByTestId('link-code')).not.toBeInTheDocument();
  });

  it('says so when no Keystep code looks like the service', async () => {
    phonesBackend({ accounts: [mine('m1', 'Gmail')] });
    await renderPhones();
    await userEvent.click(screen.getByTestId('find-code'));
    expect(await screen.findByTestId('no-suggestions')).toHaveTextContent('No code in Keystep looks like Gmail.');
  });

  it('saves pasted backup codes, clears the box, and copies the next one from Rust', async () => {
    const backend = phonesBackend({ accounts: [mine('m1', 'Gmail', { factors: ['sms', 'backup_codes'] })] });
    await renderPhones();
    const gmail = serviceRow('Gmail');
    expect(gmail.getByTestId('backup-codes-left')).toHaveTextContent('No backup codes saved yet.');
    expect(gmail.getByTestId('backup-code-copy')).toBeDisabled();

    const paste = gmail.getByRole('button', { name: 'Paste backup codes for Gmail' });
    expect(paste).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(paste);
    const input = gmail.getByLabelText('Backup codes for Gmail, one per line');
    expect(input).toBe(gmail.getByTestId('backup-codes-input'));
    expect(input).toHaveFocus();
    await userEvent.type(input, '1111-2222{Enter}3333-4444{Enter}5555-6666');
    await userEvent.click(gmail.getByTestId('backup-codes-save'));

    expect(backend.argsOf('set_backup_codes')).toEqual([
      { id: 'm1', codes: '1111-2222\n3333-4444\n5555-6666', replaceFewer: false },
    ]);
    // The box closes; focus goes back to the button that opened it.
    await waitFor(() => expect(gmail.queryByTestId('backup-codes-input')).not.toBeInTheDocument());
    expect(paste).toHaveFocus();
    await waitFor(() => expect(gmail.getByTestId('backup-codes-left')).toHaveTextContent('3 of 3 backup codes left'));
    expect(gmail.queryByTestId('backup-codes-warning')).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('3333-4444');

    await userEvent.click(gmail.getByTestId('backup-code-copy'));
    expect(backend.argsOf('copy_backup_code')).toEqual([{ id: 'm1' }]);
    expect(await gmail.findByText('Copied. It is marked as used. Keystep clears the clipboard in 30 seconds.')).toBeInTheDocument();
    await waitFor(() => expect(gmail.getByTestId('backup-codes-left')).toHaveTextContent('2 of 3 backup codes left'));
    expect(gmail.getByTestId('backup-codes-warning')).toHaveTextContent('Only 2 left. Make new ones soon.');
  });

  it('asks before replacing saved codes with fewer, and keeps them when the person cancels', async () => {
    const backend = phonesBackend({
      accounts: [mine('m1', 'Gmail', { factors: ['backup_codes'], ...counts(10, 10) })],
    });
    await renderPhones();
    const gmail = serviceRow('Gmail');
    await userEvent.click(gmail.getByTestId('backup-codes-paste'));
    const input = gmail.getByTestId('backup-codes-input');
    await userEvent.type(input, '1111-2222{Enter}3333-4444');
    await userEvent.click(gmail.getByTestId('backup-codes-save'));

    const dialog = within(await screen.findByTestId('replace-backup-codes-dialog'));
    expect(dialog.getByRole('heading')).toHaveTextContent('Replace the 10 saved backup codes with fewer?');
    expect(dialog.getByText(/has 10 backup codes saved, and 2 were read now/)).toBeInTheDocument();
    expect(dialog.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.click(dialog.getByRole('button', { name: 'Cancel' }));
    expect(backend.argsOf('set_backup_codes')).toEqual([{ id: 'm1', codes: '1111-2222\n3333-4444', replaceFewer: false }]);
    expect(gmail.getByTestId('backup-codes-left')).toHaveTextContent('10 of 10 backup codes left');
    expect(input).toHaveValue('1111-2222\n3333-4444');
    expect(gmail.queryByTestId('backup-codes-error')).not.toBeInTheDocument();

    await userEvent.click(gmail.getByTestId('backup-codes-save'));
    await userEvent.click(await screen.findByTestId('confirm-replace-backup-codes'));
    expect(backend.argsOf('set_backup_codes').at(-1)).toEqual({ id: 'm1', codes: '1111-2222\n3333-4444', replaceFewer: true });
    await waitFor(() => expect(gmail.getByTestId('backup-codes-left')).toHaveTextContent('2 of 2 backup codes left'));
    await waitFor(() => expect(gmail.getByTestId('backup-codes-paste')).toHaveFocus());
    expect(gmail.queryByTestId('backup-codes-input')).not.toBeInTheDocument();
  });

  it('removes every backup code only after confirming', async () => {
    const backend = phonesBackend({
      accounts: [mine('m1', 'Gmail', { factors: ['backup_codes'], ...counts(3, 4) })],
    });
    await renderPhones();
    const gmail = serviceRow('Gmail');
    await userEvent.click(gmail.getByTestId('backup-codes-clear'));
    const dialog = within(screen.getByTestId('clear-backup-codes-dialog'));
    expect(dialog.getByRole('heading')).toHaveTextContent('Remove the 4 backup codes of Gmail?');
    expect(backend.count('clear_backup_codes')).toBe(0);
    await userEvent.click(screen.getByTestId('confirm-clear-backup-codes'));
    expect(backend.argsOf('clear_backup_codes')).toEqual([{ id: 'm1' }]);
    await waitFor(() => expect(gmail.getByTestId('backup-codes-left')).toHaveTextContent('No backup codes saved yet.'));
    expect(gmail.queryByTestId('backup-codes-clear')).not.toBeInTheDocument();
  });

  it('lists which codes are used by their last two characters only, and marks one from paper', async () => {
    const hints = [
      { index: 0, hint: '••••-••22', used: true },
      { index: 1, hint: '••••-••44', used: false },
    ];
    const backend = phonesBackend({
      accounts: [mine('m1', 'Gmail', { factors: ['backup_codes'], ...counts(1, 2) })],
      handlers: {
        backup_code_hints: () => hints,
        mark_backup_code: ({ index, used }) => {
          hints[Number(index)]!.used = Boolean(used);
          return mine('m1', 'Gmail', counts(0, 2));
        },
      },
    });
    await renderPhones();
    const gmail = serviceRow('Gmail');
    await userEvent.click(gmail.getByText('See which codes are used'));
    const boxes = await gmail.findAllByTestId('backup-code-used');
    expect(boxes).toHaveLength(2);
    expect(boxes[0]).toBeChecked();
    expect(boxes[1]).not.toBeChecked();
    expect(gmail.getByLabelText('Code 2, ending ••••-••44: used (Gmail)')).toBe(boxes[1]);
    await userEvent.click(boxes[1]!);
    expect(backend.argsOf('mark_backup_code')).toEqual([{ id: 'm1', index: 1, used: true }]);
    await waitFor(() => expect(gmail.getAllByTestId('backup-code-used')[1]).toBeChecked());
  });

  it('shows backup codes only for services that offer them or already have some, and no copy when none are left', async () => {
    phonesBackend({
      accounts: [
        mine('m1', 'Gmail', { factors: ['sms'] }),
        mine('m2', 'IRS', { factors: ['sms'], ...counts(0, 10) }),
      ],
    });
    await renderPhones();
    expect(serviceRow('Gmail').queryByTestId('backup-codes')).not.toBeInTheDocument();
    const irs = serviceRow('IRS');
    expect(irs.getByTestId('backup-codes-left')).toHaveTextContent('0 of 10 backup codes left');
    expect(irs.getByTestId('backup-codes-warning')).toHaveTextContent('All used. Make new ones on IRS and paste them here.');
    expect(irs.getByTestId('backup-code-copy')).toBeDisabled();
  });

  it('warns about few backup codes when Rust says so, not by a count of its own', async () => {
    phonesBackend({
      accounts: [
        mine('m1', 'Gmail', { factors: ['backup_codes'], backupCodesLeft: 1, backupCodesTotal: 10, backupCodesLow: false }),
        mine('m2', 'IRS', { factors: ['backup_codes'], backupCodesLeft: 4, backupCodesTotal: 10, backupCodesLow: true }),
      ],
    });
    await renderPhones();
    expect(serviceRow('Gmail').queryByTestId('backup-codes-warning')).not.toBeInTheDocument();
    expect(serviceRow('IRS').getByTestId('backup-codes-warning')).toHaveTextContent('Only 4 left. Make new ones soon.');
  });

  it('removes a service only after confirming', async () => {
    const backend = phonesBackend({ accounts: [mine('m1', 'Gmail'), mine('m2', 'IRS')] });
    await renderPhones();
    await userEvent.click(serviceRow('Gmail').getByTestId('service-remove'));
    expect(within(screen.getByTestId('remove-dialog')).getByRole('heading')).toHaveTextContent('Remove Gmail?');
    await userEvent.click(screen.getByTestId('confirm-remove'));
    expect(backend.argsOf('remove_service')).toEqual([{ id: 'm1' }]);
    await waitFor(() => expect(screen.getAllByTestId('service-row').map((r) => r.dataset.serviceName)).toEqual(['IRS']));
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: 'Your services' })).toHaveFocus());
  });
});

describe('changing your number', () => {
  it('offers the numbers not gone, makes the checklist and shows its run, and back reloads the phones', async () => {
    const backend = phonesBackend({
      phones: [MOBILE, phone('p9', '+15555550109', '(555) 555-0109', { status: { state: 'gone' } })],
    });
    await renderPhones();

    const from = screen.getByTestId('plan-from');
    expect(within(from).getAllByRole('option').map((o) => o.getAttribute('value'))).toEqual(['+15555550101']);
    expect(screen.getByTestId('plan-region-input')).toHaveValue('US');
    await userEvent.type(screen.getByTestId('plan-to-input'), '555 555 0150');
    await userEvent.type(screen.getByTestId('plan-date-input'), '2026-12-31');
    await userEvent.click(screen.getByTestId('plan-submit'));

    expect(backend.argsOf('plan_number_change')).toEqual([
      { from: '+15555550101', to: '555 555 0150', date: '2026-12-31', region: 'US' },
    ]);
    expect(await screen.findByTestId('run-screen')).toBeInTheDocument();
    expect(screen.getByTestId('step-title')).toHaveTextContent('Add the new number to Gmail');

    const loads = backend.count('list_phones');
    await userEvent.click(screen.getByRole('button', { name: 'Back to phone numbers' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Phone numbers' })).toHaveFocus();
    await waitFor(() => expect(backend.count('list_phones')).toBe(loads + 1));
  });

  it('sends no date when none is given, and shows a bad new number next to its field', async () => {
    const backend = phonesBackend({
      phones: [MOBILE],
      handlers: {
        plan_number_change: () => {
          throw { code: 'input.bad_phone', message: 'The new number is the same as the old one.' };
        },
      },
    });
    await renderPhones();
    await userEvent.type(screen.getByTestId('plan-to-input'), '5555550101');
    await userEvent.click(screen.getByTestId('plan-submit'));

    expect(backend.argsOf('plan_number_change')).toEqual([{ from: '+15555550101', to: '5555550101', date: null, region: 'US' }]);
    expect(await screen.findByTestId('plan-to-input-error')).toHaveTextContent('The new number is the same as the old one.');
    expect(screen.getByTestId('plan-to-input')).toHaveFocus();
    expect(screen.queryByTestId('run-screen')).not.toBeInTheDocument();
  });

  it('shows a day that does not exist, or Rust’s refusal of one, next to the date field', async () => {
    const message = 'The date is not valid: 2199-12-31 is too far away.';
    const backend = phonesBackend({
      phones: [MOBILE],
      handlers: {
        plan_number_change: () => {
          throw { code: 'input.bad_date', message };
        },
      },
    });
    await renderPhones();
    await userEvent.type(screen.getByTestId('plan-to-input'), '555 555 0150');
    await userEvent.type(screen.getByTestId('plan-date-input'), '2026-02-30');
    await userEvent.click(screen.getByTestId('plan-submit'));
    expect(await screen.findByTestId('plan-date-input-error')).toHaveTextContent(
      'Keystep could not read “2026-02-30” as a day. Type it like 12/15/2026 or December 15, 2026.',
    );
    expect(screen.getByTestId('plan-date-input')).toHaveFocus();
    expect(backend.count('plan_number_change')).toBe(0);

    await userEvent.clear(screen.getByTestId('plan-date-input'));
    await userEvent.type(screen.getByTestId('plan-date-input'), '2199-12-31');
    await userEvent.click(screen.getByTestId('plan-submit'));
    expect(await screen.findByTestId('plan-date-input-error')).toHaveTextContent(message);
  });

  it('reads the day as people type it', async () => {
    const backend = phonesBackend({ phones: [MOBILE] });
    await renderPhones();
    expect(screen.getByTestId('plan-date-input')).toHaveAttribute('type', 'text');
    expect(screen.getByTestId('plan-date-input')).toHaveAccessibleDescription(
      'For example 12/15/2026 or December 15, 2026. Leave it empty if it stops today or has stopped already.',
    );
    for (const typed of ['12/15/2026', 'December 15 2026', 'Dec 15, 2026', '2026-12-15']) {
      await userEvent.clear(screen.getByTestId('plan-to-input'));
      await userEvent.type(screen.getByTestId('plan-to-input'), '555 555 0150');
      await userEvent.clear(screen.getByTestId('plan-date-input'));
      await userEvent.type(screen.getByTestId('plan-date-input'), typed);
      await userEvent.click(screen.getByTestId('plan-submit'));
      await screen.findByTestId('run-screen');
      expect(backend.argsOf('plan_number_change').at(-1)).toMatchObject({ date: '2026-12-15' });
      await userEvent.click(screen.getByRole('button', { name: 'Back to phone numbers' }));
      await screen.findByTestId('plan-date-input');
    }
  });

  it('asks for a number first when there is none to leave', async () => {
    phonesBackend();
    await renderPhones();
    expect(screen.getByTestId('plan-no-phones')).toBeInTheDocument();
    expect(screen.queryByTestId('plan-submit')).not.toBeInTheDocument();
  });
});

describe('in the app', () => {
  it('builds the screen the first time it is opened, keeps it, and focuses its heading', async () => {
    const backend = phonesBackend({ phones: [MOBILE] });
    render(App);
    const toPhones = await screen.findByTestId('nav-phones');
    expect(toPhones).toHaveTextContent('Phones');
    expect(backend.count('list_phones')).toBe(0);

    await userEvent.click(toPhones);
    expect(toPhones).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Phone numbers' })).toHaveFocus();
    await userEvent.type(await screen.findByTestId('phone-number-input'), '555');

    await userEvent.click(screen.getByTestId('nav-codes'));
    expect(screen.getByTestId('phones-screen')).not.toBeVisible();
    await userEvent.click(toPhones);
    expect(screen.getByTestId('phones-screen')).toBeVisible();
    expect(screen.getByTestId('phone-number-input')).toHaveValue('555');
    expect(screen.getByRole('heading', { level: 1, name: 'Phone numbers' })).toHaveFocus();
    // Coming back reloads, so the review matches what changed meanwhile.
    await waitFor(() => expect(backend.count('list_phones')).toBe(2));
  });
});

describe('accessibility', () => {
  it('finds no axe-core violations on the screen with data, an open editor, suggestions and errors', async () => {
    phonesBackend({
      phones: [MOBILE, HOME, phone('p3', '+15555550103', '(555) 555-0103', { status: { state: 'leaving', on: '2026-12-31' } })],
      accounts: [
        mine('m1', 'Gmail', { factors: ['backup_codes'], codePhones: ['p1'], ...counts(2, 10) }),
        mine('m2', 'IRS', { keystepAccount: 'a1' }),
      ],
      codeAccounts: [totp('a1', 'IRS', 'sam')],
      risks: [
        risk('gone_number', 'urgent', 'Gmail', { fix: { type: 'page', service: 'gmail', page: 'phone', title: 'Gmail phone settings' } }),
        risk('only_one_phone', 'high', 'IRS', { fix: { type: 'guide', id: 'g', title: 'A guide' } }),
        risk('no_backup_codes', 'low', 'Gmail'),
      ],
      handlers: {
        add_phone: () => {
          throw { code: 'phone.duplicate', message: 'You already added it.' };
        },
      },
    });
    await renderPhones();
    expect(await axeViolations()).toEqual([]);

    await userEvent.click(screen.getAllByTestId('phone-edit')[0]!);
    await userEvent.selectOptions(screen.getByTestId('phone-status-select'), 'leaving');
    await userEvent.selectOptions(screen.getByTestId('service-select'), 'custom');
    await userEvent.click(screen.getByTestId('find-code'));
    await screen.findByTestId('link-code');
    await userEvent.click(screen.getByTestId('phone-add-submit'));
    await screen.findByTestId('phone-number-input-error');
    expect(await axeViolations()).toEqual([]);

    await userEvent.click(screen.getAllByTestId('phone-remove')[0]!);
    expect(await axeViolations()).toEqual([]);
    // Three axe runs over a long screen: more than the default 5 s on a busy machine.
  }, 30_000);
});

describe('holding still', () => {
  it('adds above the lists and reviews below them, so what changes is after the button pressed', async () => {
    phonesBackend({ phones: [MOBILE], accounts: [mine('m1', 'Gmail')] });
    await renderPhones();
    const after = (a: Element, b: Element) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    const addPhone = screen.getByTestId('phone-add-submit');
    const addService = screen.getByTestId('service-add-submit');
    expect(after(addPhone, screen.getByTestId('phone-row'))).toBe(true);
    expect(after(addService, screen.getByTestId('service-row'))).toBe(true);
    const review = screen.getByRole('heading', { level: 2, name: 'What could lock you out' });
    expect(after(screen.getByTestId('service-row'), review)).toBe(true);
    // Only the one line of the summary is above the numbers.
    expect(after(screen.getByTestId('review-summary'), addPhone)).toBe(true);
  });

  it('keeps the same Save button, row and focus after Save, so the next click lands where it is aimed', async () => {
    phonesBackend({ phones: [MOBILE, HOME], accounts: [mine('m1', 'Gmail'), mine('m2', 'IRS')] });
    await renderPhones();
    const row = rowOf('service-row', 'data-service-name', 'Gmail');
    const save = within(row).getByTestId('service-save');
    const irsBox = box(serviceRow('IRS'), 'code-phone', '+15555550101');
    await userEvent.click(box(serviceRow('Gmail'), 'code-phone', '+15555550101'));
    await userEvent.click(save);
    await waitFor(() => expect(screen.getByTestId('phones-announcement')).toHaveTextContent('Saved Gmail.'));
    expect(rowOf('service-row', 'data-service-name', 'Gmail')).toBe(row);
    expect(within(row).getByTestId('service-save')).toBe(save);
    expect(save).toHaveFocus();
    expect(box(serviceRow('IRS'), 'code-phone', '+15555550101')).toBe(irsBox);
  });

  it('keeps focus on Add, with the new row after the form', async () => {
    phonesBackend({ phones: [MOBILE] });
    await renderPhones();
    const add = screen.getByTestId('phone-add-submit');
    const first = screen.getByTestId('phone-row');
    await userEvent.type(screen.getByTestId('phone-number-input'), '5555550177');
    await userEvent.click(add);
    await waitFor(() => expect(screen.getAllByTestId('phone-row')).toHaveLength(2));
    expect(screen.getByTestId('phone-add-submit')).toBe(add);
    expect(add).toHaveFocus();
    expect(screen.getAllByTestId('phone-row')[0]).toBe(first);
  });

  it('after Use, focus goes to the linked code, in the place of the button pressed', async () => {
    phonesBackend({ accounts: [mine('m1', 'Gmail')], codeAccounts: [totp('a2', 'Gmail', 'work@gmail.com')] });
    await renderPhones();
    const gmail = serviceRow('Gmail');
    await userEvent.click(gmail.getByRole('button', { name: 'Find my Keystep code for Gmail' }));
    await userEvent.click(await gmail.findByRole('button', { name: 'Use Gmail (work@gmail.com) for Gmail' }));
    await waitFor(() => expect(gmail.getByTestId('linked-code')).toHaveFocus());
    expect(gmail.getByTestId('linked-code')).toHaveTextContent('Gmail (work@gmail.com)');
  });
});

describe('the review, read naturally', () => {
  it('offers a code already in Keystep as the fix, and links it in one press', async () => {
    const backend = phonesBackend({
      phones: [MOBILE],
      accounts: [mine('m1', 'ID.me', { codePhones: ['p1'], securityKey: false })],
      codeAccounts: [totp('a7', 'ID.me', 'me@example.com')],
      risks: [
        risk('only_one_phone', 'high', 'ID.me', {
          action: 'Keystep already has a code that looks like it is for ID.me: ID.me (me@example.com).',
          fix: { type: 'link_code', codes: [{ id: 'a7', label: 'ID.me (me@example.com)' }] },
        }),
      ],
    });
    await renderPhones();
    const item = screen.getByTestId('review-item');
    const use = within(item).getByRole('button', { name: 'Use ID.me (me@example.com) for ID.me' });
    await userEvent.click(use);
    expect(backend.argsOf('update_service')).toEqual([
      { id: 'm1', codePhones: ['p1'], recoveryPhones: [], keystepAccount: 'a7', securityKey: false },
    ]);
    await waitFor(() =>
      expect(screen.getByTestId('phones-announcement')).toHaveTextContent('ID.me now uses ID.me (me@example.com) from Keystep.'),
    );
    expect(await serviceRow('ID.me').findByTestId('linked-code')).toHaveTextContent('ID.me (me@example.com)');
  });

  it('spells out days, keeps numbers on one line, and names the service on every fix button', async () => {
    phonesBackend({
      risks: [
        risk('leaving_number', 'high', 'Google', {
          phone: '(555) 555-0101',
          message: 'Google uses (555) 555-0101, which stops working on 2026-12-15.',
          fix: { type: 'page', service: 'google', page: 'security', title: 'Turn on 2-Step Verification' },
        }),
        risk('gone_number', 'urgent', 'Chase', { fix: { type: 'page', service: 'chase', page: 'sign_in', title: 'Chase: choose Sign in' } }),
        { ...risk('no_recovery_password', 'high', 'Keystep'), serviceId: null, fix: { type: 'settings' } },
        { ...risk('no_backup_outside', 'high', 'Keystep'), serviceId: null, fix: { type: 'settings' } },
      ],
    });
    await renderPhones();
    const [google, chase, password, backup] = screen.getAllByTestId('review-item');
    expect(within(google!).getByTestId('review-message')).toHaveTextContent(
      'Google uses (555) 555-0101, which stops working on December 15, 2026.',
    );
    const number = within(google!).getByText('(555) 555-0101');
    expect(number).toHaveClass('number');
    expect(within(google!).getByRole('button', { name: 'Turn on 2-Step Verification for Google' })).toBeInTheDocument();
    expect(within(chase!).getByRole('button', { name: 'Open Chase and choose Sign in' })).toBeInTheDocument();
    expect(within(password!).getByRole('button')).toHaveAccessibleName('Open Settings to set a recovery password');
    expect(within(backup!).getByRole('button')).toHaveAccessibleName('Open Settings to choose a backup folder');
    expect(screen.getByTestId('review-summary')).toHaveTextContent('4 things could lock you out, 1 of them to fix now.');
  });
});

describe('names for screen readers', () => {
  it('gives every repeated control on the screen its service or number', async () => {
    phonesBackend({
      phones: [MOBILE, HOME],
      accounts: [
        mine('m1', 'ID.me', { factors: ['backup_codes'], ...counts(3, 3) }),
        mine('m2', 'IRS', { factors: ['backup_codes'], ...counts(3, 3) }),
      ],
    });
    await renderPhones();
    for (const name of ['ID.me', 'IRS']) {
      const row = serviceRow(name);
      expect(row.getByRole('button', { name: `Paste backup codes for ${name}` })).toBeInTheDocument();
      expect(row.getByRole('button', { name: `Remove ${name}` })).toBeInTheDocument();
      expect(row.getByRole('button', { name: `Save the numbers of ${name}` })).toBeInTheDocument();
      expect(row.getByRole('button', { name: `Find my Keystep code for ${name}` })).toBeInTheDocument();
      expect(row.getByRole('button', { name: `Copy the next code for ${name}` })).toBeInTheDocument();
      expect(row.getByRole('button', { name: `Remove all backup codes of ${name}` })).toBeInTheDocument();
      expect(row.getByRole('checkbox', { name: `I also use a security key or passkey for ${name}` })).toBeInTheDocument();
      // (jsdom puts a space after the number's own span; a browser does not.)
      expect(row.getByRole('checkbox', { name: new RegExp(`^\\(555\\) 555-0101 ?, My cell gets sign-in codes from ${name}$`) })).toBeInTheDocument();
      expect(row.getByRole('checkbox', { name: new RegExp(`^\\(555\\) 555-0102 ?, Home is kept by ${name} for recovery$`) })).toBeInTheDocument();
    }
    // No two buttons or checkboxes on the screen share a name.
    for (const role of ['button', 'checkbox'] as const) {
      const names = screen.getAllByRole(role).map((el) => el.textContent?.replace(/\s+/g, ' ').trim() || el.closest('label')?.textContent?.replace(/\s+/g, ' ').trim());
      expect(names.length).toBeGreaterThan(5);
      expect(new Set(names).size, names.join(' | ')).toBe(names.length);
    }
  });
});
