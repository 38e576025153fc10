// The Spanish message files, one chunk that the window loads only when it speaks Spanish.
const files = import.meta.glob('./es/*.ftl', { query: '?raw', import: 'default', eager: true });

/** The text of each Spanish message file, by file name (`codes.ftl`). */
export default Object.fromEntries(
  Object.entries(files).map(([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text]),
) as Record<string, string>;
