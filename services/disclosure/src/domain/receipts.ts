/**
 * Receipt codes of public complaints: 20 characters of Crockford's base32 from the CSPRNG (100 bits,
 * not guessable), shown in groups of four; read back forgivingly (case, spaces, hyphens, and the
 * letters that look like digits); only the SHA-256 of the normalised code is stored.
 */
import { createHash, randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so that nothing reads as another character. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Characters of a code: 20 × 5 bits = 100 bits of randomness. */
export const receiptLength = 20;

/**
 * A new receipt code, e.g. `7KQ2-M9XD-4HTP-0RWC-B3NE`. Each character takes 5 bits of its own random
 * byte (256 is a multiple of 32, so every character is equally likely).
 */
export const newReceiptCode = (random: (size: number) => Uint8Array = randomBytes): string => {
  const chars = [...random(receiptLength)].map((byte) => alphabet[byte & 31]!);
  return Array.from({ length: receiptLength / 4 }, (_, i) => chars.slice(i * 4, i * 4 + 4).join('')).join('-');
};

/** The code as typed, normalised (upper case, no spaces or hyphens, O→0, I/L→1), or undefined if it cannot be one. */
export const normaliseReceipt = (typed: string): string | undefined => {
  const code = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return code.length === receiptLength && [...code].every((c) => alphabet.includes(c)) ? code : undefined;
};

/** What is stored of a code: the SHA-256 of its normalised form, in hex. */
export const receiptHash = (normalised: string): string => createHash('sha256').update(`receipt:${normalised}`).digest('hex');
