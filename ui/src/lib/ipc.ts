// The only door to the Rust side: every command goes through here so that
// names, argument shapes and error handling live in one place.
import { invoke } from '@tauri-apps/api/core';
import type { AccountView } from './bindings/AccountView';
import type { CodeView } from './bindings/CodeView';
import type { CopyInfo } from './bindings/CopyInfo';
import type { ErrorDto } from './bindings/ErrorDto';
import type { LinkCheck } from './bindings/LinkCheck';
import type { NewAccount } from './bindings/NewAccount';
import type { OpenInfo } from './bindings/OpenInfo';

export const UNEXPECTED_ERROR: ErrorDto = Object.freeze({
  code: 'app.unexpected',
  message: 'Something went wrong. Try again.',
});

/** Anything a command rejected with, as an ErrorDto the screens can show. */
export function toErrorDto(value: unknown): ErrorDto {
  if (typeof value === 'object' && value !== null) {
    const { code, message, detail } = value as Record<string, unknown>;
    if (typeof code === 'string' && typeof message === 'string') {
      return typeof detail === 'string' ? { code, message, detail } : { code, message };
    }
  }
  // Strings, Error objects and the like come from the bridge, not from Keystep:
  // their text is not written for people, so show the plain fallback.
  return { ...UNEXPECTED_ERROR };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toErrorDto(e);
  }
}

export const openVault = () => call<OpenInfo>('open_vault');
export const listAccounts = () => call<AccountView[]>('list_accounts');
export const getCodes = () => call<CodeView[]>('get_codes');
export const addAccountUri = (uri: string) => call<AccountView>('add_account_uri', { uri });
export const addAccount = (account: NewAccount) => call<AccountView>('add_account', { account });
export const renameAccount = (id: string, issuer: string, name: string) =>
  call<AccountView>('rename_account', { id, issuer, name });
export const deleteAccount = (id: string) => call<AccountView>('delete_account', { id });
export const nextHotpCode = (id: string) => call<CodeView>('next_hotp_code', { id });
export const copyCode = (id: string) => call<CopyInfo>('copy_code', { id });
export const firstCodePainted = () => call<null>('first_code_painted');
/** Whether each link in a URL or a pasted message goes to an official site. Only reads; never opens a link. */
export const checkLinks = (text: string) => call<LinkCheck[]>('check_links', { text });
