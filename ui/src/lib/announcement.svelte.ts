import { tick } from 'svelte';

/** Text for a screen's live region (a Toast). */
export class Announcement {
  text = $state('');

  /** Clearing first makes screen readers announce the same text a second time. */
  async say(text: string): Promise<void> {
    this.text = '';
    await tick();
    this.text = text;
  }
}
