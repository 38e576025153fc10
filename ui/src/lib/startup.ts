import type { AccountView } from './bindings/AccountView';
import type { CodeView } from './bindings/CodeView';
import type { OpenInfo } from './bindings/OpenInfo';
import { getCodes, listAccounts, openVault } from './ipc';

/** What the first screen needs, fetched before Svelte mounts. */
export type Preloaded = { info: OpenInfo; accounts: AccountView[]; codes: CodeView[] | null };

/**
 * Starts opening the vault and loading the first codes as soon as the script runs, so these IPC round
 * trips overlap the first render instead of following it. Rejects with the open_vault error; a failed
 * list or codes call leaves `accounts`/`codes` to the screen's own loading (and its retry banner).
 */
export function beginStartup(): Promise<Preloaded> {
  return openVault().then(async (info) => {
    try {
      const [accounts, codes] = await Promise.all([listAccounts(), getCodes()]);
      return { info, accounts, codes };
    } catch {
      return { info, accounts: [], codes: null };
    }
  });
}
