import { tick } from 'svelte';
import type { ErrorDto } from './bindings/ErrorDto';
import { toErrorDto, windowError } from './ipc';
import { fieldOf, type FieldsByCode } from './fieldErrors';

/** A form's last error, and which of its fields it sits next to (by error code); the rest go on top. */
export class FormErrors {
  error = $state<ErrorDto | null>(null);
  readonly #fields: FieldsByCode;

  /** `fields` maps error codes to field names, such as `{ 'input.bad_phone': 'number' }`. */
  constructor(fields: FieldsByCode) {
    this.#fields = fields;
  }

  get field(): string | null {
    return fieldOf(this.error, this.#fields);
  }

  /** The message to show next to `name`, if the error is about it. */
  for(name: string): string | null {
    return this.error !== null && this.field === name ? this.error.message : null;
  }

  /** The message to show above the form, if the error is about no one field. */
  get top(): string | null {
    return this.error !== null && this.field === null ? this.error.message : null;
  }

  clear() {
    this.error = null;
  }

  /** True while `submit` waits for Rust. */
  busy = $state(false);

  /**
   * Runs a form's action, one at a time. Whatever it throws (an ErrorDto from Rust, or one of the
   * form's own checks) is kept here, and focus moves to the field that is wrong.
   */
  async submit(form: HTMLElement | undefined, action: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.clear();
    try {
      await action();
    } catch (e) {
      this.error = toErrorDto(e);
      await tick();
      focusInvalid(form);
    } finally {
      this.busy = false;
    }
  }
}

/** A form's own refusal, placed like Rust's (by its code). */
export function formError(code: string, message: string): ErrorDto {
  return windowError(code, message);
}

/** After a refusal, focus goes to the field that is wrong, so the person hears what to fix. */
export function focusInvalid(form: HTMLElement | undefined) {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
