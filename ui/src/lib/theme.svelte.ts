/**
 * Light or dark: the system's choice (the GTK theme reaches the page as `prefers-color-scheme`), unless
 * the person chose one in Settings. The choice is kept in the page's own storage: it is not a secret,
 * and reading it there needs no call to Rust before the first paint.
 */

export type ThemeChoice = 'system' | 'light' | 'dark';

/** The choices in Settings, each with the message id of its name (read with `t()` where shown). */
export const THEME_OPTIONS: readonly { value: ThemeChoice; message: string }[] = [
  { value: 'system', message: 'settings-theme-system' },
  { value: 'light', message: 'settings-theme-light' },
  { value: 'dark', message: 'settings-theme-dark' },
];

const STORAGE_KEY = 'keystep.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function isChoice(value: unknown): value is ThemeChoice {
  return value === 'system' || value === 'light' || value === 'dark';
}

/** The colours in use, from a choice and whether the system prefers dark. */
export function effectiveTheme(choice: ThemeChoice, systemDark: boolean): 'light' | 'dark' {
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}

class Theme {
  choice = $state<ThemeChoice>('system');
  #media: MediaQueryList | null = null;

  /** Reads the kept choice and paints with it; then follows the system while the choice is "system". */
  start(): void {
    let kept: string | null = null;
    try {
      kept = localStorage.getItem(STORAGE_KEY);
    } catch {
      // Storage can be unavailable; the system's choice is a good default.
    }
    this.choice = isChoice(kept) ? kept : 'system';
    this.#media = typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : null;
    this.#media?.addEventListener('change', () => this.#apply());
    this.#apply();
  }

  /** Changes the colours now and keeps the choice for the next start. */
  choose(choice: ThemeChoice): void {
    this.choice = choice;
    try {
      if (choice === 'system') localStorage.removeItem(STORAGE_KEY);
      else localStorage.setItem(STORAGE_KEY, choice);
    } catch {
      // Not kept: it still applies until Keystep closes.
    }
    this.#apply();
  }

  #apply(): void {
    document.documentElement.dataset.theme = effectiveTheme(this.choice, this.#media?.matches ?? false);
  }
}

/** The window's theme. */
export const theme = new Theme();
