// Requests from inside a screen to show another one. App.svelte owns which screen is shown; a guide
// step only asks, through here, for the link check with an address filled in, and a review finding
// about backups asks for Settings. A guide named in a guide, the link check and the note about a guide
// in progress ask for a guide; a step with no number saved asks for the phone numbers.

/** Text for the link check to fill in and check; `id` tells two requests with the same text apart. */
export type LinkCheckRequest = { text: string; id: number };

/** A guide to show: its run `runId` when given, else its open run or a new one. */
export type GuideRequest = { guideId: string; runId: string | null; id: number };

/** A tab to show: App.svelte shows it when `id` changes. */
export type ScreenRequest = { screen: 'guides' | 'phones' | 'settings'; id: number };

class Navigation {
  checkRequest = $state<LinkCheckRequest | null>(null);
  /** The guide the Guides screen is asked to show; it sets this back to null once it has. */
  guideRequest = $state<GuideRequest | null>(null);
  screenRequest = $state<ScreenRequest | null>(null);
  /** Goes up each time a run changes, so what shows a run in progress elsewhere loads it again. */
  runsChanged = $state(0);
  #next = 0;

  /** Shows "Check a link" with `text` filled in and checked (empty: nothing was found to check). */
  checkLinks(text: string) {
    this.#next += 1;
    this.checkRequest = { text, id: this.#next };
  }

  /** Shows the Guides tab on a guide: on run `runId` if given, else on its open run or a new one. */
  openGuide(guideId: string, runId: string | null = null) {
    this.#next += 1;
    this.guideRequest = { guideId, runId, id: this.#next };
    this.#show('guides');
  }

  /** Shows the phone numbers screen (where a number is added). */
  openPhones() {
    this.#show('phones');
  }

  /** Shows Settings (where the recovery password and backups are set up). */
  openSettings() {
    this.#show('settings');
  }

  #show(screen: ScreenRequest['screen']) {
    this.#next += 1;
    this.screenRequest = { screen, id: this.#next };
  }
}

export const navigation = new Navigation();
