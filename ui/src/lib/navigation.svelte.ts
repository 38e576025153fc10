// Requests from inside a screen to show another one. App.svelte owns which screen is shown; a guide
// step only asks, through here, for the link check with an address filled in, and a review finding
// about backups asks for Settings.

/** Text for the link check to fill in and check; `id` tells two requests with the same text apart. */
export type LinkCheckRequest = { text: string; id: number };

class Navigation {
  checkRequest = $state<LinkCheckRequest | null>(null);
  /** Counts requests for Settings: each new number asks for it once more. */
  settingsRequest = $state(0);
  #next = 0;

  /** Shows "Check a link" with `text` filled in and checked (empty: nothing was found to check). */
  checkLinks(text: string) {
    this.#next += 1;
    this.checkRequest = { text, id: this.#next };
  }

  /** Shows Settings (where the recovery password and backups are set up). */
  openSettings() {
    this.settingsRequest += 1;
  }
}

export const navigation = new Navigation();
