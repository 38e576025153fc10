// The English message files, one chunk that the window loads only when it speaks English.

/** The text of each English message file, by its path (`./en/codes.ftl`). */
export default import.meta.glob('./en/*.ftl', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;
