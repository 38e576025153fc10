/**
 * Tab past the last control (or Shift+Tab before the first) goes round to the other end.
 *
 * Without this, WebKit hands focus to the "browser" around the page when it runs out of controls; in
 * Keystep's window there is nothing there, so one press of Tab lands on nothing visible (screen readers
 * say only the window's name) before the next one comes back to the top. Inside an open dialog the
 * round stays inside the dialog.
 */

const CANDIDATES = [
  'a[href]',
  'button',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  'summary',
  '[tabindex]',
  '[contenteditable]:not([contenteditable="false"])',
].join(', ');

function visible(el: HTMLElement): boolean {
  if (el.closest('[hidden], [inert]')) return false;
  if (typeof el.checkVisibility === 'function') return el.checkVisibility({ visibilityProperty: true });
  return el.getClientRects().length > 0;
}

function inTabOrder(el: HTMLElement): boolean {
  if (el.matches(':disabled')) return false;
  const given = el.getAttribute('tabindex');
  if (given !== null) return Number.parseInt(given, 10) >= 0;
  // A summary is only a control as the first summary of its details.
  if (el.localName === 'summary') {
    const details = el.parentElement;
    return details?.localName === 'details' && [...details.children].find((c) => c.localName === 'summary') === el;
  }
  // Inside a closed details only its summary can take focus.
  const closed = el.closest('details:not([open])');
  if (closed && !el.closest('summary')) return false;
  return true;
}

// Of a group of radio buttons only one is a stop: the chosen one, or the first when none is chosen.
function radioStop(el: HTMLElement, all: HTMLElement[]): boolean {
  if (!(el instanceof HTMLInputElement) || el.type !== 'radio' || !el.name) return true;
  const group = all.filter((o): o is HTMLInputElement => o instanceof HTMLInputElement && o.type === 'radio' && o.name === el.name && o.form === el.form);
  const chosen = group.find((o) => o.checked);
  return chosen ? chosen === el : group[0] === el;
}

/** The elements Tab stops at inside `scope`, in order. */
export function tabStops(scope: ParentNode): HTMLElement[] {
  const all = [...scope.querySelectorAll<HTMLElement>(CANDIDATES)].filter((el) => inTabOrder(el) && visible(el));
  return all.filter((el) => radioStop(el, all));
}

/** Where Tab goes round: the dialog on top while one is open, else the whole page. */
function scopeNow(doc: Document): ParentNode {
  const open = [...doc.querySelectorAll<HTMLDialogElement>('dialog[open]')];
  return open.at(-1) ?? doc.body;
}

/** The keydown handler: moves focus to the other end instead of out of the page. */
export function wrapTab(event: KeyboardEvent): void {
  if (event.key !== 'Tab' || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
  const doc = (event.currentTarget as Document | null) ?? document;
  const stops = tabStops(scopeNow(doc));
  if (stops.length === 0) return;
  const active = doc.activeElement;
  const first = stops[0];
  const last = stops[stops.length - 1];
  const target = event.shiftKey ? (active === first ? last : null) : active === last ? first : null;
  if (!target) return;
  event.preventDefault();
  target.focus();
}

/** Installs the handler on the page, once. Returns a function that removes it. */
export function installTabWrap(doc: Document = document): () => void {
  doc.addEventListener('keydown', wrapTab);
  return () => doc.removeEventListener('keydown', wrapTab);
}
