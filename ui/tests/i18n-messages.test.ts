// The message files against each other and against the code: every message exists in every language,
// with the same variables; every message is used; every id the code asks for exists; and no words are
// written straight into a component's markup, where no translation could reach them.
import { describe, expect, it, vi } from 'vitest';
import { parse, Message, Term, Junk, VariableReference, Visitor } from '@fluent/syntax';
import { LANGS, fileName, langFromTags, t, i18n, tIn } from '../src/lib/i18n.svelte';
import englishFiles from '../src/locales/en';
import spanishFiles from '../src/locales/es';

/** The message files of each language, by their path (`./en/codes.ftl`): the window's own chunks. */
const FILES: Record<string, Record<string, string>> = { en: englishFiles, es: spanishFiles };

/** The message files of one language, by file name (`codes.ftl`). */
function messageFiles(lang: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(FILES[lang] ?? {}).map(([path, text]) => [fileName(path), text]),
  );
}

// Every source file's text, through Vite (the bindings are generated from Rust: not written here).
const SOURCES = import.meta.glob(['../src/**/*.ts', '../src/**/*.svelte', '!../src/lib/bindings/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

class Variables extends Visitor {
  names = new Set<string>();
  override visitVariableReference(node: VariableReference) {
    this.names.add(node.id.name);
  }
}

/** Every message of a language: id → its variables, and the parse problems of its files. */
function messages(lang: string) {
  const found = new Map<string, { file: string; variables: string[] }>();
  const problems: string[] = [];
  for (const [file, text] of Object.entries(messageFiles(lang))) {
    for (const entry of parse(text, {}).body) {
      if (entry instanceof Junk) {
        problems.push(`${lang}/${file}: cannot be read: ${entry.content.slice(0, 80)}`);
      } else if (entry instanceof Message || entry instanceof Term) {
        const id = entry instanceof Term ? `-${entry.id.name}` : entry.id.name;
        if (found.has(id)) problems.push(`${lang}/${file}: ${id} is also in ${found.get(id)?.file}`);
        const visitor = new Variables();
        visitor.visit(entry);
        found.set(id, { file, variables: [...visitor.names].sort() });
      }
    }
  }
  return { found, problems };
}

const english = messages('en');
const code = Object.entries(SOURCES).map(([path, text]) => ({ path: path.replace('../src/', ''), text }));

describe('message files', () => {
  it('can all be read, in every language, with no id given twice', () => {
    const problems = LANGS.flatMap((lang) => messages(lang).problems);
    expect(problems).toEqual([]);
    expect(english.found.size).toBeGreaterThan(0);
  });

  it('have the same files, messages and variables in every language', () => {
    const problems: string[] = [];
    for (const lang of LANGS.filter((l) => l !== 'en')) {
      const other = messages(lang).found;
      for (const [id, { file, variables }] of english.found) {
        const there = other.get(id);
        if (!there) problems.push(`${lang}: missing ${id} (en/${file})`);
        else if (there.file !== file) problems.push(`${lang}: ${id} is in ${there.file}, en has it in ${file}`);
        else if (there.variables.join() !== variables.join())
          problems.push(`${lang}: ${id} uses {${there.variables}}, en uses {${variables}}`);
      }
      for (const id of other.keys()) {
        if (!english.found.has(id)) problems.push(`${lang}: ${id} is not in English`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('are all used: each id is written out whole somewhere in the code', () => {
    const all = code.map((f) => f.text).join('\n');
    const unused = [...english.found.keys()].filter(
      (id) => !id.startsWith('-') && !new RegExp(`['"\`]${id}['"\`]`).test(all),
    );
    expect(unused).toEqual([]);
  });

  it('have every id the code asks for with t()', () => {
    const missing: string[] = [];
    for (const { path, text } of code) {
      for (const match of text.matchAll(/\bt(?:In)?\(\s*(?:[a-z]+,\s*)?['"]([a-z0-9-]+)['"]/g)) {
        const id = match[1] ?? "";
        if (!english.found.has(id)) missing.push(`${path}: ${id}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

/** The words left in a component's markup once scripts, styles, comments, tags and {…} are taken out. */
function wordsInMarkup(text: string): string[] {
  let markup = text
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ');
  // {…} expressions, innermost first, so that nested braces go too.
  let before = '';
  while (before !== markup) {
    before = markup;
    markup = markup.replace(/\{[^{}]*\}/g, ' ');
  }
  const words: string[] = [];
  // Attributes people read or hear.
  for (const m of markup.matchAll(/\b(aria-label|title|placeholder|alt|label|hint|aria-description)="([^"]*)"/g)) {
    const value = m[2] ?? '';
    if (/[A-Za-z]{2,}/.test(value)) words.push(`${m[1]}="${value}"`);
  }
  const text_ = markup.replace(/<[^>]*>/g, ' ');
  for (const m of text_.matchAll(/[A-Za-zÁÉÍÓÚÑáéíóúñ][A-Za-zÁÉÍÓÚÑáéíóúñ'’]+/g)) words.push(m[0]);
  return words;
}

describe('components', () => {
  it('write no words of their own in their markup: every word comes from a message', () => {
    const problems = code
      .filter((f) => f.path.endsWith('.svelte'))
      .map((f) => ({ path: f.path, words: wordsInMarkup(f.text) }))
      .filter((f) => f.words.length > 0)
      .map((f) => `${f.path}: ${f.words.slice(0, 6).join(' | ')}`);
    expect(problems).toEqual([]);
  });
});

// Key names and other words that are code, not text for people.
const NOT_TEXT = /^(Escape|Enter|Tab|Shift|Control|Alt|Meta|Backspace|Delete|Home|End|Space|F1|Arrow(Up|Down|Left|Right)|Page(Up|Down))$/;

/** Quoted strings in code that read as words for people: they start with a capital and a small letter. */
function sentencesInCode(text: string): string[] {
  const found: string[] = [];
  for (const line of text.split('\n')) {
    // Comments, errors for developers, and lines marked as not for people.
    if (/^\s*(\/\/|\*|\/\*)/.test(line) || /i18n-ignore|throw new Error|console\./.test(line)) continue;
    for (const m of line.matchAll(/(['"`])((?:(?!\1).)*)\1/g)) {
      const value = m[2] ?? '';
      if (/^[A-Z¿¡][a-záéíóúñ’']+/.test(value) && !NOT_TEXT.test(value)) found.push(value);
    }
  }
  return found;
}

describe('code', () => {
  it('writes no sentences of its own: words for people come from messages', () => {
    const problems = code
      .map((f) => ({ path: f.path, found: sentencesInCode(f.text) }))
      .filter((f) => f.found.length > 0)
      .map((f) => `${f.path}: ${f.found.slice(0, 4).join(' | ')}`);
    expect(problems).toEqual([]);
  });
});

describe('the language', () => {
  it('follows language tags and locales, English when none is known', () => {
    expect(langFromTags(['es-US', 'en-US'])).toBe('es');
    expect(langFromTags(['es_MX.UTF-8'])).toBe('es');
    expect(langFromTags(['fr-FR', 'en-GB'])).toBe('en');
    expect(langFromTags(['de'])).toBe('en');
  });

  it('changes every text at once, keeps the choice, and sets the page language', () => {
    i18n.start();
    expect(t('nav-settings')).toBe('Settings');
    i18n.choose('es');
    expect(t('nav-settings')).toBe('Configuración');
    expect(document.documentElement.lang).toBe('es');
    expect(localStorage.getItem('keystep.lang')).toBe('es');
    i18n.choose('system');
    expect(localStorage.getItem('keystep.lang')).toBeNull();
    expect(t('nav-settings')).toBe('Settings');
    expect(tIn('es', 'nav-help')).toBe('Ayuda');
  });

  it('shows a missing message in English, and an unknown one as its id', () => {
    i18n.choose('es');
    expect(t('no-such-message')).toBe('no-such-message');
    i18n.choose('system');
  });
});

describe('the core', () => {
  it('is told each language before screens fetch its text again', async () => {
    const told: string[] = [];
    let release: () => void = () => {};
    i18n.start();
    i18n.connectCore(async (lang) => {
      told.push(lang);
      if (lang === 'es') await new Promise<void>((resolve) => (release = resolve));
    });
    await Promise.resolve();
    expect(told).toEqual(['en']);
    i18n.choose('es');
    // The window's words change at once; the core's text waits until the core has been told.
    expect(t('nav-help')).toBe('Ayuda');
    expect(i18n.contentLang).toBe('en');
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(told).toEqual(['en', 'es']);
    expect(i18n.contentLang).toBe('es');
    i18n.choose('system');
  });
});

describe('loading', () => {
  it('loads only the language the window speaks, and another once it is chosen', async () => {
    // A fresh copy of the module: the shared one had both languages loaded by the test setup.
    vi.resetModules();
    const fresh = await import('../src/lib/i18n.svelte');
    const started = fresh.i18n.start();
    expect(fresh.t('nav-settings')).toBe('nav-settings');
    await started;
    expect(fresh.t('nav-settings')).toBe('Settings');
    // A message of a file parsed only when first asked for (Settings), found all the same.
    expect(fresh.t('settings-language-heading')).toBe(t('settings-language-heading'));
    expect(fresh.t('settings-language-heading')).not.toBe('settings-language-heading');
    // Spanish is not loaded: asking for it gives the English words.
    expect(fresh.tIn('es', 'nav-help')).toBe('Help');

    const chosen = fresh.i18n.choose('es');
    // Until the Spanish messages are there, the window keeps speaking English rather than showing ids.
    expect(fresh.i18n.lang).toBe('en');
    expect(fresh.t('nav-help')).toBe('Help');
    await chosen;
    expect(fresh.i18n.lang).toBe('es');
    expect(fresh.t('nav-help')).toBe('Ayuda');
    expect(document.documentElement.lang).toBe('es');
    fresh.i18n.reset();
  });
});
