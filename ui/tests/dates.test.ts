import { describe, expect, it } from 'vitest';
import { dateExample, readTypedDate, spellOutDate, spellOutDatesIn } from '../src/lib/dates';

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
