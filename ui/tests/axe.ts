/**
 * axe-core's findings on what the test rendered, as "rule: targets" lines; empty means none. jsdom draws
 * nothing (no layout, no canvas), so contrast and label/name matching are left to the end-to-end run in
 * the real window.
 */
export async function axeViolations(): Promise<string[]> {
  const { default: axe } = await import('axe-core');
  const result = await axe.run(document.body, {
    rules: { 'color-contrast': { enabled: false }, 'label-content-name-mismatch': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
