import type { ErrorDto } from './bindings/ErrorDto';

/** Which form field each error code belongs to, such as `{ 'input.bad_phone': 'number' }`. */
export type FieldsByCode = Readonly<Record<string, string>>;

/**
 * The form field an error sits next to, looked up by its code in `fields`; null when it is about the
 * whole form. Every form places its errors through this one function.
 */
export function fieldOf(error: ErrorDto | null, fields: FieldsByCode): string | null {
  if (!error) return null;
  return fields[error.code] ?? null;
}

/**
 * The codes Rust gives bad input in fields named like the form's (`input.bad_issuer` -> `issuer`), or
 * all on the one field `onto` (a setup link holds every other field).
 */
export function inputFields(names: readonly string[], onto?: string): FieldsByCode {
  return Object.fromEntries(names.map((name) => [`input.bad_${name}`, onto ?? name]));
}
