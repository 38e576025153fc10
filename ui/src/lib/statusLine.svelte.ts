/**
 * The window's one place for short messages ("Added IRS.", "Copied."). Screens send their messages here
 * and the status line at the bottom of the window shows them, in a strip of its own under the scrolling
 * page, so a message never sits over a button or a warning. Each message goes away by itself.
 */

/** How long a message stays. Errors stay longer: they may need to be read twice. */
export const INFO_MS = 6_000;
export const ERROR_MS = 12_000;

export type StatusKind = 'info' | 'error';

/** One message on the status line. `source` names who sent it (and is its test id). */
export interface StatusMessage {
  id: number;
  source: string;
  text: string;
  kind: StatusKind;
}

export class StatusLine {
  messages = $state<StatusMessage[]>([]);
  #next = 1;
  #timers = new Map<string, ReturnType<typeof setTimeout>>();

  /** Shows `text` for `source`, replacing what that source said before. Empty text takes it away. */
  show(source: string, text: string, kind: StatusKind = 'info'): void {
    if (text.trim() === '') {
      this.clear(source);
      return;
    }
    clearTimeout(this.#timers.get(source));
    const message = { id: this.#next++, source, text, kind };
    // A new message from the same source replaces the old one in place; a new source goes last, so the
    // newest message is nearest the bottom edge.
    const at = this.messages.findIndex((m) => m.source === source);
    if (at >= 0) this.messages[at] = message;
    else this.messages.push(message);
    this.#timers.set(
      source,
      setTimeout(() => this.#expire(message.id), kind === 'error' ? ERROR_MS : INFO_MS),
    );
  }

  /** Takes the message of `source` away now. */
  clear(source: string): void {
    clearTimeout(this.#timers.get(source));
    this.#timers.delete(source);
    this.messages = this.messages.filter((m) => m.source !== source);
  }

  /** Takes every message away (a test starts clean). */
  reset(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.messages = [];
  }

  #expire(id: number): void {
    const message = this.messages.find((m) => m.id === id);
    if (message) this.clear(message.source);
  }
}

/** The status line of the window. */
export const statusLine = new StatusLine();
