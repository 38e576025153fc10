/**
 * Every word in the window comes from the Fluent message files in `ui/src/locales/<lang>/*.ftl`, one
 * file per area, the same message ids in each language (a test checks that, and that every id is used).
 *
 * The language follows the computer's (WebKit gives the process locale as `navigator.languages`) unless
 * the person chose one in Settings. Like the theme, the choice is kept in the page's own storage: it is
 * not a secret, and knowing it needs no call to Rust before the first paint. Changing it re-renders every
 * `t()` at once, because `t()` reads the language from reactive state; text the core writes (guides, the
 * review) is fetched again by the screens that show it, which watch `i18n.contentLang`.
 */

import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';

/** The languages the window speaks, English first. */
export const LANGS = ['en', 'es'] as const;
export type Lang = (typeof LANGS)[number];
export type LangChoice = 'system' | Lang;

/** Each language's name in itself: a person looking for their language must be able to read it. */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', es: 'Español' }; // i18n-ignore: each name in itself

/** The locale given to Intl (dates, numbers, plural rules): US forms, as the services are American. */
const INTL_LOCALE: Record<Lang, string> = { en: 'en-US', es: 'es-US' };

const STORAGE_KEY = 'keystep.lang';

// Each language is its own chunk, loaded when the window first speaks it: the window that starts in
// one language neither downloads, parses nor keeps the other's messages (measured in bench/launch.sh).
const LOADERS: Record<Lang, () => Promise<{ default: Record<string, string> }>> = {
  en: () => import('../locales/en'),
  es: () => import('../locales/es'),
};

// The files the first screens use (the frame, the codes, the start screens) are parsed when the language
// loads; the others, seven in ten messages, only when a message of theirs is first asked for, so the
// parsing never stands between a start and the first codes.
const FIRST_FILES = ['shell.ftl', 'common.ftl', 'codes.ftl', 'add.ftl', 'start.ftl'];

/** The file name of a message file's path (`./en/codes.ftl` → `codes.ftl`). */
export function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

type Loaded = { bundle: FluentBundle; later: string[] };
const loaded: Partial<Record<Lang, Loaded>> = {};
const loading: Partial<Record<Lang, Promise<void>>> = {};

/** Loads a language's messages once; later calls share the first load. */
export function loadLang(lang: Lang): Promise<void> {
  if (loaded[lang]) return Promise.resolve();
  loading[lang] ??= LOADERS[lang]().then(({ default: files }) => {
    // No Unicode isolation marks around values: both languages run left to right, and the marks would
    // end up in copied text and in what screen readers spell out.
    const bundle = new FluentBundle(INTL_LOCALE[lang], { useIsolating: false });
    const later: string[] = [];
    for (const [path, text] of Object.entries(files)) {
      if (FIRST_FILES.includes(fileName(path))) bundle.addResource(new FluentResource(text));
      else later.push(text);
    }
    loaded[lang] = { bundle, later };
  });
  return loading[lang];
}

/** The loaded bundle of a language holding message `id`, parsing the rest of its files if need be. */
function bundleWith(lang: Lang, id: string): FluentBundle | undefined {
  const entry = loaded[lang];
  if (!entry) return undefined;
  if (!entry.bundle.hasMessage(id) && entry.later.length > 0) {
    for (const text of entry.later.splice(0)) entry.bundle.addResource(new FluentResource(text));
  }
  return entry.bundle;
}

/** Arguments of a message: Fluent formats numbers and dates for the language itself. */
export type MessageArgs = Record<string, FluentVariable | null | undefined>;

/** The language a list of language tags (`navigator.languages`) asks for, or English. */
export function langFromTags(tags: readonly string[]): Lang {
  for (const tag of tags) {
    const primary = tag.toLowerCase().split(/[-_.@]/)[0];
    const found = LANGS.find((l) => l === primary);
    if (found) return found;
  }
  return 'en';
}

function systemLang(): Lang {
  if (typeof navigator === 'undefined') return 'en';
  const tags = navigator.languages?.length ? navigator.languages : [navigator.language ?? 'en'];
  return langFromTags(tags);
}

function isChoice(value: unknown): value is LangChoice {
  return value === 'system' || LANGS.includes(value as Lang);
}

function format(lang: Lang, id: string, args?: MessageArgs, strict = false): string | undefined {
  const bundle = bundleWith(lang, id);
  const message = bundle?.getMessage(id);
  if (!bundle || !message?.value) return undefined;
  const clean: Record<string, FluentVariable> = {};
  for (const [key, value] of Object.entries(args ?? {})) {
    if (value !== null && value !== undefined) clean[key] = value;
  }
  const problems: Error[] = [];
  const text = bundle.formatPattern(message.value, clean, problems);
  return strict && problems.length > 0 ? undefined : text;
}

class I18n {
  choice = $state<LangChoice>('system');
  lang = $state<Lang>('en');
  /**
   * The language the core writes its text in (guides, the review). It follows `lang` once the core has
   * been told, so a screen that fetches the core's text again when this changes never gets the old
   * language back. Without a core to tell (the unit tests), it follows `lang` at once.
   */
  contentLang = $state<Lang>('en');
  #tellCore: ((lang: Lang) => Promise<unknown>) | null = null;

  /**
   * Reads the kept choice and loads its messages; call once, and render once it resolves. The language
   * itself is known at once, so the core can be told it before the messages arrive.
   */
  start(): Promise<void> {
    let kept: string | null = null;
    try {
      kept = localStorage.getItem(STORAGE_KEY);
    } catch {
      // Storage can be unavailable: the computer's language is a good default.
    }
    this.choice = isChoice(kept) ? kept : 'system';
    const next = this.#wanted();
    this.#apply(next);
    return loadLang(next);
  }

  /**
   * Changes the language without a restart, and keeps the choice for the next start. It applies at once
   * when the language's messages are loaded, and otherwise once they are (the promise says when).
   */
  choose(choice: LangChoice): Promise<void> {
    this.choice = choice;
    try {
      if (choice === 'system') localStorage.removeItem(STORAGE_KEY);
      else localStorage.setItem(STORAGE_KEY, choice);
    } catch {
      // Not kept: it still applies until Keystep closes.
    }
    const next = this.#wanted();
    if (loaded[next]) {
      this.#apply(next);
      return Promise.resolve();
    }
    return loadLang(next).then(() => {
      // A later choice may have overtaken this one while its messages loaded.
      if (this.#wanted() === next) this.#apply(next);
    });
  }

  /** The language the computer asks for (what "Same as this computer" means). */
  get systemLang(): Lang {
    return systemLang();
  }

  /** The locale for Intl formatting of dates and numbers in the current language. */
  get locale(): string {
    return INTL_LOCALE[this.lang];
  }

  /** Tells the core the language now and after every change, before `contentLang` moves on. */
  connectCore(tell: (lang: Lang) => Promise<unknown>): void {
    this.#tellCore = tell;
    void this.#syncCore(this.lang);
  }

  async #syncCore(lang: Lang): Promise<void> {
    try {
      await this.#tellCore?.(lang);
    } catch {
      // The core keeps its language; its text is fetched again all the same, and shows in that one.
    }
    // A later change may have overtaken this one: only the newest language is taken.
    if (this.lang === lang) this.contentLang = lang;
  }

  /** Back to the computer's language with nothing kept; for tests. */
  reset(): void {
    this.#tellCore = null;
    this.choice = 'system';
    this.lang = 'en';
    this.contentLang = 'en';
    if (typeof document !== 'undefined') document.documentElement.lang = 'en';
  }

  #wanted(): Lang {
    return this.choice === 'system' ? systemLang() : this.choice;
  }

  #apply(next: Lang): void {
    const changed = next !== this.lang;
    this.lang = next;
    // Screen readers choose their voice by the page's language.
    if (typeof document !== 'undefined') document.documentElement.lang = next;
    if (!changed) return;
    if (this.#tellCore) void this.#syncCore(next);
    else this.contentLang = next;
  }
}

/** The window's language. */
export const i18n = new I18n();

/**
 * The text of message `id` in the window's language, with `args` filled in. A message missing in the
 * language falls back to English when English is loaded, and otherwise shows its id (the key check in
 * the tests keeps both from reaching a person).
 */
export function t(id: string, args?: MessageArgs): string {
  return format(i18n.lang, id, args) ?? format('en', id, args) ?? id;
}

/**
 * The text of message `id` in the window's language, or `undefined` when it is missing there or a value
 * it needs was not given: for text from elsewhere (an error of the core) that has its own words to fall
 * back on.
 */
export function tIfComplete(id: string, args?: MessageArgs): string | undefined {
  return format(i18n.lang, id, args, true);
}

/** The text of a message in a given language, once that language is loaded (see `loadLang`). */
export function tIn(lang: Lang, id: string, args?: MessageArgs): string {
  return format(lang, id, args) ?? format('en', id, args) ?? id;
}
