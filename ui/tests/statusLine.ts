import { render } from '@testing-library/svelte';
import { beforeEach } from 'vitest';
import StatusLine from '../src/lib/components/StatusLine.svelte';

/**
 * For tests of one screen without App around it: the window's status line (where App shows the
 * screens' messages) is rendered next to the screen, as in the window.
 */
export function withStatusLine(): void {
  beforeEach(() => {
    render(StatusLine);
  });
}
