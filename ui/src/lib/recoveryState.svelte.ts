import type { ErrorDto } from './bindings/ErrorDto';
import type { RecoveryStatus } from './bindings/RecoveryStatus';
import { recoveryStatus, toErrorDto } from './ipc';

/**
 * The recovery status (password, locking, backups) as Rust last gave it. App.svelte keeps one for the
 * whole window: the Settings screen, the failed-backup banner and the idle lock all read it, and every
 * command that changes it answers with the new status, which goes straight in here.
 */
export class RecoveryState {
  status = $state<RecoveryStatus | null>(null);
  /** Why the last refresh failed; the status known before it is kept. */
  error = $state<ErrorDto | null>(null);
  // Only the newest answer may land: an older one must not overwrite a newer one.
  #asked = 0;

  /** Asks Rust again (it is cheap). A failure keeps the status already known. */
  async refresh(): Promise<void> {
    const mine = ++this.#asked;
    try {
      const status = await recoveryStatus();
      if (mine === this.#asked) this.set(status);
    } catch (e) {
      if (mine === this.#asked) this.error = toErrorDto(e);
    }
  }

  /** Keeps the status a command answered with. */
  set(status: RecoveryStatus): void {
    this.#asked += 1;
    this.status = status;
    this.error = null;
  }

  /** Runs a command that answers with the new status, and keeps it; rejects as the command did. */
  async run(command: () => Promise<RecoveryStatus>): Promise<RecoveryStatus> {
    const status = await command();
    this.set(status);
    return status;
  }

  /** Forgets the status, as when Keystep locks. */
  clear(): void {
    this.#asked += 1;
    this.status = null;
    this.error = null;
  }
}
