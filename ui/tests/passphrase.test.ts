import { describe, expect, it } from 'vitest';
import { PASSPHRASE_WORDS, randomBelow, suggestPassphrase, type FillRandom } from '../src/lib/passphrase';
import { WORDS } from '../src/lib/wordlist';

/** A random source that hands out the given numbers, in turn. */
function draws(...values: number[]): FillRandom & { used: number } {
  const fill = Object.assign(
    (array: Uint32Array) => {
      array[0] = values[fill.used++]!;
    },
    { used: 0 },
  );
  return fill;
}

describe('the word list', () => {
  it('is the EFF long list: 7776 different words, from abacus to zoom', () => {
    expect(WORDS).toHaveLength(7776);
    expect(new Set(WORDS).size).toBe(7776);
    expect(WORDS[0]).toBe('abacus');
    expect(WORDS[7775]).toBe('zoom');
    expect(WORDS.every((w) => /^[a-z]+(-[a-z]+)*$/.test(w))).toBe(true);
  });
});

describe('randomBelow', () => {
  it('maps a fair draw onto 0 .. n-1', () => {
    expect(randomBelow(7776, draws(0))).toBe(0);
    expect(randomBelow(7776, draws(7777))).toBe(1);
  });

  it('throws away draws in the last, incomplete run of n, so no number is likelier (no modulo bias)', () => {
    // 2^32 = 7776 * 552336 + 2560: the top 2560 draws would favour 0 .. 2559; they are drawn again.
    const fairLimit = 2 ** 32 - 2560;
    const fill = draws(fairLimit, 2 ** 32 - 1, fairLimit - 1);
    expect(randomBelow(7776, fill)).toBe((fairLimit - 1) % 7776);
    expect(fill.used).toBe(3);
  });

  it('uses the browser crypto generator by default', () => {
    for (let i = 0; i < 100; i++) {
      const n = randomBelow(6);
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThan(6);
    }
  });

  it('refuses a range it cannot draw from', () => {
    expect(() => randomBelow(0)).toThrow(RangeError);
    expect(() => randomBelow(2.5)).toThrow(RangeError);
  });
});

describe('suggestPassphrase', () => {
  it('is five words of the list, separated by spaces', async () => {
    const words = (await suggestPassphrase()).split(' ');
    expect(words).toHaveLength(PASSPHRASE_WORDS);
    for (const word of words) expect(WORDS).toContain(word);
  });

  it('takes each word from the random draws', async () => {
    expect(await suggestPassphrase(draws(0, 1, 7775, 7776, 2))).toBe('abacus abdomen zoom abacus abdominal');
  });

  it('is different each time', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) seen.add(await suggestPassphrase());
    expect(seen.size).toBe(20);
  });
});
