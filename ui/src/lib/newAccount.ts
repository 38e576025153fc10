import type { Algorithm } from './bindings/Algorithm';
import type { NewAccount } from './bindings/NewAccount';
import type { OtpKind } from './bindings/OtpKind';

/** What the "Type the setup key" form holds; number boxes are null while empty. */
export type KeyForm = {
  issuer: string;
  name: string;
  secret: string;
  kind: OtpKind;
  algorithm: Algorithm;
  digits: number | null;
  period: number | null;
  counter: number | null;
};

export function emptyKeyForm(): KeyForm {
  return {
    issuer: '',
    name: '',
    secret: '',
    kind: 'totp',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
  };
}

const isSet = (n: number | null): n is number => typeof n === 'number' && Number.isFinite(n);

/**
 * The account to send to Rust. Only settings that matter for the chosen type
 * are sent (Steam fixes its own), and empty boxes are left to Rust's defaults.
 */
export function toNewAccount(form: KeyForm): NewAccount {
  const account: NewAccount = {
    issuer: form.issuer.trim(),
    name: form.name.trim(),
    secret: form.secret,
    kind: form.kind,
  };
  if (form.kind === 'steam') return account;
  account.algorithm = form.algorithm;
  if (isSet(form.digits)) account.digits = form.digits;
  if (form.kind === 'totp' && isSet(form.period)) account.period = form.period;
  if (form.kind === 'hotp' && isSet(form.counter)) account.counter = form.counter;
  return account;
}

/** Real setup keys have 16 characters or more (80 bits; most have 32). */
const SHORTEST_SETUP_KEY = 16;

/**
 * Whether text pasted or typed where a setup link goes is a setup key instead: only letters, digits,
 * spaces, dashes and `=` (as services write keys: "jbsw y3dp ehpk 3pxp"), and long enough. Digits 0, 1,
 * 8 and 9 count too, so a key with a mistyped character still goes to the key field, where Rust says
 * which character is wrong. Nothing is decoded here: Rust checks the key.
 */
export function looksLikeSetupKey(text: string): boolean {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9\s=-]+$/.test(trimmed)) return false;
  return trimmed.replace(/[^A-Za-z0-9]/g, '').length >= SHORTEST_SETUP_KEY;
}
