import { afterEach, describe, expect, it, vi } from 'vitest';
import { controlOf, pin } from '../src/lib/holdStill';

/** Makes `el` report `top()` as its place on screen (jsdom lays nothing out). */
function placed(el: Element, top: () => number) {
  el.getBoundingClientRect = () => ({ top: top() }) as DOMRect;
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('holding a pressed control still', () => {
  it('scrolls the page by as much as the control moved, so it is back under the pointer', () => {
    document.body.innerHTML = '<section data-hold><button>Save</button></section>';
    const button = document.querySelector('button')!;
    let top = 300;
    placed(button, () => top);
    const scroller = document.scrollingElement ?? document.documentElement;
    const scrollBy = vi.fn();
    scroller.scrollBy = scrollBy as typeof scroller.scrollBy;

    const held = pin(button);
    top = 540; // A finding of 240 px appeared above it.
    held.restore();
    expect(scrollBy).toHaveBeenCalledWith(0, 240);
  });

  it('does nothing when the control did not move', () => {
    document.body.innerHTML = '<button>Add</button>';
    const button = document.querySelector('button')!;
    placed(button, () => 100);
    const scroller = document.scrollingElement ?? document.documentElement;
    const scrollBy = vi.fn();
    scroller.scrollBy = scrollBy as typeof scroller.scrollBy;
    pin(button).restore();
    expect(scrollBy).not.toHaveBeenCalled();
  });

  it('holds the control’s container when the control itself is gone', () => {
    document.body.innerHTML = '<div data-hold id="holder"><button>Use</button></div>';
    const holder = document.getElementById('holder')!;
    const button = holder.querySelector('button')!;
    let top = 200;
    placed(holder, () => top);
    placed(button, () => 220);
    const scroller = document.scrollingElement ?? document.documentElement;
    const scrollBy = vi.fn();
    scroller.scrollBy = scrollBy as typeof scroller.scrollBy;

    const held = pin(button);
    button.remove();
    top = 150;
    held.restore();
    expect(scrollBy).toHaveBeenCalledWith(0, -50);
  });

  it('scrolls the pane that scrolls, not the page, and never pins a control in a dialog', () => {
    document.body.innerHTML = '<div id="pane" style="overflow-y: auto"><button>Save</button></div><dialog open><button id="d">OK</button></dialog>';
    const pane = document.getElementById('pane')!;
    Object.defineProperty(pane, 'scrollHeight', { value: 2000 });
    Object.defineProperty(pane, 'clientHeight', { value: 500 });
    const button = pane.querySelector('button')!;
    let top = 10;
    placed(button, () => top);
    const scrollBy = vi.fn();
    pane.scrollBy = scrollBy as typeof pane.scrollBy;
    const held = pin(button);
    top = 30;
    held.restore();
    expect(scrollBy).toHaveBeenCalledWith(0, 20);

    const inDialog = document.getElementById('d')!;
    placed(inDialog, () => top);
    const dialogPin = pin(inDialog);
    top = 400;
    dialogPin.restore();
    expect(scrollBy).toHaveBeenCalledTimes(1);
  });

  it('finds the control of a click on a label’s words, or of a submitted form', () => {
    document.body.innerHTML = '<label><input type="checkbox"> <span id="w">(555) 555-0101</span></label>';
    const words = document.getElementById('w')!;
    const click = new MouseEvent('click', { bubbles: true });
    Object.defineProperty(click, 'target', { value: words });
    expect(controlOf(click)).toBe(document.querySelector('label'));
  });
});
