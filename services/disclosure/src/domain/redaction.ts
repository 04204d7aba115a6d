/**
 * Redaction for public output, applied to payloads built from allow-lists (never by deleting fields
 * from a private record): names become surname + 某, unit names below a configured level become 某 +
 * their kind, and a last scan refuses any text that still holds an identity-card number or a mobile
 * number. Pure functions.
 */

export { maskName, maskNameIn } from '#shared/names.js';

/** The kinds a unit's name ends with, longest first, which a masked name keeps (某镇, 某街道, 某局). */
const unitKinds = ['街道办事处', '街道', '社区', '管委会', '委员会', '中心', '公司', '学校', '医院', '镇', '乡', '村', '局', '委', '办', '院', '所'];

/**
 * A unit's name as published: in full at or above `publicUpToLevel` (the root is level 0), else 某
 * and its kind (某镇, 某村), or 某单位.
 */
export const maskUnitName = (name: string, level: number, publicUpToLevel: number): string => {
  if (level <= publicUpToLevel) return name;
  const kind = unitKinds.find((k) => name.endsWith(k));
  return `某${kind ?? '单位'}`;
};

/** The weights and check characters of a mainland identity-card number (GB 11643-1999). */
const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idChecks = '10X98765432';

/** Whether 18 characters are an identity-card number whose check character is right. */
export const isIdCardNumber = (candidate: string): boolean => {
  if (!/^\d{17}[\dXx]$/.test(candidate)) return false;
  const sum = idWeights.reduce((n, w, i) => n + w * Number(candidate[i]), 0);
  return idChecks[sum % 11] === candidate[17]!.toUpperCase();
};

/** The personal values a text holds: identity-card numbers and mainland mobile numbers. */
export const personalValues = (text: string): string[] => [
  ...[...text.matchAll(/(?<![\dXx])\d{17}[\dXx](?![\dXx])/g)].map((m) => m[0]).filter(isIdCardNumber),
  ...[...text.matchAll(/(?<!\d)(?:\+?86)?1[3-9]\d{9}(?!\d)/g)].map((m) => m[0]),
];

/** A value of a public payload: text, a number, a yes or no, nothing, or a table's rows of such values. */
export type PublicValue = string | number | boolean | null | ReadonlyArray<Readonly<Record<string, string | number | boolean | null>>>;

/**
 * A public payload from a record: only the fields the allow-list names, each through its own
 * redaction; whatever else the record holds never enters the payload. A value that still holds a
 * personal value is refused rather than published.
 */
export const allowListed = <K extends string>(record: Readonly<Record<string, unknown>>, allow: Readonly<Record<K, (value: unknown) => PublicValue>>): Record<K, PublicValue> => {
  const payload = Object.fromEntries(Object.entries<(value: unknown) => PublicValue>(allow).map(([field, redact]) => [field, redact(record[field])])) as Record<K, PublicValue>;
  const found = personalValues(JSON.stringify(payload));
  if (found.length > 0) throw new PersonalValueError(found.length);
  return payload;
};

/** A payload that still held an identity-card or mobile number: it is not published. */
export class PersonalValueError extends Error {
  constructor(readonly count: number) {
    super(`A public payload holds ${count} personal value(s); it is not published`);
    this.name = 'PersonalValueError';
  }
}
