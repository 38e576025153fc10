/**
 * Resolves once the browser has painted what is in the DOM now: the first
 * frame callback runs before that paint, the second one after it.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
  });
}
