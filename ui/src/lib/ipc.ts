// The only door to the Rust side: every command goes through here so that
// names, argument shapes and error handling live in one place.
import { invoke } from '@tauri-apps/api/core';
import type { AccountView } from './bindings/AccountView';
import type { CodeView } from './bindings/CodeView';
import type { CopyInfo } from './bindings/CopyInfo';
import type { ErrorDto } from './bindings/ErrorDto';
import type { GuideList } from './bindings/GuideList';
import type { LinkCheck } from './bindings/LinkCheck';
import type { NewAccount } from './bindings/NewAccount';
import type { OpenInfo } from './bindings/OpenInfo';
import type { RunView } from './bindings/RunView';

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

// Guided sign-in: Rust keeps every run and decides every step; the window only shows the RunView it gets back.
export const listGuides = () => call<GuideList>('list_guides');
/** Continues the open run of the guide, or starts one. */
export const openGuide = (guideId: string) => call<RunView>('open_guide', { guideId });
/** Starts the guide over; the old run is kept as stopped. */
export const restartGuide = (guideId: string) => call<RunView>('restart_guide', { guideId });
export const getRun = (runId: string) => call<RunView>('get_run', { runId });
/** "Done, next step". */
export const runNext = (runId: string) => call<RunView>('run_next', { runId });
/** `goto` is one of the current step's answers, verbatim. */
export const runAnswer = (runId: string, goto: string) => call<RunView>('run_answer', { runId, goto });
/** Starts the current step's countdown; its end time is kept by Rust. */
export const runStartWait = (runId: string) => call<RunView>('run_start_wait', { runId });
/** Rust opens the page in the browser after its official-site check: the window never handles the address. */
export const openOfficialPage = (service: string, page: string) => call<null>('open_official_page', { service, page });
