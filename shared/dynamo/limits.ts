/**
 * DynamoDB's limits, checked before a write so that input that would break them is a 413 with a
 * reason rather than a 500 from DynamoDB: an item is at most 400 KB (attribute names and values in
 * UTF-8), a partition key value at most 2,048 bytes and a sort key value at most 1,024 bytes.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html
 */
import { PayloadTooLargeError } from '../errors.js';

export const maxItemBytes = 400 * 1024;
export const maxPartitionKeyBytes = 2048;
export const maxSortKeyBytes = 1024;

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

/** The size DynamoDB counts for a value of the document client's kinds. */
export const valueSize = (value: unknown): number => {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return utf8(value);
  // A number takes up to 21 bytes: about one byte per two significant digits, plus one.
  if (typeof value === 'number' || typeof value === 'bigint') return Math.min(21, Math.ceil(String(value).replace(/[-.e+]/g, '').length / 2) + 1);
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) return [...value].reduce((sum: number, v) => sum + valueSize(v), 0);
  // Lists and maps: 3 bytes of overhead plus one per element, and their contents.
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, v) => sum + 1 + valueSize(v), 0);
  if (typeof value === 'object') return 3 + Object.entries(value).reduce((sum, [k, v]) => sum + 1 + utf8(k) + valueSize(v), 0);
  return utf8(String(value));
};

/** The size of a whole item: its attribute names and values. */
export const itemSize = (item: Readonly<Record<string, unknown>>): number =>
  Object.entries(item).reduce((sum, [name, value]) => sum + (value === undefined ? 0 : utf8(name) + valueSize(value)), 0);

/** Throws a 413 when the item, or its `pk`/`sk`, is over DynamoDB's limits. */
export const assertItemFits = (item: Readonly<Record<string, unknown>>, what: string): void => {
  const pk = typeof item.pk === 'string' ? utf8(item.pk) : 0;
  const sk = typeof item.sk === 'string' ? utf8(item.sk) : 0;
  if (pk > maxPartitionKeyBytes || sk > maxSortKeyBytes) {
    throw new PayloadTooLargeError(`The key of ${what} is longer than DynamoDB allows`);
  }
  const size = itemSize(item);
  if (size > maxItemBytes) {
    throw new PayloadTooLargeError(`${what} would take ${size} bytes; DynamoDB stores at most ${maxItemBytes} in one item`);
  }
};
