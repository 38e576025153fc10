// An in-memory stand-in for the Rust side, wired in through Tauri's mockIPC.
import { mockIPC } from '@tauri-apps/api/mocks';
import type { AccountView } from '../src/lib/bindings/AccountView';
import type { CodeView } from '../src/lib/bindings/CodeView';

export type Call = { cmd: string; args: Record<string, unknown> };
type Handler = (args: Record<string, unknown>) => unknown;

export const T0 = 1_700_000_010_000; // a whole second, 10 s into a 30 s period

/** The label Rust gives an account ("GitHub (alice)"): the fake names accounts as Rust does. */
export function labelOf(issuer: string, name: string): string {
  return issuer && name ? `${issuer} (${name})` : issuer || name;
}

export function totp(id: string, issuer: string, name: string, digits = 6): AccountView {
  return { id, issuer, name, label: labelOf(issuer, name), kind: 'totp', algorithm: 'SHA1', digits, period: 30, counter: null };
}

export function timedCode(id: string, code: string, untilMs: number, nextCode: string | null = null): CodeView {
  return { id, code, nextCode, validFromMs: untilMs - 30_000, validUntilMs: untilMs };
}

export function fakeBackend(
  init: { accounts?: AccountView[]; codes?: CodeView[]; handlers?: Record<string, Handler> } = {},
) {
  const state = {
    accounts: [...(init.accounts ?? [])],
    codes: [...(init.codes ?? [])],
  };
  const calls: Call[] = [];

  const defaults: Record<string, Handler> = {
    open_vault: () => ({ created: false, dataDir: '/home/test/.local/share/keystep', unreadable: [] }),
    list_accounts: () => structuredClone(state.accounts),
    get_codes: () => structuredClone(state.codes.filter((c) => state.accounts.some((a) => a.id === c.id))),
    first_code_painted: () => null,
    copy_code: () => ({ clearAfterSecs: 30 }),
    check_links: () => [],
    delete_account: ({ id }) => {
      const gone = state.accounts.find((a) => a.id === id);
      state.accounts = state.accounts.filter((a) => a.id !== id);
      return gone;
    },
    rename_account: ({ id, issuer, name }) => {
      const account = state.accounts.find((a) => a.id === id)!;
      Object.assign(account, { issuer, name, label: labelOf(String(issuer), String(name)) });
      return account;
    },
  };

  mockIPC((cmd, args) => {
    const payload = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: payload });
    const handler = init.handlers?.[cmd] ?? defaults[cmd];
    if (!handler) throw { code: 'test.unhandled', message: `No fake for ${cmd}` };
    return handler(payload);
  });

  return {
    state,
    calls,
    count: (cmd: string) => calls.filter((c) => c.cmd === cmd).length,
    argsOf: (cmd: string) => calls.filter((c) => c.cmd === cmd).map((c) => c.args),
  };
}
