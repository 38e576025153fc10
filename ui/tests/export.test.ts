import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import SettingsScreen from '../src/lib/components/settings/SettingsScreen.svelte';
import type { ExportFormat } from '../src/lib/bindings/ExportFormat';
import type { ExportReport } from '../src/lib/bindings/ExportReport';
import { RecoveryState } from '../src/lib/recoveryState.svelte';
import { WRONG_PASSWORD, fakeBackend } from './backend';
import { axeViolations } from './axe';
import { withStatusLine } from './statusLine';

withStatusLine();

const STRONG = 'correct horse battery staple';
const AEGIS_FILE = '/home/test/Documents/aegis-export-keystep.json';
const QR_FOLDER = '/home/test/Pictures/keystep-qr';
const NOT_ENCRYPTED = 'This file is not encrypted. Anyone who gets it can make all your codes. Delete it after you use it.';
const PASSWORD_NEEDED = {
  code: 'export.password_needed',
  message: 'This export is not encrypted: whoever gets the file can make every one of your codes. Give your recovery password first (in the window, type it; on the command line, --password-file FILE). Nothing was written.',
};

/** Rust's export, roughly: a plain file needs the recovery password when one is set. */
function exportHandler(recoveryPassword: string | null, report: Partial<ExportReport> = {}) {
  return ({ format, path, password }: Record<string, unknown>): ExportReport => {
    const plain = format === 'aegis' || format === 'otpauth' || format === 'google-qr';
    if (plain && recoveryPassword !== null) {
      if (password === null || password === undefined) throw PASSWORD_NEEDED;
      if (password !== recoveryPassword) throw WRONG_PASSWORD;
    }
    return { format: format as ExportFormat, exported: 3, skipped: [], files: [String(path)], ...report };
  };
}

async function renderSettings() {
  render(SettingsScreen, { props: { recovery: new RecoveryState() } });
  await screen.findByRole('heading', { level: 2, name: 'Export your codes' });
}

async function pick(format: ExportFormat) {
  await userEvent.click(screen.getByTestId(`export-format-${format}`));
  expect(screen.getByTestId(`export-format-${format}`)).toBeChecked();
}

describe('choosing what to export', () => {
  it('offers every format as a radio button with plain words, a Keystep backup first', async () => {
    fakeBackend({ password: STRONG });
    await renderSettings();
    const group = screen.getByRole('group', { name: 'What kind of file?' });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('value'))).toEqual(['keystep', 'aegis-encrypted', 'google-qr', 'aegis', 'otpauth']);
    expect(screen.getByRole('radio', { name: 'Keystep backup — to restore Keystep on another computer (encrypted)' })).toBeChecked();
    expect(screen.getByRole('radio', { name: /^Aegis, with a password — to use your codes on an Android phone/ })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /^Google Authenticator QR codes — pictures to scan with a phone/ })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /^Aegis, not encrypted/ })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /^List of setup links, not encrypted/ })).toBeInTheDocument();
    // An encrypted format: no warning, no password to type.
    expect(screen.queryByTestId('export-warning')).not.toBeInTheDocument();
    expect(screen.queryByTestId('export-recovery-password')).not.toBeInTheDocument();
  });

  it('works from the keyboard: arrows move between formats, Enter in a field exports', async () => {
    const backend = fakeBackend({
      handlers: { choose_export_path: () => AEGIS_FILE, export_codes: exportHandler(null) },
    });
    await renderSettings();
    screen.getByTestId('export-format-keystep').focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByTestId('export-format-aegis-encrypted')).toBeChecked();
    expect(screen.getByTestId('export-format-aegis-encrypted')).toHaveFocus();
    await userEvent.tab();
    expect(screen.getByTestId('export-password')).toHaveFocus();
    await userEvent.keyboard('tulip river');
    await userEvent.tab();
    await userEvent.keyboard('tulip river{Enter}');
    await screen.findByTestId('export-result');
    expect(backend.argsOf('export_codes')).toEqual([{ format: 'aegis-encrypted', path: AEGIS_FILE, password: 'tulip river' }]);
  });
});

describe('an encrypted Aegis export', () => {
  it('asks for the new password twice, checks they match, and sends it', async () => {
    const backend = fakeBackend({
      password: STRONG,
      handlers: { choose_export_path: () => AEGIS_FILE, export_codes: exportHandler(STRONG) },
    });
    await renderSettings();
    await pick('aegis-encrypted');
    expect(screen.queryByTestId('export-warning')).not.toBeInTheDocument();
    expect(screen.queryByTestId('export-recovery-password')).not.toBeInTheDocument();
    expect(screen.getByTestId('export-password')).toHaveAttribute('type', 'password');
    expect(screen.getByTestId('export-password')).toHaveAttribute('autocomplete', 'new-password');
    expect(screen.getByTestId('export-password-again')).toHaveAttribute('type', 'password');
    expect(screen.getByLabelText('Password for the file')).toBe(screen.getByTestId('export-password'));
    expect(screen.getByLabelText('Type the password again')).toBe(screen.getByTestId('export-password-again'));

    // Empty: said at the field, and nothing asked of Rust.
    await userEvent.click(screen.getByTestId('export-submit'));
    expect(await screen.findByTestId('export-password-error')).toHaveTextContent('Type a password for the file.');
    expect(screen.getByTestId('export-password')).toHaveFocus();
    expect(screen.getByTestId('export-password')).toHaveAttribute('aria-invalid', 'true');

    // Two different ones: said at the second field.
    await userEvent.type(screen.getByTestId('export-password'), 'blue canoe sunset');
    await userEvent.type(screen.getByTestId('export-password-again'), 'blue canoe sunsets');
    await userEvent.click(screen.getByTestId('export-submit'));
    const mismatch = await screen.findByTestId('export-password-again-error');
    expect(mismatch).toHaveTextContent('The two passwords are not the same.');
    expect(screen.getByTestId('export-password-again')).toHaveFocus();
    expect(screen.getByTestId('export-password-again').getAttribute('aria-describedby')).toContain(mismatch.id);
    expect(backend.count('choose_export_path')).toBe(0);
    expect(backend.count('export_codes')).toBe(0);

    await userEvent.clear(screen.getByTestId('export-password-again'));
    await userEvent.type(screen.getByTestId('export-password-again'), 'blue canoe sunset');
    await userEvent.click(screen.getByTestId('export-submit'));

    const result = await screen.findByTestId('export-result');
    expect(backend.argsOf('choose_export_path')).toEqual([{ format: 'aegis-encrypted' }]);
    expect(backend.argsOf('export_codes')).toEqual([{ format: 'aegis-encrypted', path: AEGIS_FILE, password: 'blue canoe sunset' }]);
    expect(result).toHaveTextContent('Exported 3 accounts.');
    expect(result).toHaveTextContent(AEGIS_FILE);
    expect(result).toHaveTextContent('Aegis asks for the password you chose for it.');
    expect(result).not.toHaveTextContent('not encrypted');
    expect(screen.getByTestId('export-result-text')).toHaveFocus();
    // The window keeps no password once Rust has it.
    expect(screen.getByTestId('export-password')).toHaveValue('');
    expect(screen.getByTestId('export-password-again')).toHaveValue('');
  });
});

describe('an export that is not encrypted', () => {
  it('warns, asks for the recovery password, says a wrong one at the field, then exports', async () => {
    const backend = fakeBackend({
      password: STRONG,
      handlers: { choose_export_path: () => AEGIS_FILE, export_codes: exportHandler(STRONG) },
    });
    await renderSettings();
    await pick('aegis');
    expect(screen.getByTestId('export-warning')).toHaveTextContent(NOT_ENCRYPTED);
    expect(within(screen.getByTestId('export-warning')).getByRole('note')).toBeInTheDocument();
    const field = screen.getByTestId('export-recovery-password');
    expect(screen.getByLabelText('Your recovery password')).toBe(field);
    expect(field).toHaveAttribute('type', 'password');
    expect(field).toHaveAttribute('autocomplete', 'current-password');

    // Not typed: the window says so at the field before any chooser opens.
    await userEvent.click(screen.getByTestId('export-submit'));
    expect(await screen.findByTestId('export-recovery-password-error')).toHaveTextContent('Type your recovery password first.');
    expect(backend.count('choose_export_path')).toBe(0);

    await userEvent.type(field, 'not it');
    await userEvent.click(screen.getByTestId('export-submit'));
    const error = await screen.findByTestId('export-recovery-password-error');
    await waitFor(() => expect(error).toHaveTextContent(WRONG_PASSWORD.message));
    expect(field).toHaveFocus();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field.getAttribute('aria-describedby')).toContain(error.id);
    expect(field).toHaveValue('');
    expect(screen.queryByTestId('export-result')).not.toBeInTheDocument();
    expect(backend.argsOf('export_codes')).toEqual([{ format: 'aegis', path: AEGIS_FILE, password: 'not it' }]);

    await userEvent.type(field, STRONG);
    await userEvent.click(screen.getByTestId('export-submit'));
    const result = await screen.findByTestId('export-result');
    expect(backend.argsOf('export_codes').at(-1)).toEqual({ format: 'aegis', path: AEGIS_FILE, password: STRONG });
    expect(result).toHaveTextContent('Exported 3 accounts.');
    expect(result).toHaveTextContent('This file is not encrypted. Delete it after you use it.');
    expect(screen.queryByTestId('export-recovery-password-error')).not.toBeInTheDocument();
    expect(screen.queryByTestId('export-skipped')).not.toBeInTheDocument();
  });

  it("shows Rust's password_needed at the recovery password field", async () => {
    fakeBackend({
      password: STRONG,
      handlers: {
        choose_export_path: () => '/tmp/links.txt',
        export_codes: () => {
          throw PASSWORD_NEEDED;
        },
      },
    });
    await renderSettings();
    await pick('otpauth');
    await userEvent.type(screen.getByTestId('export-recovery-password'), STRONG);
    await userEvent.click(screen.getByTestId('export-submit'));
    expect(await screen.findByTestId('export-recovery-password-error')).toHaveTextContent(PASSWORD_NEEDED.message);
    expect(screen.queryByTestId('export-error')).not.toBeInTheDocument();
  });

  it('warns but asks for no password when none is set, and sends none', async () => {
    const backend = fakeBackend({
      handlers: { choose_export_path: () => '/tmp/links.txt', export_codes: exportHandler(null) },
    });
    await renderSettings();
    await pick('otpauth');
    expect(screen.getByTestId('export-warning')).toHaveTextContent(NOT_ENCRYPTED);
    expect(screen.queryByTestId('export-recovery-password')).not.toBeInTheDocument();
    await userEvent.click(screen.getByTestId('export-submit'));
    await screen.findByTestId('export-result');
    expect(backend.argsOf('export_codes')).toEqual([{ format: 'otpauth', path: '/tmp/links.txt', password: null }]);
  });

  it('lists the Google QR pictures and every account left out, with why', async () => {
    const files = [`${QR_FOLDER}/keystep-google-1-of-2.png`, `${QR_FOLDER}/keystep-google-2-of-2.png`];
    const skipped = [
      { name: 'Steam (gabe)', reason: 'Google Authenticator does not make Steam codes.' },
      { name: 'Bank (me)', reason: "Google Authenticator's transfer codes carry only 6-digit SHA1 codes." },
    ];
    const backend = fakeBackend({
      password: STRONG,
      handlers: {
        choose_export_path: () => QR_FOLDER,
        export_codes: exportHandler(STRONG, { exported: 12, files, skipped }),
      },
    });
    await renderSettings();
    await pick('google-qr');
    expect(screen.getByTestId('export-warning')).toHaveTextContent('These pictures are not encrypted.');
    expect(screen.getByTestId('export-submit')).toHaveTextContent('Choose a folder and export');
    await userEvent.type(screen.getByTestId('export-recovery-password'), STRONG);
    await userEvent.click(screen.getByTestId('export-submit'));

    const result = await screen.findByTestId('export-result');
    expect(backend.argsOf('choose_export_path')).toEqual([{ format: 'google-qr' }]);
    expect(result).toHaveTextContent('Exported 12 accounts in 2 QR pictures.');
    const saved = within(screen.getByTestId('export-files')).getAllByRole('listitem');
    expect(saved.map((li) => li.textContent)).toEqual(files);
    const left = screen.getByTestId('export-skipped');
    expect(left).toHaveTextContent('Not exported: 2 accounts');
    const items = within(left).getAllByTestId('export-skipped-item');
    expect(items.map((li) => li.textContent)).toEqual([
      'Steam (gabe): Google Authenticator does not make Steam codes.',
      "Bank (me): Google Authenticator's transfer codes carry only 6-digit SHA1 codes.",
    ]);
  });
});

describe('a Keystep backup', () => {
  it('needs a recovery password: says so before any chooser opens', async () => {
    const backend = fakeBackend();
    await renderSettings();
    expect(screen.getByTestId('export-needs-password')).toHaveTextContent('Set one above first.');
    await userEvent.click(screen.getByTestId('export-submit'));
    expect(await screen.findByTestId('export-error')).toHaveTextContent('A Keystep backup opens with your recovery password');
    expect(screen.getByTestId('export-error')).toHaveAttribute('role', 'alert');
    expect(backend.count('choose_export_path')).toBe(0);
  });

  it('exports with the password set, sending no password', async () => {
    const backend = fakeBackend({
      password: STRONG,
      handlers: { choose_export_path: () => '/media/usb/keystep-backup.ksv', export_codes: exportHandler(STRONG) },
    });
    await renderSettings();
    expect(screen.queryByTestId('export-needs-password')).not.toBeInTheDocument();
    await userEvent.click(screen.getByTestId('export-submit'));
    const result = await screen.findByTestId('export-result');
    expect(backend.argsOf('export_codes')).toEqual([{ format: 'keystep', path: '/media/usb/keystep-backup.ksv', password: null }]);
    expect(result).toHaveTextContent('/media/usb/keystep-backup.ksv');
    expect(result).toHaveTextContent('choose Restore from a backup');
  });
});

describe('the chooser', () => {
  it('does nothing when the person closes it', async () => {
    const backend = fakeBackend({
      password: STRONG,
      handlers: {
        choose_export_path: () => {
          throw { code: 'app.nothing_chosen', message: 'Nothing was chosen.' };
        },
        export_codes: exportHandler(STRONG),
      },
    });
    await renderSettings();
    await pick('aegis');
    await userEvent.type(screen.getByTestId('export-recovery-password'), STRONG);
    await userEvent.click(screen.getByTestId('export-submit'));
    await waitFor(() => expect(backend.count('choose_export_path')).toBe(1));
    await waitFor(() => expect(screen.getByTestId('export-submit')).toHaveTextContent('Choose a file and export'));
    expect(backend.count('export_codes')).toBe(0);
    expect(screen.queryByTestId('export-error')).not.toBeInTheDocument();
    expect(screen.queryByTestId('export-recovery-password-error')).not.toBeInTheDocument();
    expect(screen.queryByTestId('export-result')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // What was typed stays, to try again.
    expect(screen.getByTestId('export-recovery-password')).toHaveValue(STRONG);
  });

  it('says other problems above the form', async () => {
    fakeBackend({
      password: STRONG,
      handlers: {
        choose_export_path: () => '/media/usb/keystep-backup.ksv',
        export_codes: () => {
          throw { code: 'vault.io', message: 'Keystep could not write /media/usb/keystep-backup.ksv.' };
        },
      },
    });
    await renderSettings();
    await userEvent.click(screen.getByTestId('export-submit'));
    expect(await screen.findByTestId('export-error')).toHaveTextContent('Keystep could not write');
    expect(screen.queryByTestId('export-result')).not.toBeInTheDocument();
  });
});

describe('accessibility', () => {
  it('finds no axe-core violations with each format, errors and a result', async () => {
    fakeBackend({
      password: STRONG,
      handlers: {
        choose_export_path: () => QR_FOLDER,
        export_codes: exportHandler(STRONG, {
          exported: 1,
          files: [`${QR_FOLDER}/keystep-google-1-of-1.png`],
          skipped: [{ name: 'Steam (gabe)', reason: 'Google Authenticator does not make Steam codes.' }],
        }),
      },
    });
    await renderSettings();
    expect(await axeViolations()).toEqual([]);

    await pick('aegis-encrypted');
    await userEvent.type(screen.getByTestId('export-password'), 'a');
    await userEvent.click(screen.getByTestId('export-submit'));
    await screen.findByTestId('export-password-again-error');
    expect(await axeViolations()).toEqual([]);

    await pick('google-qr');
    await userEvent.type(screen.getByTestId('export-recovery-password'), 'wrong');
    await userEvent.click(screen.getByTestId('export-submit'));
    await screen.findByTestId('export-recovery-password-error');
    expect(await axeViolations()).toEqual([]);

    await userEvent.type(screen.getByTestId('export-recovery-password'), STRONG);
    await userEvent.click(screen.getByTestId('export-submit'));
    await screen.findByTestId('export-skipped');
    expect(await axeViolations()).toEqual([]);
    // Four axe runs over the whole Settings screen: more than the default 5 s on a busy machine.
  }, 30_000);

  it('finds no axe-core violations without a recovery password', async () => {
    fakeBackend();
    await renderSettings();
    await userEvent.click(screen.getByTestId('export-submit'));
    await screen.findByTestId('export-error');
    expect(await axeViolations()).toEqual([]);
  });
});
