// Keeps what the person just clicked where it was on screen while the page around it changes, so the
// next click lands where they aim. The phone screen is laid out so that changes happen below the control
// that caused them; this is the safety net for the rest (a line that wraps differently at 200 % text).
// WebKit has no CSS scroll anchoring, so it is done here.

/** The element that scrolls `el`: its nearest scrolling ancestor, else the page. */
export function scrollerOf(el: Element): Element {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if ((overflowY === 'auto' || overflowY === 'scroll') && p.scrollHeight > p.clientHeight) return p;
  }
  return document.scrollingElement ?? document.documentElement;
}

export type Pin = {
  /** Scrolls so the pinned control (or, if it is gone, its `[data-hold]` container) is where it was. */
  restore(): void;
};

const NOTHING: Pin = { restore() {} };

/**
 * Remembers where `control` is on screen now. Controls in dialogs are not pinned: a dialog sits over
 * the page, and it is closed by the time the page changes.
 */
export function pin(control: Element | null | undefined): Pin {
  if (!control || control.closest('dialog')) return NOTHING;
  const holder = control.parentElement?.closest('[data-hold]') ?? null;
  const marks: [Element, number][] = [[control, control.getBoundingClientRect().top]];
  if (holder) marks.push([holder, holder.getBoundingClientRect().top]);
  return {
    restore() {
      const mark = marks.find(([el]) => el.isConnected);
      if (!mark) return;
      const [el, top] = mark;
      const delta = el.getBoundingClientRect().top - top;
      const scroller = scrollerOf(el);
      if (Math.abs(delta) >= 1 && typeof scroller.scrollBy === 'function') scroller.scrollBy(0, delta);
    },
  };
}

/** The control a click or a form's submission came from (a click on a label's words counts as its box). */
export function controlOf(event: Event): Element | null {
  if (typeof SubmitEvent !== 'undefined' && event instanceof SubmitEvent && event.submitter) return event.submitter;
  const target = event.target;
  if (!(target instanceof Element)) return null;
  return target.closest('button, input, select, textarea, summary, a, label');
}
