import type { ErrorDto } from './bindings/ErrorDto';

const FIELD_PREFIX = 'input.bad_';

/** The form field an error belongs to ("input.bad_secret" -> "secret"), or null for errors about the whole form. */
export function errorField(error: ErrorDto | null): string | null {
  if (!error || !error.code.startsWith(FIELD_PREFIX)) return null;
  return error.code.slice(FIELD_PREFIX.length) || null;
}
