// The guides, the link check and Help in Spanish: the words around the guides' own text, plurals and
// dates in each language, the note on a guide not yet in Spanish, and the core's text fetched again when
// the language changes.
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import CheckLinkScreen from '../src/lib/components/CheckLinkScreen.svelte';
import GuidesScreen from '../src/lib/components/GuidesScreen.svelte';
import HelpScreen from '../src/lib/components/HelpScreen.svelte';
import type { ActionView } from '../src/lib/bindings/ActionView';
import type { GuideList } from '../src/lib/bindings/GuideList';
import type { GuideSummary } from '../src/lib/bindings/GuideSummary';
import type { LinkCheck } from '../src/lib/bindings/LinkCheck';
import type { RunSummary } from '../src/lib/bindings/RunSummary';
import type { RunView } from '../src/lib/bindings/RunView';
import { checkedText, pastRunText, plainDate, timeLeft, waitLength } from '../src/lib/guides';
import { i18n, tIn } from '../src/lib/i18n.svelte';
import { checkSummary, NO_LINK_GUIDE, reasonText, verdictSentence } from '../src/lib/linkCheck';
import { fakeBackend, T0, timedCode, totp } from './backend';

function guide(id: string, title: string, extra: Partial<GuideSummary> = {}): GuideSummary {
  return {
    id,
    title,
    service: 'irs',
    serviceName: 'IRS',
    summary: `Resumen de ${title}.`,
    minutes: 10,
    needs: ['Su teléfono'],
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
    guideTitle: 'Iniciar sesión en el IRS',
    startedAtMs: T0,
    finishedAtMs: null,
    stoppedAtMs: null,
    done: 0,
    total: 5,
    ...extra,
  };
}

function list(guides: GuideSummary[]): GuideList {
  return { guides, pastRuns: [], userFolder: '', problems: [] };
}

function runView(actions: ActionView[], extra: Partial<RunView> = {}): RunView {
  return {
    runId: 'r1',
    guideId: 'irs-sign-in',
    guideTitle: 'Iniciar sesión en el IRS',
    translated: true,
    checked: '2026-11-28',
    done: 0,
    total: 5,
    finishedAtMs: null,
    stepNumber: 1,
    canGoBack: false,
    branchTitle: null,
    branchOrigin: null,
    step: { id: 'one', title: 'Abra la página', blocks: [], actions },
    ...extra,
  };
}

describe('the guides list in Spanish', () => {
  it('says everything around the guides in Spanish, with plurals and the date in Spanish', async () => {
    i18n.choose('es');
    fakeBackend({
      handlers: {
        list_guides: () =>
          list([
            guide('irs-sign-in', 'Iniciar sesión en el IRS', { minutes: 1 }),
            guide('idme-create', 'Crear una cuenta de ID.me', {
              openRun: summary({ runId: 'r2', guideId: 'idme-create', done: 2, total: 9 }),
            }),
          ]),
      },
    });
    render(GuidesScreen);

    expect(await screen.findByRole('heading', { level: 1, name: 'Inicio de sesión guiado' })).toBeInTheDocument();
    const [first, second] = await screen.findAllByTestId('guide-card');
    expect(screen.getByRole('list', { name: 'Guías' })).toBeInTheDocument();
    expect(first).toHaveTextContent('Alrededor de 1 minuto');
    expect(second).toHaveTextContent('Alrededor de 10 minutos');
    expect(first).toHaveTextContent('Revisada con las páginas oficiales el 28 de noviembre de 2026');
    expect(within(first!).getByRole('heading', { level: 3, name: 'Lo que necesita' })).toBeInTheDocument();

    const start = within(first!).getByTestId('guide-start-irs-sign-in');
    expect(start).toHaveTextContent(/^Empezar$/);
    expect(start).toHaveAccessibleName('Empezar: Iniciar sesión en el IRS');
    const go = within(second!).getByTestId('guide-start-idme-create');
    expect(go).toHaveTextContent('Continuar (paso 3 de 9)');
    expect(within(second!).getByTestId('guide-restart-idme-create')).toHaveAccessibleName(
      'Empezar de nuevo: Crear una cuenta de ID.me',
    );
  });

  it('says in Spanish when a guide has no Spanish version, and marks its words as English', async () => {
    i18n.choose('es');
    fakeBackend({
      handlers: {
        list_guides: () =>
          list([
            guide('own', 'My own guide', { translated: false, fromUserFolder: true }),
            guide('irs-sign-in', 'Iniciar sesión en el IRS', { translated: true }),
          ]),
      },
    });
    render(GuidesScreen);

    const [own, irs] = await screen.findAllByTestId('guide-card');
    expect(within(own!).getByTestId('guide-not-translated')).toHaveTextContent(
      'Esta guía todavía no está en español. Se muestra en inglés.',
    );
    expect(within(own!).getByRole('heading', { level: 2 })).toHaveAttribute('lang', 'en');
    expect(own).toHaveTextContent('Una de sus propias guías');
    expect(within(irs!).queryByTestId('guide-not-translated')).toBeNull();
    expect(within(irs!).getByRole('heading', { level: 2 })).not.toHaveAttribute('lang');
  });

  it('never shows the note in English, where every guide is in its own language', async () => {
    fakeBackend({ handlers: { list_guides: () => list([guide('own', 'My own guide', { translated: false })]) } });
    render(GuidesScreen);
    const card = await screen.findByTestId('guide-card');
    expect(within(card).queryByTestId('guide-not-translated')).toBeNull();
    expect(card).toHaveTextContent('About 10 minutes');
  });

  it('asks Rust for the guides again when the language changes, and only then', async () => {
    let lang = 'en';
    const backend = fakeBackend({
      handlers: {
        list_guides: () => list([guide('irs-sign-in', lang === 'es' ? 'Iniciar sesión en el IRS' : 'Sign in to the IRS')]),
      },
    });
    render(GuidesScreen);
    expect(await screen.findByRole('heading', { level: 2, name: 'Sign in to the IRS' })).toBeInTheDocument();
    expect(backend.count('list_guides')).toBe(1);

    lang = 'es';
    i18n.choose('es');
    expect(await screen.findByRole('heading', { level: 2, name: 'Iniciar sesión en el IRS' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Inicio de sesión guiado');
    expect(backend.count('list_guides')).toBe(2);
  });
});

describe('a run in Spanish', () => {
  async function open(first: RunView, handlers: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
    const backend = fakeBackend({
      accounts: [totp('a1', 'IRS', 'sam@example.com')],
      codes: [timedCode('a1', '622792', Date.now() + 20_000)],
      handlers: {
        list_guides: () => list([guide('irs-sign-in', 'Iniciar sesión en el IRS')]),
        open_guide: () => first,
        ...handlers,
      },
    });
    render(GuidesScreen);
    await userEvent.click(await screen.findByTestId('guide-start-irs-sign-in'));
    await screen.findByTestId('run-screen');
    return backend;
  }

  it('says the progress, the moves and the step actions in Spanish', async () => {
    i18n.choose('es');
    const backend = await open(
      runView([
        { type: 'show_code', service: 'irs', serviceName: 'IRS', accountId: 'a1' },
        { type: 'wait', minutes: 60, blocks: [], untilMs: null },
        { type: 'check_address', service: 'irs', serviceName: 'IRS', ending: 'irs.gov' },
      ]),
      { copy_code: () => ({ clearAfterSecs: 1 }) },
    );

    const progress = screen.getByRole('progressbar', { name: 'Avance en esta guía' });
    expect(progress).toHaveAttribute('aria-valuetext', 'Paso 1 de 5');
    expect(screen.getByTestId('run-next')).toHaveTextContent('Listo, siguiente paso');
    expect(screen.getByTestId('run-back')).toHaveTextContent('Volver a todas las guías');
    expect(screen.getByTestId('run-checked')).toHaveTextContent('Revisada con las páginas oficiales el 28 de noviembre de 2026');

    const code = screen.getByTestId('step-code');
    expect(within(code).getByRole('heading', { level: 3 })).toHaveTextContent('Su código de IRS');
    const copy = await within(code).findByRole('button', { name: 'Copiar su código de IRS' });
    await waitFor(() => expect(copy).toBeEnabled());
    await userEvent.click(copy);
    await waitFor(() =>
      expect(screen.getByTestId('step-code-status')).toHaveTextContent('Copiado. Keystep lo borra del portapapeles en 1 segundo.'),
    );
    expect(backend.argsOf('copy_code')).toEqual([{ id: 'a1' }]);

    expect(screen.getByTestId('wait-start')).toHaveTextContent('Empezar la cuenta regresiva (1 hora)');
    const address = screen.getByTestId('check-address');
    expect(address).toHaveTextContent(
      'Una dirección real de IRS termina en irs.gov. Fíjese en el final del nombre del sitio, justo antes de la primera /.',
    );
    expect(within(address).getByTestId('check-address-ending')).toHaveTextContent(/^irs\.gov$/);
  });

  it('asks Rust for the step again when the language changes, and shows the note on an English-only guide', async () => {
    let lang = 'en';
    const view = () =>
      runView([], {
        step: { id: 'one', title: lang === 'es' ? 'Abra la página' : 'Open the page', blocks: [], actions: [] },
        translated: false,
      });
    const backend = await open(view(), { get_run: () => view() });
    expect(screen.getByTestId('step-title')).toHaveTextContent('Open the page');
    // In English there is nothing to say about a guide being in English.
    expect(screen.queryByTestId('run-not-translated')).toBeNull();
    expect(backend.count('get_run')).toBe(0);

    lang = 'es';
    i18n.choose('es');
    await waitFor(() => expect(screen.getByTestId('step-title')).toHaveTextContent('Abra la página'));
    expect(backend.argsOf('get_run')).toEqual([{ runId: 'r1' }]);
    expect(screen.getByTestId('run-not-translated')).toHaveTextContent(
      'Esta guía todavía no está en español. Se muestra en inglés.',
    );
    expect(screen.getByTestId('step-title')).toHaveAttribute('lang', 'en');
    // The buttons around the guide's words are Spanish, and not marked as English.
    expect(screen.getByTestId('run-next')).toHaveTextContent('Listo, siguiente paso');
    expect(screen.getByTestId('run-next').closest('[lang="en"]')).toBeNull();
  });

  it('says the guide is done in Spanish, with the date in Spanish', async () => {
    i18n.choose('es');
    const finishedAt = new Date(2026, 10, 25, 15, 0).getTime();
    await open(runView([], { step: null, done: 5, finishedAtMs: finishedAt }));
    const done = screen.getByTestId('run-finished');
    expect(within(done).getByRole('heading', { level: 2 })).toHaveTextContent('¡Lo logró!');
    expect(done).toHaveTextContent('Terminó todos los pasos de “Iniciar sesión en el IRS” el 25 de noviembre de 2026.');
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuetext', 'Los 5 pasos terminados');
  });
});

describe('guide words in both languages', () => {
  it('counts waits and time left with each language’s plurals', () => {
    expect([waitLength(1), waitLength(15), waitLength(60), waitLength(2880)]).toEqual([
      '1 minute',
      '15 minutes',
      '1 hour',
      '2 days',
    ]);
    expect([timeLeft(86_400 + 3_600), timeLeft(3 * 86_400)]).toEqual(['1 day 1 h', '3 days 0 h']);
    i18n.choose('es');
    expect([waitLength(1), waitLength(15), waitLength(60), waitLength(2880)]).toEqual([
      '1 minuto',
      '15 minutos',
      '1 hora',
      '2 días',
    ]);
    expect([timeLeft(86_400 + 3_600), timeLeft(3 * 86_400), timeLeft(872)]).toEqual(['1 día 1 h', '3 días 0 h', '14 min 32 s']);
  });

  it('writes dates and past runs in each language', () => {
    const day = new Date(2026, 10, 25, 12, 0).getTime();
    const run = summary({ done: 3, total: 8, stoppedAtMs: day });
    expect(plainDate(day)).toBe('November 25, 2026');
    expect(pastRunText(run)).toBe('Stopped at step 4 of 8: Iniciar sesión en el IRS — November 25, 2026');
    i18n.choose('es');
    expect(plainDate(day)).toBe('25 de noviembre de 2026');
    expect(checkedText('2026-01-05')).toBe('Revisada con las páginas oficiales el 5 de enero de 2026');
    expect(pastRunText(run)).toBe('Detenida en el paso 4 de 8: Iniciar sesión en el IRS — 25 de noviembre de 2026');
    expect(pastRunText(summary({ finishedAtMs: day }))).toBe('Terminada: Iniciar sesión en el IRS — 25 de noviembre de 2026');
  });
});

const fakeIrs: LinkCheck = {
  url: 'https://irs-gov.refund-help.com/claim',
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
  ],
};

const plainHttp: LinkCheck = {
  url: 'http://www.irs.gov',
  host: 'www.irs.gov',
  registrable_domain: 'irs.gov',
  verdict: 'suspicious',
  service: 'irs',
  service_name: 'IRS',
  summary: 'This goes to the real IRS site, but not in a safe way. Go to the site yourself instead.',
  reasons: [
    {
      code: 'link.not_https',
      message: 'IRS uses secure (https) links; this one starts with http, which anyone on the network can change.',
    },
  ],
};

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

/** The Spanish version of the guide the link check points to, as the core bundles it. */
async function spanishNoLinkGuide(): Promise<string> {
  // Read with Node (the tests run in it); Vite serves no file outside ui/, and the UI's TypeScript set-up
  // has no Node types, hence the module name in a variable.
  const fsModule = 'node:fs';
  const fs = (await import(/* @vite-ignore */ fsModule)) as { readFileSync: (path: string, encoding: 'utf8') => string };
  // Found from this file, wherever the tests are run from; Vite gives the file's address as /@fs/<path>.
  const url = new URL('../../crates/keystep-core/data/guides/es/is-it-the-irs.toml', import.meta.url);
  return fs.readFileSync(decodeURIComponent(url.pathname).replace(/^\/@fs(?=\/)/, ''), 'utf8');
}

describe('the link check in Spanish', () => {
  it('says each verdict, its reasons and the count in Spanish', async () => {
    i18n.choose('es');
    fakeBackend({ handlers: { check_links: () => [fakeIrs, official, shop] } });
    render(CheckLinkScreen);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('¿Este enlace es real?');
    await userEvent.click(screen.getByLabelText('Enlace o mensaje'));
    await userEvent.paste('Vea https://irs-gov.refund-help.com/claim');
    await userEvent.click(screen.getByRole('button', { name: 'Revisar' }));

    const results = await screen.findAllByTestId('check-result');
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(
      'Se revisaron 3 enlaces: 1 advertencia, 1 oficial, 1 no oficial.',
    );
    await waitFor(() =>
      expect(screen.getByTestId('check-summary')).toHaveTextContent('Se revisaron 3 enlaces: 1 advertencia, 1 oficial, 1 no oficial.'),
    );
    const bad = within(results[0]!);
    expect(bad.getByTestId('check-verdict')).toHaveTextContent('Advertencia: este no es un enlace real de IRS.');
    expect(bad.getByRole('list', { name: 'Por qué' })).toHaveTextContent(
      'La dirección usa el nombre IRS, pero pertenece a refund-help.com, que no es un sitio de IRS.',
    );
    expect(bad.getByTestId('check-advice')).toHaveTextContent(
      'No lo abra ni responda. Si le preocupa, vaya usted al sitio oficial.',
    );
    expect(within(results[1]!).getByTestId('check-verdict')).toHaveTextContent('Sitio oficial de IRS.');
    expect(within(results[2]!).getByTestId('check-verdict')).toHaveTextContent(
      'No es un sitio oficial de ningún servicio que Keystep conozca.',
    );
  });

  it('asks for a link in Spanish, and points to the guide by its Spanish title when there is none', async () => {
    i18n.choose('es');
    fakeBackend({ handlers: { check_links: () => [] } });
    render(CheckLinkScreen);
    await userEvent.click(screen.getByRole('button', { name: 'Revisar' }));
    expect(screen.getByLabelText('Enlace o mensaje')).toHaveAccessibleDescription('Primero pegue un enlace o un mensaje.');

    await userEvent.paste('Le llamamos del IRS');
    await userEvent.click(screen.getByRole('button', { name: 'Revisar' }));
    expect(await screen.findByTestId('check-empty')).toHaveTextContent(/^No se encontró ningún enlace\./);
    expect(screen.getByTestId('check-open-guide')).toHaveTextContent(
      'Abrir la guía “¿Este mensaje o enlace es realmente del IRS?”',
    );
  });

  it('says the verdict from its kind: in English word for word what Rust says, in Spanish in Spanish', () => {
    for (const check of [fakeIrs, plainHttp, official, shop, shortened]) {
      expect(verdictSentence(check)).toBe(check.summary);
    }
    i18n.choose('es');
    expect([fakeIrs, plainHttp, official, shop, shortened].map(verdictSentence)).toEqual([
      'Advertencia: este no es un enlace real de IRS.',
      'Este enlace va al sitio real de IRS, pero no de forma segura. Mejor vaya usted al sitio.',
      'Sitio oficial de IRS.',
      'No es un sitio oficial de ningún servicio que Keystep conozca. Tenga cuidado antes de iniciar sesión o pagar ahí.',
      'Advertencia: este enlace no es seguro.',
    ]);
  });

  it('gives the reasons in Rust’s words in English and by their code in Spanish, keeping an unknown code in Rust’s words', () => {
    const reason = shortened.reasons[0]!;
    expect(reasonText(reason, shortened)).toBe(reason.message);
    i18n.choose('es');
    expect(reasonText(reason, shortened)).toBe(
      'bit.ly es un acortador de enlaces: esconde adónde va el enlace en realidad. Las agencias del gobierno no envían enlaces acortados.',
    );
    expect(reasonText(plainHttp.reasons[0]!, plainHttp)).toBe(
      'IRS usa enlaces seguros (https); este empieza con http, y cualquiera en la red lo puede cambiar.',
    );
    const unknown = { code: 'link.something_new', message: 'Something new.' };
    expect(reasonText(unknown, shortened)).toBe('Something new.');
  });

  it('counts links with each language’s plurals', () => {
    expect(checkSummary([{ verdict: 'official' }])).toBe('1 link checked: no warnings, 1 official.');
    i18n.choose('es');
    expect(checkSummary([{ verdict: 'official' }])).toBe('Se revisó 1 enlace: ninguna advertencia, 1 oficial.');
    expect(checkSummary([{ verdict: 'suspicious' }, { verdict: 'suspicious' }, { verdict: 'not_official' }])).toBe(
      'Se revisaron 3 enlaces: 2 advertencias, 1 no oficial.',
    );
  });

  it('names the guide it points to by the title that guide has in each language', async () => {
    const spanishTitle = /^title = "(.*)"$/m.exec(await spanishNoLinkGuide())?.[1];
    expect(spanishTitle).toBeTruthy();
    expect(tIn('en', 'check-no-link-guide-title')).toBe(NO_LINK_GUIDE.title);
    expect(tIn('es', 'check-no-link-guide-title')).toBe(spanishTitle);
  });
});

describe('Help in Spanish', () => {
  it('lists the shortcuts and the safety advice in Spanish', () => {
    i18n.choose('es');
    render(HelpScreen);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Ayuda');
    const rows = within(screen.getByTestId('shortcut-list'))
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toContain('TeclasQué hacen');
    expect(rows).toContain('Ctrl+FBuscar en sus códigos');
    expect(rows).toContain('EscCerrar una ventana que se abrió sobre la página');
    expect(screen.getByRole('heading', { level: 2, name: 'Si algo no parece estar bien' })).toBeInTheDocument();
    expect(screen.getByTestId('help-screen')).toHaveTextContent(
      'Nunca le dé un código de inicio de sesión a nadie que le llame',
    );
  });
});
