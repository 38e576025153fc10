// The phone screen in Spanish: its own words from phones.ftl, the names screen readers hear, days spelled
// out the Spanish way, and the review fetched again from the core when the language changes.
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import PhonesScreen from '../src/lib/components/phones/PhonesScreen.svelte';
import type { CatalogServiceView } from '../src/lib/bindings/CatalogServiceView';
import type { PhoneView } from '../src/lib/bindings/PhoneView';
import type { RiskItem } from '../src/lib/bindings/RiskItem';
import type { ServiceView } from '../src/lib/bindings/ServiceView';
import { i18n } from '../src/lib/i18n.svelte';
import {
  backupCodesText,
  backupCodesWarning,
  backupCopiedText,
  pageButtonLabel,
  reviewSummaryText,
  statusWords,
  usedByText,
} from '../src/lib/phones';
import { fakeBackend, totp } from './backend';
import { withStatusLine } from './statusLine';

withStatusLine();

const LEAVING: PhoneView = {
  id: 'p1',
  e164: '+15555550101',
  national: '(555) 555-0101',
  label: 'Mi celular',
  kind: 'mobile',
  status: { state: 'leaving', on: '2026-12-15' },
  usedBy: ['ID.me'],
};

const IDME: ServiceView = {
  id: 'm1',
  service: { type: 'catalog', id: 'idme' },
  serviceName: 'ID.me',
  kind: 'identity',
  factors: ['sms', 'totp', 'backup_codes'],
  codePhones: ['p1'],
  recoveryPhones: [],
  keystepAccount: null,
  securityKey: false,
  backupCodesLeft: 3,
  backupCodesTotal: 3,
  backupCodesLow: false,
};

const CATALOG: CatalogServiceView[] = [{ id: 'idme', name: 'ID.me', kind: 'identity', domains: ['id.me'] }];

/** A finding as the core writes it in each language (the core's sentences are not the window's to translate). */
function finding(extra: Partial<RiskItem>): RiskItem {
  return {
    severity: 'high',
    code: 'only_one_phone',
    serviceId: 'm1',
    serviceName: 'ID.me',
    phone: null,
    message: '',
    action: '',
    fix: { type: 'in_keystep' },
    ...extra,
  };
}

const RISKS: Record<'en' | 'es', RiskItem[]> = {
  en: [
    finding({
      severity: 'urgent',
      code: 'leaving_number',
      phone: '(555) 555-0101',
      message: 'ID.me uses (555) 555-0101, which stops working on 2026-12-15.',
      action: 'Add your new number to ID.me before then.',
      fix: { type: 'page', service: 'google', page: 'security', title: 'Turn on 2-Step Verification' },
    }),
    finding({
      message: 'ID.me sends codes to only one number.',
      action: 'Use a code from Keystep.',
      fix: { type: 'link_code', codes: [{ id: 'a7', label: 'ID.me (me@example.com)' }] },
    }),
    finding({ code: 'no_recovery_password', serviceId: null, serviceName: 'Keystep', message: 'No recovery password.', action: 'Set one.', fix: { type: 'settings' } }),
  ],
  es: [
    finding({
      severity: 'urgent',
      code: 'leaving_number',
      phone: '(555) 555-0101',
      message: 'ID.me usa el (555) 555-0101, que deja de funcionar el 2026-12-15.',
      action: 'Agregue su número nuevo a ID.me antes de esa fecha.',
      fix: { type: 'page', service: 'chase', page: 'sign_in', title: 'Chase: elija Iniciar sesión' },
    }),
    finding({
      message: 'ID.me envía códigos a un solo número.',
      action: 'Use un código de Keystep.',
      fix: { type: 'link_code', codes: [{ id: 'a7', label: 'ID.me (me@example.com)' }] },
    }),
    finding({
      code: 'no_recovery_password',
      serviceId: null,
      serviceName: 'Keystep',
      message: 'No tiene contraseña de recuperación.',
      action: 'Cree una.',
      fix: { type: 'settings' },
    }),
  ],
};

/** The phone commands, answering like the core: the review in the language the window chose. */
function backend(handlers: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
  return fakeBackend({
    accounts: [totp('a7', 'ID.me', 'me@example.com')],
    handlers: {
      phone_region: () => 'US',
      catalog_list: () => CATALOG,
      list_phones: () => [structuredClone(LEAVING)],
      list_services: () => [structuredClone(IDME)],
      review_risks: () => structuredClone(RISKS[i18n.lang]),
      suggest_code_accounts: () => [],
      copy_backup_code: () => ({ clearAfterSecs: 30 }),
      ...handlers,
    },
  });
}

async function renderPhones(heading: string) {
  render(PhonesScreen);
  await screen.findByRole('heading', { level: 2, name: heading });
}

describe('the phone screen in Spanish', () => {
  it('says everything in Spanish: headings, the summary with its plurals, the review and its buttons', async () => {
    backend();
    i18n.choose('es');
    await renderPhones('Sus números');

    expect(screen.getByRole('heading', { level: 1, name: 'Números de teléfono' })).toBeInTheDocument();
    for (const name of ['Sus servicios', 'Qué podría dejarle sin acceso', '¿Va a cambiar de número?']) {
      expect(screen.getByRole('heading', { level: 2, name })).toBeInTheDocument();
    }
    expect(screen.getByTestId('review-summary')).toHaveTextContent('3 cosas podrían dejarle sin acceso; 1 es urgente.');
    expect(screen.getByRole('button', { name: 'Ver qué hacer' })).toBeInTheDocument();

    const [leaving, onlyOne, password] = screen.getAllByTestId('review-item');
    expect(within(leaving!).getByTestId('review-severity')).toHaveTextContent('Resolver ya');
    expect(within(onlyOne!).getByTestId('review-severity')).toHaveTextContent('Importante');
    // The core's sentence, with its day spelled out the Spanish way and the number kept on one line.
    expect(within(leaving!).getByTestId('review-message')).toHaveTextContent(
      'ID.me usa el (555) 555-0101, que deja de funcionar el 15 de diciembre de 2026.',
    );
    expect(within(leaving!).getByTestId('review-action')).toHaveTextContent(
      'Qué hacer: Agregue su número nuevo a ID.me antes de esa fecha.',
    );
    expect(within(leaving!).getByRole('button', { name: 'Abra Chase y elija Iniciar sesión' })).toBeInTheDocument();
    expect(within(onlyOne!).getByRole('button', { name: 'Usar ID.me (me@example.com) para ID.me' })).toBeInTheDocument();
    expect(within(password!).getByRole('button')).toHaveAccessibleName(
      'Abrir Configuración para crear una contraseña de recuperación',
    );
    expect(screen.getByRole('list', { name: 'Lo que hay que resolver' })).toBeInTheDocument();
  });

  it('spells out the day a number stops working in Spanish, and names the service in every label', async () => {
    backend();
    i18n.choose('es');
    await renderPhones('Sus números');

    const row = within(screen.getByTestId('phone-row'));
    expect(row.getByTestId('phone-status')).toHaveTextContent('deja de funcionar el 15 de diciembre de 2026');
    expect(row.getByTestId('phone-kind')).toHaveTextContent('celular');
    expect(screen.getByText('Lo usa: ID.me')).toBeInTheDocument();
    expect(row.getByRole('button', { name: 'Editar (555) 555-0101' })).toBeInTheDocument();

    const service = within(screen.getByTestId('service-row'));
    expect(service.getByRole('form', { name: 'Cómo inicia sesión en ID.me' })).toBeInTheDocument();
    expect(service.getByRole('button', { name: 'Pegar códigos de respaldo para ID.me' })).toBeInTheDocument();
    expect(service.getByRole('button', { name: 'Eliminar todos los códigos de respaldo de ID.me' })).toBeInTheDocument();
    expect(service.getByRole('button', { name: 'Guardar los números de ID.me' })).toBeInTheDocument();
    expect(service.getByRole('checkbox', { name: 'También uso una llave de seguridad o una llave de acceso para ID.me' })).toBeInTheDocument();
    expect(
      service.getByRole('checkbox', {
        name: /^\(555\) 555-0101 ?, Mi celular, deja de funcionar el 15 de diciembre de 2026 recibe los códigos para iniciar sesión de ID\.me$/,
      }),
    ).toBeInTheDocument();
    expect(service.getByTestId('backup-codes-left')).toHaveTextContent('Códigos de respaldo sin usar: 3 de 3');

    // The copy message counts its seconds in Spanish.
    await userEvent.click(service.getByRole('button', { name: 'Copiar el siguiente código para ID.me' }));
    await waitFor(() =>
      expect(service.getByTestId('backup-copy-status')).toHaveTextContent(
        'Copiado. Quedó marcado como usado. Keystep borra el portapapeles en 30 segundos.',
      ),
    );
  });

  it('reads a day typed the Spanish way, and says in Spanish how to type one it cannot read', async () => {
    const calls = backend({ edit_phone: ({ status }) => ({ ...LEAVING, status }) });
    i18n.choose('es');
    await renderPhones('Sus números');

    await userEvent.click(screen.getByRole('button', { name: 'Editar (555) 555-0101' }));
    const form = within(screen.getByRole('form', { name: 'Editar (555) 555-0101' }));
    const day = form.getByLabelText('Día en que deja de funcionar');
    // The saved day is shown as a Spanish speaker would type it.
    expect(day).toHaveValue('15 de diciembre de 2026');
    expect(form.getByText('Por ejemplo: 15/12/2026 o 15 de diciembre de 2026.')).toBeInTheDocument();

    await userEvent.clear(day);
    await userEvent.type(day, 'pasado mañana');
    await userEvent.click(form.getByRole('button', { name: 'Guardar (555) 555-0101' }));
    expect(
      await form.findByText('Keystep no pudo leer “pasado mañana” como una fecha. Escríbala así: 15/12/2026 o 15 de diciembre de 2026.'),
    ).toBeInTheDocument();
    expect(calls.count('edit_phone')).toBe(0);

    await userEvent.clear(day);
    await userEvent.type(day, '3/2/2027');
    await userEvent.click(form.getByRole('button', { name: 'Guardar (555) 555-0101' }));
    await waitFor(() => expect(calls.count('edit_phone')).toBe(1));
    // Day first, as in Spanish: the 3rd of February.
    expect(calls.argsOf('edit_phone')[0]).toMatchObject({ status: { state: 'leaving', on: '2027-02-03' } });
  });

  it('changes language in place, and fetches the review again from the core only when the language changes', async () => {
    const calls = backend();
    await renderPhones('Your numbers');
    expect(calls.count('review_risks')).toBe(1);
    expect(screen.getByTestId('review-summary')).toHaveTextContent('3 things could lock you out, 1 of them to fix now.');
    expect(screen.getAllByTestId('review-severity')[0]).toHaveTextContent('Fix now');
    expect(screen.getByRole('button', { name: 'Turn on 2-Step Verification for ID.me' })).toBeInTheDocument();
    expect(screen.getByTestId('phone-status')).toHaveTextContent('leaving on December 15, 2026');

    i18n.choose('es');
    expect(await screen.findByRole('heading', { level: 2, name: 'Sus números' })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getAllByTestId('review-message')[0]).toHaveTextContent('que deja de funcionar el 15 de diciembre de 2026.'),
    );
    expect(calls.count('review_risks')).toBe(2);
    expect(calls.count('catalog_list')).toBe(2);
    expect(screen.getAllByTestId('review-severity')[0]).toHaveTextContent('Resolver ya');
    expect(screen.getByTestId('phone-status')).toHaveTextContent('deja de funcionar el 15 de diciembre de 2026');

    // Choosing the language it already speaks fetches nothing.
    i18n.choose('es');
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.count('review_risks')).toBe(2);

    i18n.choose('en');
    await waitFor(() => expect(screen.getAllByTestId('review-message')[0]).toHaveTextContent('which stops working on December 15, 2026.'));
    expect(screen.getByRole('heading', { level: 1, name: 'Phone numbers' })).toBeInTheDocument();
    expect(calls.count('review_risks')).toBe(3);
  });
});

describe('the phone screen’s words, in both languages', () => {
  const severities = (...list: RiskItem['severity'][]) => list.map((severity) => ({ severity }));

  it('counts with each language’s plural forms', () => {
    expect(reviewSummaryText(severities('high'))).toBe('1 thing could lock you out.');
    expect(reviewSummaryText(severities('urgent', 'urgent', 'low'))).toBe('3 things could lock you out, 2 of them to fix now.');
    expect(backupCopiedText(1)).toBe('Copied. It is marked as used. Keystep clears the clipboard in 1 second.');
    expect(backupCodesText(0, 1)).toBe('0 of 1 backup code left');
    expect(backupCodesText(3, 10)).toBe('3 of 10 backup codes left');

    i18n.choose('es');
    expect(reviewSummaryText(severities('high'))).toBe('1 cosa podría dejarle sin acceso.');
    expect(reviewSummaryText(severities('urgent', 'high'))).toBe('2 cosas podrían dejarle sin acceso; 1 es urgente.');
    expect(reviewSummaryText(severities('urgent', 'urgent', 'low'))).toBe('3 cosas podrían dejarle sin acceso; 2 son urgentes.');
    expect(backupCopiedText(1)).toBe('Copiado. Quedó marcado como usado. Keystep borra el portapapeles en 1 segundo.');
    expect(backupCopiedText(0)).toBe('Copiado. Quedó marcado como usado.');
    expect(backupCodesText(0, 0)).toBe('Todavía no hay códigos de respaldo guardados.');
    const low = { backupCodesLow: true, serviceName: 'ID.me' };
    expect(backupCodesWarning({ ...low, backupCodesLeft: 1 })).toBe('Solo queda 1. Cree códigos nuevos pronto.');
    expect(backupCodesWarning({ ...low, backupCodesLeft: 2 })).toBe('Solo quedan 2. Cree códigos nuevos pronto.');
    expect(backupCodesWarning({ ...low, backupCodesLeft: 0 })).toBe(
      'Ya usó todos los códigos. Cree códigos nuevos en ID.me y péguelos aquí.',
    );
    expect(statusWords({ state: 'leaving', on: '2027-01-05' })).toBe('deja de funcionar el 5 de enero de 2027');
    expect(statusWords({ state: 'gone' })).toBe('ya no lo tiene');
    expect(usedByText([])).toBe('Lo usa: ningún servicio todavía');
  });

  it('builds a page button around the catalog title in the window’s language, and never mixes the two', () => {
    expect(pageButtonLabel('Turn on 2-Step Verification', 'Google')).toBe('Turn on 2-Step Verification for Google');
    expect(pageButtonLabel('Chase: choose Sign in', 'Chase')).toBe('Open Chase and choose Sign in');
    expect(pageButtonLabel('Google Account', 'Google')).toBe('Open the Google page “Google Account”');

    i18n.choose('es');
    expect(pageButtonLabel('Activar la verificación en 2 pasos', 'Google')).toBe('Activar la verificación en 2 pasos en Google');
    expect(pageButtonLabel('Iniciar sesión en Login.gov', 'Login.gov')).toBe('Iniciar sesión en Login.gov');
    expect(pageButtonLabel('Chase: elija Iniciar sesión', 'Chase')).toBe('Abra Chase y elija Iniciar sesión');
    expect(pageButtonLabel('¿Qué es la verificación en dos pasos?', 'Microsoft')).toBe(
      'Abrir la página de Microsoft “¿Qué es la verificación en dos pasos?”',
    );
    // A title the core left in English gets words that are right whatever it says.
    expect(pageButtonLabel('Turn on 2-Step Verification', 'Google')).toBe('Abrir la página de Google “Turn on 2-Step Verification”');
    expect(pageButtonLabel('Chase: choose Sign in', 'Chase')).toBe('Abrir la página de Chase “Chase: choose Sign in”');
  });
});
