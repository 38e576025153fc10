// The window's keyboard shortcuts, decided apart from the page so they can be tested without one.

export type Shortcut =
  | { name: 'search' }
  | { name: 'add' }
  | { name: 'help' }
  /** Copies the code of this account row. */
  | { name: 'copy'; row: HTMLElement };

/**
 * The shortcut a key press means, if any. Ctrl+C is a shortcut only on an account row with no text
 * selected: anywhere else it keeps its usual meaning (copy the selected text).
 */
export function shortcutFor(event: KeyboardEvent, focused: Element | null, selection: string): Shortcut | null {
  if (event.key === 'F1' && !event.ctrlKey && !event.altKey && !event.metaKey) return { name: 'help' };
  if (!event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return null;
  switch (event.key.toLowerCase()) {
    case 'f':
      return { name: 'search' };
    case 'n':
      return { name: 'add' };
    case 'c': {
      if (selection !== '' || isTextField(focused)) return null;
      const row = focused?.closest<HTMLElement>('[data-testid="account-row"]');
      return row ? { name: 'copy', row } : null;
    }
    default:
      return null;
  }
}

function isTextField(element: Element | null): boolean {
  return element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement;
}
