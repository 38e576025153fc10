import { describe, expect, it } from 'vitest';
import { dateExample, readTypedDate, spellOutDate, spellOutDatesIn } from '../src/lib/dates';
import { i18n } from '../src/lib/i18n.svelte';

describe('days as people type them', () => {
  it('reads numbers in the order of the person’s language, ISO days, and spelled-out months', () => {
    const us = (text: string) => readTypedDate(text, 'en-US');
    for (const text of ['12/15/2026', '12-15-2026', '12/15/26', '2026-12-15', '2026/12/15', 'December 15 2026', 'December 15, 2026', 'Dec. 15th, 2026', '15 December 2026', 'dec 15 2026', ' 12/15/2026 ']) {
      expect(us(text), text).toEqual({ ok: true, iso: '2026-12-15' });
    }
    // Day first in Britain and Germany; a German month name too.
    expect(readTypedDate('15/12/2026', 'en-GB')).toEqual({ ok: true, iso: '2026-12-15' });
    expect(readTypedDate('15.12.2026', 'de-DE')).toEqual({ ok: true, iso: '2026-12-15' });
    expect(readTypedDate('15. Dezember 2026', 'de-DE')).toEqual({ ok: true, iso: '2026-12-15' });
    // 15 cannot be a month: read the only way it makes sense.
    expect(us('15/12/2026')).toEqual({ ok: true, iso: '2026-12-15' });
    expect(us('2/3/2027')).toEqual({ ok: true, iso: '2027-02-03' });
  });

  it('says how to type it when it is not understood or does not exist', () => {
    for (const text of ['next friday', '2026-02-30', 'February 30 2026', '13/13/2026', '12/15', 'December 2026', '1/1/1800', '']) {
      const read = readTypedDate(text, 'en-US');
      expect(read.ok, text).toBe(false);
      if (!read.ok) expect(read.message).toContain('Type it like 12/15/2026 or December 15, 2026.');
    }
    const long = readTypedDate('x'.repeat(80), 'en-US');
    expect(long.ok || long.message.startsWith('Keystep could not read that as a day.')).toBe(true);
  });

  it('spells days out in the person’s language, inside sentences too', () => {
    expect(spellOutDate('2026-12-15', 'en-US')).toBe('December 15, 2026');
    expect(spellOutDate('2026-12-15', 'de-DE')).toBe('15. Dezember 2026');
    expect(spellOutDate('2026-02-30', 'en-US')).toBe('2026-02-30');
    expect(spellOutDatesIn('It stops on 2027-01-05. Add the new one before 2027-01-05.', 'en-US')).toBe(
      'It stops on January 5, 2027. Add the new one before January 5, 2027.',
    );
    expect(dateExample('en-US')).toBe('12/15/2026 or December 15, 2026');
  });
});

describe('days in Spanish', () => {
  it('reads days as Spanish speakers in the US type them: day first, Spanish month names, "de"', () => {
    const es = (text: string) => readTypedDate(text, 'es-US');
    for (const text of [
      '15/12/2026',
      '15-12-2026',
      '15.12.2026',
      '15/12/26',
      '15 de diciembre de 2026',
      'el 15 de diciembre del 2026',
      '15 de Diciembre de 2026',
      '15 dic 2026',
      '15 dic. 2026',
      'diciembre 15, 2026',
      '2026-12-15',
      // English month names still work: the same person may copy a day from an English page.
      'December 15, 2026',
      // 15 cannot be a month: read the only way it makes sense.
      '12/15/2026',
    ]) {
      expect(es(text), text).toEqual({ ok: true, iso: '2026-12-15' });
    }
    expect(es('3/2/2027')).toEqual({ ok: true, iso: '2027-02-03' });
    expect(es('1.º de enero de 2027')).toEqual({ ok: true, iso: '2027-01-01' });
    expect(es('1ro de septiembre de 2027')).toEqual({ ok: true, iso: '2027-09-01' });
    expect(es('30 de setiembre de 2027')).toEqual({ ok: true, iso: '2027-09-30' });
    for (const text of ['mañana', '30 de febrero de 2026', '15 de diciembre', '32/12/2026', 'diciembre de 2026']) {
      expect(es(text).ok, text).toBe(false);
    }
  });

  it('spells days out and gives its examples and errors in the window’s language when no locale is given', () => {
    expect(spellOutDate('2026-12-15')).toBe('December 15, 2026');
    expect(dateExample()).toBe('12/15/2026 or December 15, 2026');
    expect(readTypedDate('15/12/2026')).toEqual({ ok: true, iso: '2026-12-15' });

    i18n.choose('es');
    expect(spellOutDate('2026-12-15')).toBe('15 de diciembre de 2026');
    expect(spellOutDatesIn('Deja de funcionar el 2027-01-05.')).toBe('Deja de funcionar el 5 de enero de 2027.');
    expect(dateExample()).toBe('15/12/2026 o 15 de diciembre de 2026');
    expect(readTypedDate('3/2/2027')).toEqual({ ok: true, iso: '2027-02-03' });
    expect(readTypedDate('15 de diciembre de 2026')).toEqual({ ok: true, iso: '2026-12-15' });
    expect(readTypedDate('el viernes')).toEqual({
      ok: false,
      message: 'Keystep no pudo leer “el viernes” como una fecha. Escríbala así: 15/12/2026 o 15 de diciembre de 2026.',
    });
    const long = readTypedDate('x'.repeat(80));
    expect(long.ok || long.message).toBe('Keystep no pudo leer eso como una fecha. Escríbala así: 15/12/2026 o 15 de diciembre de 2026.');

    i18n.choose('en');
    expect(readTypedDate('3/2/2027')).toEqual({ ok: true, iso: '2027-03-02' });
    expect(readTypedDate('someday')).toEqual({
      ok: false,
      message: 'Keystep could not read “someday” as a day. Type it like 12/15/2026 or December 15, 2026.',
    });
  });
});
