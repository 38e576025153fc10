import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { installTabWrap } from './lib/tabWrap';
import { beginStartup } from './lib/startup';
import { theme } from './lib/theme.svelte';
import { i18n } from './lib/i18n.svelte';
import { setLanguage } from './lib/ipc';

// The language is known before the first paint, so the first screen is already in the person's
// language; Rust is told before it opens the vault, so what the vault's opening says is in it too.
// Its messages load while the vault opens; the window mounts once they are there.
const messages = i18n.start();
i18n.connectCore(setLanguage);

// Before anything renders: the vault may already be open in Rust by the time the page asks.
const startup = beginStartup();

// Light or dark is known before the first paint, so a dark desktop never sees a white flash.
theme.start();

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// Tab past the last control goes round to the first, instead of onto nothing (see tabWrap.ts).
installTabWrap();

// Mounted even if the messages could not load: ids on screen beat an empty window.
void messages
  .catch(() => undefined)
  .then(() => mount(App, { target, props: { startup } }));
