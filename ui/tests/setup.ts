import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';
import { statusLine } from '../src/lib/statusLine.svelte';
import { i18n, loadLang } from '../src/lib/i18n.svelte';

// jsdom has <dialog> but not its modal methods; this stands in for them.
if (typeof HTMLDialogElement.prototype.showModal !== 'function') {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
}
if (typeof HTMLDialogElement.prototype.close !== 'function') {
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    if (!this.open) return;
    this.open = false;
    this.dispatchEvent(new Event('close'));
  };
}

afterEach(() => {
  clearMocks();
  statusLine.reset();
  i18n.reset();
  localStorage.removeItem('keystep.lang');
});

// The window loads one language when it starts and another when chosen; the tests switch back and
// forth synchronously, so both are loaded before any test runs.
await Promise.all([loadLang('en'), loadLang('es')]);
