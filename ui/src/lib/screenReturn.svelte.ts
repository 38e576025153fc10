import { untrack } from 'svelte';

/**
 * For a screen that is kept while hidden: calls `refresh` each time it is shown again (not when it is
 * first shown), so what changed on another screen meanwhile (an account added under "Your codes") appears.
 * Call it while the component initialises.
 */
export function refreshOnReturn(isActive: () => boolean, refresh: () => void) {
  // Unknown until the first run: only a later return counts as coming back.
  let wasActive: boolean | undefined;
  $effect(() => {
    const now = isActive();
    untrack(() => {
      if (now && wasActive === false) refresh();
      wasActive = now;
    });
  });
}
