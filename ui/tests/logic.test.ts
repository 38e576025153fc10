import { describe, expect, it } from 'vitest';
import { groupCode, secondsLeft, spellOut } from '../src/lib/format';
import { fieldOf, inputFields } from '../src/lib/fieldErrors';
import { filterAccounts } from '../src/lib/search';
import { emptyKeyForm, toNewAccount } from '../src/lib/newAccount';
import {
  backupCodesText,
  backupCodesWarning,
  backupCopiedText,
  cleanRegion,
  isoToPlainDate,
  serviceRefOf,
  statusWords,
  usedByText,
} from '../src/lib/phones';
import { totp } from './backend';

describe('groupCode', () => {
  it.each([
    ['123456', '123 456'],
    ['1234567', '123 4567'],
    ['12345678', '1234 5678'],
    ['123456789', '123 456 789'],
    ['1234567890', '12345 67890'],
    ['2BK7N', '2BK7N'],
    ['1234', '1234'],
    ['', ''],
  ])('%s -> "%s"', (code, grouped) => {
    expect(groupCode(code)).toBe(grouped);
  });
});

describe('small helpers', () => {
  it('spells codes out one character at a time', () => {
    expect(spellOut('123456')).toBe('1 2 3 4 5 6');
    expect(spellOut('2BK7N')).toBe('2 B K 7 N');
  });

  it('counts whole seconds left, rounding up and never below zero', () => {
    expect(secondsLeft(10_000, 0)).toBe(10);
    expect(secondsLeft(10_000, 500)).toBe(10);
    expect(secondsLeft(10_000, 9_001)).toBe(1);
    expect(secondsLeft(10_000, 10_000)).toBe(0);
    expect(secondsLeft(10_000, 12_000)).toBe(0);
  });

  it('finds the field an input error is about, or puts every one on a single field', () => {
    const fields = inputFields(['issuer', 'secret']);
    expect(fieldOf({ code: 'input.bad_secret', message: '' }, fields)).toBe('secret');
    expect(fieldOf({ code: 'input.bad_digits', message: '' }, fields)).toBeNull();
    expect(fieldOf({ code: 'account.duplicate', message: '' }, fields)).toBeNull();
    expect(fieldOf(null, fields)).toBeNull();
    expect(fieldOf({ code: 'input.bad_secret', message: '' }, inputFields(['uri', 'secret'], 'uri'))).toBe('uri');
  });
});

describe('filterAccounts', () => {
  const accounts = [totp('1', 'GitHub', 'alice'), totp('2', 'Login.gov', 'Sam@Example.com'), totp('3', 'ID.me', 'sam')];

  it('matches issuer or name, ignoring case', () => {
    expect(filterAccounts(accounts, 'GITHUB').map((a) => a.id)).toEqual(['1']);
    expect(filterAccounts(accounts, 'sam').map((a) => a.id)).toEqual(['2', '3']);
    expect(filterAccounts(accounts, 'login sam').map((a) => a.id)).toEqual(['2']);
  });

  it('keeps everything for an empty search', () => {
    expect(filterAccounts(accounts, '  ')).toHaveLength(3);
  });
});

describe('toNewAccount', () => {
  it('sends time-based settings for a time-based account', () => {
    const form = { ...emptyKeyForm(), issuer: ' ID.me ', name: 'sam', secret: 'JBSW Y3DP' };
    expect(toNewAccount(form)).toEqual({
      issuer: 'ID.me',
      name: 'sam',
      secret: 'JBSW Y3DP',
      kind: 'totp',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    });
  });

  it('sends the counter for a counter-based account and leaves empty boxes to Rust', () => {
    const form = { ...emptyKeyForm(), kind: 'hotp' as const, digits: null, counter: 5 };
    expect(toNewAccount(form)).toEqual({ issuer: '', name: '', secret: '', kind: 'hotp', algorithm: 'SHA1', counter: 5 });
  });

  it('sends only the type for Steam', () => {
    expect(toNewAccount({ ...emptyKeyForm(), kind: 'steam' })).toEqual({ issuer: '', name: '', secret: '', kind: 'steam' });
  });
});

describe('phone words', () => {
  it('says a status in plain words, with the leaving date written out', () => {
    expect(statusWords({ state: 'in_use' })).toBe('in use');
    expect(statusWords({ state: 'leaving', on: '2026-03-01' })).toBe('leaving on March 1, 2026');
    expect(statusWords({ state: 'gone' })).toBe('gone');
    expect(isoToPlainDate('soon')).toBe('soon');
  });

  it('lists who uses a number, or says nobody does yet', () => {
    expect(usedByText(['Gmail', 'IRS'])).toBe('Used by: Gmail, IRS');
    expect(usedByText([])).toBe('Used by: no services yet');
  });

  it('counts backup codes, and warns when Rust says few are left, not by a count of its own', () => {
    expect(backupCodesText(0, 0)).toBe('No backup codes saved yet.');
    expect(backupCodesText(1, 1)).toBe('1 of 1 backup code left');
    expect(backupCodesText(7, 10)).toBe('7 of 10 backup codes left');
    const warn = (backupCodesLeft: number, backupCodesLow: boolean) =>
      backupCodesWarning({ backupCodesLeft, backupCodesLow, serviceName: 'Gmail' });
    expect(warn(0, true)).toBe('All used. Make new ones on Gmail and paste them here.');
    expect(warn(1, true)).toBe('Only 1 left. Make new ones soon.');
    expect(warn(5, true)).toBe('Only 5 left. Make new ones soon.');
    expect(warn(1, false)).toBeNull();
    expect(warn(0, false)).toBeNull();
    expect(backupCopiedText(1)).toBe('Copied. It is marked as used. Keystep clears the clipboard in 1 second.');
  });

  it('builds the service a form names, and tidies a country', () => {
    expect(serviceRefOf('irs', 'ignored', 'ignored')).toEqual({ type: 'catalog', id: 'irs' });
    expect(serviceRefOf('custom', ' My CU ', ' mycu.org ')).toEqual({ type: 'custom', name: 'My CU', domain: 'mycu.org' });
    expect(cleanRegion(' ca ')).toBe('CA');
  });

  it('finds the field of an error by its code', () => {
    const fields = { 'input.bad_phone': 'number', 'phone.duplicate': 'number' };
    expect(fieldOf({ code: 'phone.duplicate', message: 'm' }, fields)).toBe('number');
    expect(fieldOf({ code: 'vault.io', message: 'm' }, fields)).toBeNull();
    expect(fieldOf(null, fields)).toBeNull();
  });
});
