// Suggested recovery passphrases, made here in the window so the words never travel: Rust only ever
// receives the password the person then sets.

/** Words in a suggested passphrase: five from the EFF long list (about 64 bits), as keystep-core makes them. */
export const PASSPHRASE_WORDS = 5;

/** Fills the array with random numbers; the browser's cryptographic generator unless a test gives another. */
export type FillRandom = (array: Uint32Array) => void;

const fillFromCrypto: FillRandom = (array) => {
  crypto.getRandomValues(array);
};

const DRAW_RANGE = 2 ** 32;

/**
 * A uniform random whole number below `n` (1 to 2^32), without modulo bias: a draw in the last, incomplete
 * run of `n` numbers below 2^32 would make the first numbers likelier, so it is thrown away and drawn again.
 */
export function randomBelow(n: number, fill: FillRandom = fillFromCrypto): number {
  if (!Number.isInteger(n) || n < 1 || n > DRAW_RANGE) throw new RangeError(`randomBelow(${n})`);
  const fairLimit = DRAW_RANGE - (DRAW_RANGE % n);
  const draw = new Uint32Array(1);
  for (;;) {
    fill(draw);
    const value = draw[0]!;
    if (value < fairLimit) return value % n;
  }
}

/** Five random words from the EFF long word list, separated by spaces. The list is loaded on first use. */
export async function suggestPassphrase(fill: FillRandom = fillFromCrypto): Promise<string> {
  const { WORDS } = await import('./wordlist');
  return Array.from({ length: PASSPHRASE_WORDS }, () => WORDS[randomBelow(WORDS.length, fill)]!).join(' ');
}
