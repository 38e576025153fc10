import { describe, expect, it } from 'vitest';
import { mockIPC } from '@tauri-apps/api/mocks';
import * as ipc from '../src/lib/ipc';

// The core's words for keychain.locked: the window says them from errors.ftl, held equal to the core.
const KEYCHAIN_LOCKED =
  'Your keychain is locked. Unlock it (in an unlock window if one is open, in the Passwords and Keys app, or by signing out and in again), then try again. Nothing was changed.';
import type { NewAccount } from '../src/lib/bindings/NewAccount';

function record(result: unknown = null) {
  const calls: { cmd: string; args: unknown }[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args });
    return result;
  });
  return calls;
}

describe('ipc wrappers', () => {
  const account: NewAccount = { issuer: 'Login.gov', name: 'sam@example.com', secret: 'JBSWY3DPEHPK3PXP', kind: 'totp' };

  it.each([
    ['open_vault', () => ipc.openVault(), {}],
    ['set_language', () => ipc.setLanguage('es'), { lang: 'es' }],
    ['list_accounts', () => ipc.listAccounts(), {}],
    ['get_codes', () => ipc.getCodes(), {}],
    ['add_account_uri', () => ipc.addAccountUri('otpauth://totp/X?secret=AA'), { uri: 'otpauth://totp/X?secret=AA' }],
    ['add_account', () => ipc.addAccount(account), { account }],
    ['rename_account', () => ipc.renameAccount('a1', 'ID.me', 'sam'), { id: 'a1', issuer: 'ID.me', name: 'sam' }],
    ['delete_account', () => ipc.deleteAccount('a1'), { id: 'a1' }],
    ['next_hotp_code', () => ipc.nextHotpCode('a1'), { id: 'a1' }],
    ['copy_code', () => ipc.copyCode('a1'), { id: 'a1' }],
    ['first_code_painted', () => ipc.firstCodePainted(), {}],
    ['check_links', () => ipc.checkLinks('see https://www.irs.gov'), { text: 'see https://www.irs.gov' }],
    ['list_guides', () => ipc.listGuides(), {}],
    ['open_guide', () => ipc.openGuide('irs-sign-in'), { guideId: 'irs-sign-in' }],
    ['restart_guide', () => ipc.restartGuide('irs-sign-in'), { guideId: 'irs-sign-in' }],
    ['get_run', () => ipc.getRun('r1'), { runId: 'r1' }],
    ['run_next', () => ipc.runNext('r1'), { runId: 'r1' }],
    ['run_answer', () => ipc.runAnswer('r1', 'branch:no-text'), { runId: 'r1', goto: 'branch:no-text' }],
    ['run_start_wait', () => ipc.runStartWait('r1'), { runId: 'r1' }],
    ['run_back', () => ipc.runBack('r1'), { runId: 'r1' }],
    ['run_leave_branch', () => ipc.runLeaveBranch('r1'), { runId: 'r1' }],
    ['open_official_page', () => ipc.openOfficialPage('irs', 'sign_in'), { service: 'irs', page: 'sign_in' }],
    ['copy_official_address', () => ipc.copyOfficialAddress('irs', 'sign_in'), { service: 'irs', page: 'sign_in' }],
    ['phone_region', () => ipc.phoneRegion(), {}],
    ['list_phones', () => ipc.listPhones(), {}],
    [
      'add_phone',
      () => ipc.addPhone('555 0100', 'US', 'My cell', 'mobile'),
      { number: '555 0100', region: 'US', label: 'My cell', kind: 'mobile' },
    ],
    [
      'edit_phone',
      () => ipc.editPhone('p1', 'Old', 'voip', { state: 'leaving', on: '2026-12-31' }),
      { id: 'p1', label: 'Old', kind: 'voip', status: { state: 'leaving', on: '2026-12-31' } },
    ],
    ['remove_phone', () => ipc.removePhone('p1'), { id: 'p1' }],
    ['catalog_list', () => ipc.catalogList(), {}],
    ['list_services', () => ipc.listServices(), {}],
    [
      'add_service',
      () => ipc.addService({ type: 'custom', name: 'My CU', domain: 'mycu.org' }),
      { service: { type: 'custom', name: 'My CU', domain: 'mycu.org' } },
    ],
    [
      'update_service',
      () => ipc.updateService('m1', ['p1'], ['p2'], 'a1', true),
      { id: 'm1', codePhones: ['p1'], recoveryPhones: ['p2'], keystepAccount: 'a1', securityKey: true },
    ],
    ['remove_service', () => ipc.removeService('m1'), { id: 'm1' }],
    ['suggest_code_accounts', () => ipc.suggestCodeAccounts('m1'), { id: 'm1' }],
    ['set_backup_codes', () => ipc.setBackupCodes('m1', 'a\nb'), { id: 'm1', codes: 'a\nb', replaceFewer: false }],
    [
      'set_backup_codes',
      () => ipc.setBackupCodes('m1', 'a\nb', true),
      { id: 'm1', codes: 'a\nb', replaceFewer: true },
    ],
    ['clear_backup_codes', () => ipc.clearBackupCodes('m1'), { id: 'm1' }],
    ['copy_backup_code', () => ipc.copyBackupCode('m1'), { id: 'm1' }],
    ['review_risks', () => ipc.reviewRisks(), {}],
    [
      'plan_number_change',
      () => ipc.planNumberChange('+15555550101', '555 0150', null, 'US'),
      { from: '+15555550101', to: '555 0150', date: null, region: 'US' },
    ],
    ['create_vault', () => ipc.createVault(), {}],
    ['unlock', () => ipc.unlock('correct horse'), { password: 'correct horse' }],
    ['lock', () => ipc.lock(), {}],
    ['recovery_status', () => ipc.recoveryStatus(), {}],
    ['set_password', () => ipc.setPassword('new one', null), { newPassword: 'new one', currentPassword: null }],
    ['set_password', () => ipc.setPassword('new one', 'old one'), { newPassword: 'new one', currentPassword: 'old one' }],
    ['remove_password', () => ipc.removePassword('old one'), { currentPassword: 'old one' }],
    ['set_lock_settings', () => ipc.setLockSettings(5, true), { lockAfterMinutes: 5, askPasswordOnOpen: true }],
    ['choose_backup_folder', () => ipc.chooseBackupFolder(), {}],
    ['turn_off_backup_folder', () => ipc.turnOffBackupFolder(), {}],
    ['retry_backup', () => ipc.retryBackup(), {}],
    ['put_key_in_keychain', () => ipc.putKeyInKeychain(), {}],
    ['choose_backup_file', () => ipc.chooseBackupFile(), {}],
    [
      'restore_backup',
      () => ipc.restoreBackup('/media/usb/b.ksv', 'pw', true),
      { path: '/media/usb/b.ksv', password: 'pw', replace: true },
    ],
  ] as const)('%s sends its name and arguments', async (cmd, run, args) => {
    const calls = record();
    await run();
    expect(calls).toEqual([{ cmd, args }]);
  });

  it('returns what Rust answered', async () => {
    record({ clearAfterSecs: 30 });
    await expect(ipc.copyCode('a1')).resolves.toEqual({ clearAfterSecs: 30 });
  });

  it('passes an ErrorDto rejection through, detail included', async () => {
    mockIPC(() => {
      throw { code: 'keychain.locked', message: KEYCHAIN_LOCKED, detail: 'org.freedesktop.Secret: locked' };
    });
    await expect(ipc.openVault()).rejects.toEqual({
      code: 'keychain.locked',
      message: KEYCHAIN_LOCKED,
      detail: 'org.freedesktop.Secret: locked',
    });
  });

  it.each([
    ['a string', 'command open_vault not found'],
    ['an Error', new Error('boom')],
    ['an object without a message', { code: 'x' }],
    ['null', null],
  ])('turns %s into app.unexpected', async (_what, thrown) => {
    mockIPC(() => {
      throw thrown;
    });
    await expect(ipc.listAccounts()).rejects.toEqual({
      code: 'app.unexpected',
      message: 'Something went wrong. Try again.',
    });
  });

  it('keeps the args and the reason of an error, for the window to translate', () => {
    expect(
      ipc.toErrorDto({
        code: 'input.bad_secret',
        message: 'The setup key is not valid: it is too long (300 characters; at most 256).',
        args: { count: 300, max: 256, odd: { no: 1 }, list: [1] },
        reason: 'secret_too_long',
      }),
    ).toEqual({
      code: 'input.bad_secret',
      message: 'The setup key is not valid: it is too long (300 characters; at most 256).',
      args: { count: 300, max: 256 },
      reason: 'secret_too_long',
    });
    expect(ipc.toErrorDto({ code: 'account.not_found', message: 'No account.', args: 'x' })).toEqual({
      code: 'account.not_found',
      message: 'No account.',
    });
  });

  it('drops a detail that is not text', () => {
    expect(ipc.toErrorDto({ code: 'vault.io', message: 'Could not read.', detail: 42 })).toEqual({
      code: 'vault.io',
      message: 'Could not read.',
    });
  });
});
