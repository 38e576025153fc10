// Errors from Rust in the window's language: every code the core exports has its message in every
// language, every reason of an input error its own sentence, and the English text is the core's.
import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_CODES, INPUT_REASONS } from '../src/lib/bindings/errorCodes';
import { ERROR_MESSAGE_IDS, errorMessageId, errorText } from '../src/lib/errors';
import { LANGS, i18n, tIn } from '../src/lib/i18n.svelte';

afterEach(() => i18n.reset());

describe('error messages', () => {
  it('name every code the core sends, and nothing else', () => {
    expect(Object.keys(ERROR_MESSAGE_IDS).sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) {
      expect(errorMessageId(code)).toBe(`error-${code.replace(/[._]/g, '-')}`);
    }
  });

  it('give each reason of an input error a sentence of its own in every language', () => {
    // A value for every name the sentences use (what the core sends with each reason).
    const values: Record<string, string | number> = { month_number: 2 };
    for (const name of 'address character count date days digits domain feedback formats id limit line max min minutes month name number position problem problems region server service service_id year'.split(' ')) {
      values[name] ??= `«${name}»`;
    }
    for (const lang of LANGS) {
      for (const [code, reasons] of Object.entries(INPUT_REASONS)) {
        const id = errorMessageId(code) ?? '';
        const fallback = tIn(lang, id, { ...values, reason: 'no-such-reason' });
        const texts = reasons.map((reason) => tIn(lang, id, { ...values, reason }));
        for (const [i, text] of texts.entries()) {
          expect(text, `${lang} ${code} ${reasons[i]}`).not.toBe(fallback);
          expect(text).not.toMatch(/[{}]/);
        }
      }
    }
  });

  it('say what the core says in English, and the same facts in Spanish', () => {
    const error = {
      code: 'backup_codes.fewer',
      message:
        'Google Account (Gmail) has 10 backup codes saved, and 1 was read now. Saving would replace all 10 with this one. Nothing was changed.',
      args: { service: 'Google Account (Gmail)', saved: 10, read: 1 },
    };
    expect(errorText(error)).toBe(error.message);
    i18n.choose('es');
    expect(errorText(error)).toBe(
      'Google Account (Gmail) tiene 10 códigos de respaldo guardados, y ahora se leyó 1. Al guardar, los 10 códigos guardados se reemplazarían por este. No se cambió nada.',
    );
    const secret = {
      code: 'input.bad_secret',
      message: 'The setup key is not valid: it is too long (300 characters; at most 256).',
      args: { count: 300, max: 256 },
      reason: 'secret_too_long',
    };
    expect(errorText(secret)).toBe(
      'La clave de configuración no es válida: es demasiado larga (300 caracteres; como máximo 256).',
    );
  });

  it('fall back to the core text for a code this window does not know', () => {
    i18n.choose('es');
    expect(errorText({ code: 'future.thing', message: 'Something new.' })).toBe('Something new.');
  });
});
