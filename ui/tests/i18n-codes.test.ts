// "Your codes", the Add form and the notes above every screen in Spanish (issue 15): the words, the
// names screen readers hear, the plurals, and the switch back to English without a restart.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../src/App.svelte';
import AccountsScreen from '../src/lib/components/AccountsScreen.svelte';
import { i18n } from '../src/lib/i18n.svelte';
import { spokenCode, spokenNextCode } from '../src/lib/format';
import { describeOffset, networkTime } from '../src/lib/networkTime.svelte';
import { UNEXPECTED_ERROR, toErrorDto } from '../src/lib/ipc';
import { OPENED, T0, clockStatusOf, fakeBackend, timedCode, totp } from './backend';
import { withStatusLine } from './statusLine';
import { axeViolations } from './axe';

beforeEach(() => {
  networkTime.status = null;
});

afterEach(() => {
  vi.useRealTimers();
});

const soon = () => Date.now() + 20_000;

describe('codes said aloud', () => {
  it('names the code, its service and the seconds left in whole Spanish sentences, with plurals', () => {
    i18n.choose('es');
    expect(spokenCode('IRS', '622792', 18)).toBe('Código de IRS 622 792, quedan 18 segundos');
    expect(spokenCode('IRS', '622792', 1)).toBe('Código de IRS 622 792, queda 1 segundo');
    expect(spokenCode('VPN', '112233')).toBe('Código de VPN 112 233');
    expect(spokenCode('', '12345678', 4)).toBe('Código 1234 5678, quedan 4 segundos');
    expect(spokenCode('Steam', '2BK7N', 2)).toBe('Código de Steam 2 B K 7 N, quedan 2 segundos');
    expect(spokenNextCode('IRS', '123456')).toBe('Siguiente código de IRS 123 456');
    expect(spokenNextCode('', '123456')).toBe('Siguiente código 123 456');
    // And back in English, the same words as before.
    i18n.choose('en');
    expect(spokenCode('IRS', '622792', 1)).toBe('IRS code 622 792, 1 second left');
    expect(spokenNextCode('', '123456')).toBe('Next code 123 456');
  });

  it('says how far off the clock is in Spanish, with plurals', () => {
    i18n.choose('es');
    expect(describeOffset(120_000)).toBe('2 minutos atrasado');
    expect(describeOffset(-1_000)).toBe('1 segundo adelantado');
    expect(describeOffset(-40_400)).toBe('40 segundos adelantado');
    expect(describeOffset(3_600_000)).toBe('1 hora atrasado');
    expect(describeOffset(7_200_000)).toBe('2 horas atrasado');
    expect(describeOffset(200)).toBe('en hora');
  });

  it('gives the plain fallback error in the language of the moment', () => {
    i18n.choose('es');
    expect(toErrorDto('bridge failure').message).toBe('Algo salió mal. Inténtelo de nuevo.');
    expect(UNEXPECTED_ERROR.message).toBe('Algo salió mal. Inténtelo de nuevo.');
    expect(UNEXPECTED_ERROR.code).toBe('app.unexpected');
    i18n.choose('en');
    expect(toErrorDto(new Error('x')).message).toBe('Something went wrong. Try again.');
  });
});

describe('"Your codes" in Spanish', () => {
  // The screen alone: the window's status line (where its messages show) is rendered next to it.
  withStatusLine();

  it('shows the list, its buttons and their screen-reader names, and the countdown in Spanish', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    i18n.choose('es');
    fakeBackend({
      accounts: [totp('a1', 'GitHub', 'alice')],
      codes: [timedCode('a1', '123456', T0 + 8_000, '234567')],
    });
    render(AccountsScreen);

    expect(await screen.findByRole('heading', { level: 1, name: 'Sus códigos' })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Cuentas' });
    const row = within(list).getByTestId('account-row');
    expect(within(row).getByRole('button', { name: 'Copiar el código de GitHub (alice)' })).toHaveTextContent('Copiar');
    expect(within(row).getByRole('button', { name: 'Cambiar nombre de GitHub (alice)' })).toHaveTextContent('Cambiar nombre');
    expect(within(row).getByRole('button', { name: 'Eliminar GitHub (alice)' })).toHaveTextContent('Eliminar');
    expect(
      within(row).getByRole('button', { name: 'Mostrar el código QR de GitHub (alice), para agregarlo a otro dispositivo' }),
    ).toHaveTextContent('Código QR');
    expect(screen.getByRole('button', { name: 'Agregar cuenta' })).toHaveAttribute('data-testid', 'add-account');
    expect(screen.getByLabelText('Buscar cuentas')).toHaveAttribute('data-testid', 'search');

    expect(within(row).getByTestId('code-spoken')).toHaveTextContent(/^Código de GitHub 123 456, quedan 8 segundos$/);
    expect(within(row).getByTestId('countdown')).toHaveAttribute('aria-label', 'Quedan 8 segundos');
    expect(within(row).getByTestId('countdown')).toHaveTextContent(/^8 s$/);
    const next = within(row).getByTestId('next-code');
    expect(next).toHaveTextContent(/^Siguiente: 234 567/);
    expect(within(next).getByText('Siguiente código de GitHub 234 567')).toHaveClass('visually-hidden');

    // Settings changes the language without a restart: every word follows at once.
    i18n.choose('en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Your codes' })).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Copy GitHub (alice) code' })).toHaveTextContent('Copy');
    expect(within(row).getByTestId('countdown')).toHaveAttribute('aria-label', '8 seconds left');
  });

  it('says a copy with the seconds until the clipboard is cleared, one or many', async () => {
    i18n.choose('es');
    let clearAfterSecs = 1;
    fakeBackend({
      accounts: [totp('a1', 'GitHub', 'alice')],
      codes: [timedCode('a1', '123456', soon())],
      handlers: { copy_code: () => ({ clearAfterSecs }) },
    });
    render(AccountsScreen);
    const copy = await screen.findByRole('button', { name: 'Copiar el código de GitHub (alice)' });
    await userEvent.click(copy);
    await waitFor(() =>
      expect(screen.getByTestId('copy-status')).toHaveTextContent('Copiado. Se borrará del portapapeles en 1 segundo.'),
    );
    clearAfterSecs = 45;
    await userEvent.click(copy);
    await waitFor(() =>
      expect(screen.getByTestId('copy-status')).toHaveTextContent('Copiado. Se borrará del portapapeles en 45 segundos.'),
    );
  });

  it('asks before deleting, in Spanish, with Cancel first', async () => {
    i18n.choose('es');
    fakeBackend({ accounts: [totp('a1', 'GitHub', 'alice')], codes: [timedCode('a1', '123456', soon())] });
    render(AccountsScreen);
    await userEvent.click(await screen.findByRole('button', { name: 'Eliminar GitHub (alice)' }));
    const dialog = screen.getByRole('dialog', { name: '¿Eliminar GitHub (alice)?' });
    expect(dialog).toHaveTextContent(
      'Ya no recibirá códigos para esta cuenta en Keystep. Primero asegúrese de que todavía puede iniciar sesión de otra manera.',
    );
    expect(within(dialog).getByRole('button', { name: 'Cancelar' })).toHaveFocus();
    await userEvent.click(within(dialog).getByTestId('confirm-delete'));
    await waitFor(() => expect(screen.getByTestId('announcement')).toHaveTextContent('Se eliminó GitHub (alice).'));
  });

  it('explains the first steps in Spanish when there are no accounts', async () => {
    i18n.choose('es');
    fakeBackend();
    render(AccountsScreen);
    const empty = await screen.findByTestId('empty-state');
    expect(within(empty).getByRole('heading', { name: 'Todavía no hay cuentas.' })).toBeInTheDocument();
    const steps = within(empty).getAllByRole('listitem');
    expect(steps[0]).toHaveTextContent('aplicación de autenticación');
    expect(steps[2]).toHaveTextContent('Agregar cuenta');
    await userEvent.click(within(empty).getByRole('button', { name: 'Agregar cuenta' }));

    // The Add dialog: the same words as the Spanish guides use for its buttons and fields.
    const dialog = await screen.findByRole('dialog', { name: 'Agregar una cuenta' });
    expect(within(dialog).getByRole('heading', { name: 'O agréguela a mano' })).toBeInTheDocument();
    expect(within(dialog).getByRole('group', { name: '¿Cómo quiere agregarla?' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Pegar un enlace de configuración' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(dialog).getByLabelText('Enlace de configuración (empieza con otpauth://)')).toHaveAttribute(
      'data-testid',
      'uri-input',
    );
    expect(within(dialog).getByRole('button', { name: 'Agregar' })).toHaveAttribute('data-testid', 'add-submit');
    expect(within(dialog).getByRole('button', { name: 'Cancelar' })).toBeInTheDocument();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Escribir la clave de configuración' }));
    expect(within(dialog).getByLabelText('Servicio')).toHaveFocus();
    expect(within(dialog).getByLabelText('Servicio')).toHaveAccessibleDescription('Por ejemplo: Login.gov');
    expect(within(dialog).getByLabelText('Nombre de la cuenta o correo electrónico')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Clave de configuración')).toHaveAttribute('data-testid', 'secret-input');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Configuración avanzada' }));
    const kind = within(dialog).getByLabelText('Tipo');
    expect(within(kind).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Basado en el tiempo',
      'Basado en un contador',
      'Steam',
    ]);
    expect(within(dialog).getByLabelText('Intervalo en segundos')).toHaveValue(30);
  });

  it('moves a pasted setup key to its field and says so in Spanish', async () => {
    i18n.choose('es');
    fakeBackend({ accounts: [totp('a1', 'GitHub', 'alice')], codes: [timedCode('a1', '123456', soon())] });
    render(AccountsScreen);
    await userEvent.click(await screen.findByRole('button', { name: 'Agregar cuenta' }));
    const dialog = await screen.findByRole('dialog', { name: 'Agregar una cuenta' });
    const link = within(dialog).getByLabelText('Enlace de configuración (empieza con otpauth://)');
    await userEvent.type(link, 'JBSWY3DPEHPK3PXP');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Agregar' }));
    expect(await within(dialog).findByTestId('key-moved')).toHaveTextContent(
      'Eso es una clave de configuración, no un enlace, así que ahora está abajo, en “Clave de configuración”.',
    );
    expect(within(dialog).getByLabelText('Clave de configuración')).toHaveValue('JBSWY3DPEHPK3PXP');
  });
});

describe('the notes above every screen in Spanish', () => {
  it('says the clock is off, and the frame has no axe-core violations in Spanish', async () => {
    i18n.choose('es');
    fakeBackend({
      accounts: [totp('a1', 'IRS', 'me')],
      codes: [timedCode('a1', '123456', soon())],
      handlers: { clock_status: () => clockStatusOf({ correctionMs: 120_000 }) },
    });
    render(App);
    const banner = await screen.findByTestId('clock-banner');
    expect(banner).toHaveTextContent('El reloj de su computadora está 2 minutos atrasado.');
    expect(banner).toHaveTextContent('Mientras tanto, los códigos de Keystep usan la hora correcta de internet.');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sus códigos' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('es');
    expect(await axeViolations()).toEqual([]);
  }, 20_000);

  it('says a failed backup and a missing key in Spanish, and their fixes', async () => {
    i18n.choose('es');
    const backend = fakeBackend({
      accounts: [totp('a1', 'IRS', 'me')],
      codes: [timedCode('a1', '123456', soon())],
      recovery: {
        hasPassword: true,
        keyInKeychain: false,
        failure: { folder: '/media/usb/Keystep', reason: 'La carpeta no está.', atMs: T0 },
      },
    });
    render(App);
    const banner = await screen.findByTestId('backup-failed-banner');
    expect(banner).toHaveTextContent('La última copia de seguridad no llegó a /media/usb/Keystep:');
    const note = screen.getByRole('region', { name: 'La clave de sus códigos' });
    expect(note).toHaveTextContent('Abrió sus códigos con su contraseña de recuperación');

    await userEvent.click(within(banner).getByRole('button', { name: 'Intentar de nuevo' }));
    await waitFor(() =>
      expect(screen.getByTestId('app-announcement')).toHaveTextContent('Listo. La copia de seguridad llegó a /media/usb/Keystep.'),
    );
    await userEvent.click(within(note).getByRole('button', { name: 'Guardar la clave otra vez en el llavero de esta computadora' }));
    await waitFor(() =>
      expect(screen.getByTestId('app-announcement')).toHaveTextContent('Listo. La clave está otra vez en el llavero de esta computadora.'),
    );
    expect(backend.count('put_key_in_keychain')).toBe(1);
  });

  it('asks the core again for the text it wrote when the language changes, not at the start', async () => {
    let lang = 'en';
    const backend = fakeBackend({
      accounts: [totp('a1', 'IRS', 'me')],
      codes: [timedCode('a1', '123456', soon())],
      handlers: {
        open_vault: () => ({ ...OPENED, unreadable: [lang === 'es' ? '1 recorrido de guía' : '1 guide run'] }),
      },
    });
    render(App);
    const note = await screen.findByTestId('unreadable-note');
    expect(note).toHaveTextContent('This version of Keystep could not read part of your saved information: 1 guide run.');
    await waitFor(() => expect(backend.count('recovery_status')).toBeGreaterThan(0));
    const opens = backend.count('open_vault');
    const statuses = backend.count('recovery_status');

    lang = 'es';
    i18n.choose('es');
    await waitFor(() =>
      expect(note).toHaveTextContent('Esta versión de Keystep no pudo leer parte de su información guardada: 1 recorrido de guía.'),
    );
    expect(note).toHaveTextContent('Se conserva sin cambios.');
    expect(backend.count('open_vault')).toBe(opens + 1);
    expect(backend.count('recovery_status')).toBeGreaterThan(statuses);
  });
});
