// Settings, the start screens and importing in Spanish, and the language choice in Settings: the whole
// window changes at once, focus stays where the person is, and counts and dates follow the language.
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import App from '../src/App.svelte';
import SettingsScreen from '../src/lib/components/settings/SettingsScreen.svelte';
import ImportPanel from '../src/lib/components/ImportPanel.svelte';
import UnlockScreen from '../src/lib/components/UnlockScreen.svelte';
import WelcomeScreen from '../src/lib/components/WelcomeScreen.svelte';
import type { BackupInfo } from '../src/lib/bindings/BackupInfo';
import type { ImportPreview } from '../src/lib/bindings/ImportPreview';
import { i18n, t } from '../src/lib/i18n.svelte';
import { exportedText } from '../src/lib/exports';
import { lockSettingsText, restoreReportText } from '../src/lib/recovery';
import { RecoveryState } from '../src/lib/recoveryState.svelte';
import { BACKUP_FOLDER, fakeBackend } from './backend';
import { axeViolations } from './axe';
import { withStatusLine } from './statusLine';

const STRONG = 'correct horse battery staple';

function backup(created: number, accounts: number | null, sealed_by: BackupInfo['sealed_by']): BackupInfo {
  return { path: `/data/backups/${created}.ksv`, created, accounts, sealed_by };
}

describe('Settings in Spanish', () => {
  withStatusLine();

  it('names every section, form and list in Spanish', async () => {
    fakeBackend();
    i18n.choose('es');
    render(SettingsScreen, { props: { recovery: new RecoveryState() } });
    await screen.findByRole('heading', { level: 2, name: 'Contraseña de recuperación' });

    expect(screen.getByRole('heading', { level: 1, name: 'Configuración' })).toBeInTheDocument();
    const sections = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(sections).toEqual([
      'Idioma',
      'Contraseña de recuperación',
      'Bloqueo',
      'Copias de seguridad',
      'Exportar sus códigos',
      'Revisión del reloj',
      'Apariencia',
    ]);
    expect(screen.getByRole('form', { name: 'Crear una contraseña de recuperación' })).toBeInTheDocument();
    expect(screen.getByRole('form', { name: 'Exportar sus códigos' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Bloquear después de' })).toBeDisabled();
    expect(screen.getByTestId('set-password')).toHaveTextContent('Crear contraseña');
    expect(screen.getByTestId('settings-restore')).toHaveTextContent('Restaurar desde una copia de seguridad');
    expect(screen.getByRole('radio', { name: 'Copia de seguridad de Keystep — para restaurar Keystep en otra computadora (cifrado)' })).toBeChecked();
    expect(screen.getByTestId('backup-folder')).toHaveTextContent('Ninguna');
    expect(await axeViolations()).toEqual([]);
    // An axe run over the whole Settings screen: it can take more than the default 5 s on a busy machine.
  }, 30_000);

  it('counts lock minutes, backups and accounts in Spanish, with Spanish dates', async () => {
    const made = new Date(2026, 4, 1, 9, 30).getTime();
    fakeBackend({
      password: STRONG,
      recovery: {
        backupFolder: BACKUP_FOLDER,
        lastBackupOkMs: made,
        backups: [backup(made / 1000, 3, 'password'), backup(made / 1000 - 86_400, 1, 'keychain'), backup(1, null, 'keychain')],
      },
    });
    i18n.choose('es');
    render(SettingsScreen, { props: { recovery: new RecoveryState() } });
    await screen.findByRole('heading', { level: 2, name: 'Contraseña de recuperación' });

    const lockAfter = screen.getByRole('combobox', { name: 'Bloquear después de' });
    const options = within(lockAfter).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['Desactivado', '1 minuto', '5 minutos', '15 minutos', '60 minutos']);

    expect(screen.getByTestId('last-backup')).toHaveTextContent('Última copia de seguridad en la carpeta: 1 de mayo de 2026');
    const items = screen.getAllByTestId('backup-item');
    expect(items[0]).toHaveTextContent('1 de mayo de 2026');
    expect(items[0]).toHaveTextContent('— 3 cuentas — se abre con su contraseña');
    expect(items[1]).toHaveTextContent('— 1 cuenta — solo se abre en esta computadora');
    expect(items[2]).toHaveTextContent('de otro Keystep — solo se abre en esta computadora');
    expect(screen.getByRole('list', { name: 'Copias de seguridad automáticas recientes' })).toBeInTheDocument();

    await userEvent.selectOptions(lockAfter, '1');
    expect(await screen.findByTestId('settings-announcement')).toHaveTextContent(
      'Ahora Keystep se bloquea después de 1 minuto sin uso.',
    );
  });
});

describe('the language choice in Settings', () => {
  it('turns the whole window to Spanish at once, says so in Spanish, and keeps the focus on the list', async () => {
    fakeBackend();
    render(App);
    await userEvent.click(await screen.findByTestId('nav-settings'));
    const choice = await screen.findByRole('combobox', { name: 'Language of the window' });
    expect(within(choice).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Same as this computer (English)',
      'English',
      'Español',
    ]);
    expect(choice).toHaveValue('system');

    choice.focus();
    await userEvent.selectOptions(choice, 'es');

    // No restart, no reload: the same page, in Spanish, from the title to the tabs.
    expect(screen.getByRole('heading', { level: 1, name: 'Configuración' })).toBeInTheDocument();
    expect(screen.getByTestId('nav-settings')).toHaveTextContent('Configuración');
    expect(screen.getByRole('heading', { level: 2, name: 'Copias de seguridad' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('es');
    expect(await screen.findByTestId('settings-announcement')).toHaveTextContent('Keystep ahora está en español.');

    // The same list, still focused, now labelled in Spanish; each language keeps its own name.
    expect(choice).toHaveFocus();
    expect(screen.getByTestId('language-choice')).toBe(choice);
    expect(choice).toHaveAccessibleName('Idioma de la ventana');
    expect(within(choice).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Igual que esta computadora (English)',
      'English',
      'Español',
    ]);
    expect(localStorage.getItem('keystep.lang')).toBe('es');

    await userEvent.selectOptions(choice, 'system');
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(choice).toHaveFocus();
    expect(await screen.findByTestId('settings-announcement')).toHaveTextContent(
      'Keystep now uses the language of this computer (English).',
    );
    expect(localStorage.getItem('keystep.lang')).toBeNull();
  });
});

describe('counts in both languages', () => {
  it('says one and many in English and in Spanish', () => {
    const report = { added: 1, duplicates: 2, phones: 1, services: 3, runs: 0, replaced: false };
    expect(restoreReportText(report)).toBe('Restored: 1 account added, 2 already here, 1 phone number, 3 services.');
    expect(lockSettingsText(5, true)).toBe('Keystep now locks after 5 minutes without use. It asks for your password when it opens.');
    expect(exportedText({ format: 'google-qr', exported: 1, skipped: [], files: ['a.png'] })).toBe(
      'Exported 1 account in 1 QR picture.',
    );
    expect(t('import-summary', { added: 1, duplicates: 0, skipped: 2 })).toBe('1 will be added, 2 cannot be added.');

    i18n.choose('es');
    expect(restoreReportText(report)).toBe(
      'Restaurado: 1 cuenta agregada, 2 ya estaban aquí, 1 número de teléfono, 3 servicios.',
    );
    expect(restoreReportText({ ...report, added: 4, duplicates: 1, replaced: true })).toBe(
      'Se reemplazó todo con la copia de seguridad: 4 cuentas, 1 número de teléfono, 3 servicios. Lo que había antes se guarda como copia de seguridad.',
    );
    expect(lockSettingsText(1, false)).toBe('Ahora Keystep se bloquea después de 1 minuto sin uso. No pide su contraseña cuando se abre.');
    expect(exportedText({ format: 'google-qr', exported: 12, skipped: [], files: ['a.png', 'b.png'] })).toBe(
      'Se exportaron 12 cuentas en 2 imágenes QR.',
    );
    expect(t('import-summary', { added: 1, duplicates: 0, skipped: 2 })).toBe('1 se agregará, 2 no se pueden agregar.');
    expect(t('import-summary', { added: 3, duplicates: 1, skipped: 0 })).toBe('3 se agregarán, 1 ya está en Keystep.');
  });
});

describe('the start screens and importing in Spanish', () => {
  withStatusLine();

  it('welcomes, and asks for the recovery password to unlock, in Spanish', async () => {
    fakeBackend();
    i18n.choose('es');
    const welcome = render(WelcomeScreen, { props: { oncreated: () => {}, onrestored: () => {} } });
    expect(screen.getByRole('heading', { level: 1, name: 'Le damos la bienvenida a Keystep' })).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('start-restore'));
    expect(screen.getByRole('form', { name: 'Restaurar desde una copia de seguridad' })).toBeInTheDocument();
    expect(screen.getByTestId('choose-backup-file')).toHaveTextContent('Elegir el archivo de copia de seguridad…');
    welcome.unmount();

    render(UnlockScreen, { props: { reason: 'locked', onunlocked: () => {} } });
    expect(screen.getByRole('heading', { level: 1, name: 'Keystep está bloqueado' })).toBeInTheDocument();
    expect(screen.getByRole('form', { name: 'Desbloquear Keystep' })).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('unlock-submit'));
    expect(await screen.findByTestId('unlock-password-error')).toHaveTextContent('Escriba su contraseña de recuperación.');
  });

  it('shows what an import finds, with its counts, in Spanish', async () => {
    const found: ImportPreview = {
      format: 'aegis',
      app: 'Aegis',
      rows: [
        { name: 'IRS:me', issuer: 'IRS', account: 'me', kind: 'totp', action: 'add', reason: null },
        { name: 'SSA:me', issuer: 'SSA', account: 'me', kind: 'totp', action: 'add', reason: null },
        { name: 'Bank:bob', issuer: 'Bank', account: 'bob', kind: 'hotp', action: 'duplicate', reason: null },
      ],
      added: 2,
      duplicates: 1,
      skipped: 0,
      warnings: [],
      otherTexts: [],
      otherLinks: [],
    };
    fakeBackend({ handlers: { import_scan_screen: () => found } });
    i18n.choose('es');
    render(ImportPanel, { props: { onimported: () => {}, oncancel: () => {} } });
    expect(screen.getByRole('heading', { name: 'Escanear un código QR' })).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('scan-screen'));

    expect(await screen.findByRole('heading', { name: 'Se encontraron 3 cuentas de Aegis' })).toBeInTheDocument();
    expect(screen.getByTestId('import-summary')).toHaveTextContent('2 se agregarán, 1 ya está en Keystep.');
    expect(screen.getByRole('list', { name: 'Qué pasa con cada cuenta' })).toBeInTheDocument();
    const rows = screen.getAllByTestId('import-row');
    expect(rows[0]).toHaveTextContent('Se agregará');
    expect(rows[0]).toHaveTextContent('cambia cada pocos segundos');
    expect(rows[2]).toHaveTextContent('Ya está en Keystep');
    expect(screen.getByTestId('import-confirm')).toHaveTextContent('Agregar 2 cuentas');
  });
});
