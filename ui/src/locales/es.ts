// The Spanish message files, one chunk that the window loads only when it speaks Spanish.

/** The text of each Spanish message file, by its path (`./es/codes.ftl`). */
export default import.meta.glob('./es/*.ftl', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;
