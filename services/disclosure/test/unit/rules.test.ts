/**
 * The disclosure service's rules without the service: receipt codes from the CSPRNG, read back
 * forgivingly and stored as a hash; names and unit names redacted; personal values found and refused
 * in a public payload built from an allow-list; a complaint about a discipline body sent one level up.
 */
import { allowListed, isIdCardNumber, maskName, maskUnitName, personalValues } from '../../src/domain/redaction.js';
import { newReceiptCode, normaliseReceipt, receiptHash, receiptLength } from '../../src/domain/receipts.js';
import { routeComplaint } from '../../src/domain/routing.js';

describe('receipt codes', () => {
  it('are 20 characters of Crockford base32 in groups of four, different each time', () => {
    const codes = Array.from({ length: 1_000 }, () => newReceiptCode());
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    expect(new Set(codes).size).toBe(1_000);
    expect(receiptLength * 5).toBeGreaterThanOrEqual(100);
  });

  it('take every character from the random bytes given, five bits each', () => {
    expect(newReceiptCode((n) => new Uint8Array(n).fill(0))).toBe('0000-0000-0000-0000-0000');
    expect(newReceiptCode((n) => new Uint8Array(n).fill(255))).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    expect(newReceiptCode((n) => Uint8Array.from({ length: n }, (_, i) => i + 32 * 7))).toBe('0123-4567-89AB-CDEF-GHJK');
  });

  it('are read back whatever the case, spaces and hyphens, and the letters that look like digits', () => {
    const code = newReceiptCode();
    const normalised = code.replace(/-/g, '');
    expect(normaliseReceipt(code)).toBe(normalised);
    expect(normaliseReceipt(` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(normalised);
    expect(normaliseReceipt('OIL0-0000-0000-0000-0000')).toBe('01100000000000000000');
    expect(normaliseReceipt('0000-0000-0000-0000')).toBeUndefined();
    expect(normaliseReceipt('0000-0000-0000-0000-000U')).toBeUndefined();
  });

  it('are stored as a hash that does not hold the code', () => {
    const normalised = normaliseReceipt(newReceiptCode())!;
    const hash = receiptHash(normalised);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(normalised.toLowerCase());
    expect(receiptHash(normalised)).toBe(hash);
    expect(receiptHash(normaliseReceipt(newReceiptCode())!)).not.toBe(hash);
  });
});

describe('redaction', () => {
  it('publishes a name as its surname and 某, a compound surname whole', () => {
    expect(['张三', '王小明', '欧阳娜娜', '诸葛', ' ', '司马光'].map(maskName)).toEqual(['张某', '王某', '欧阳某', '诸某', '某', '司马某']);
  });

  it('publishes a unit’s name in full down to the configured level, and below it as 某 and its kind', () => {
    expect(maskUnitName('海城市委', 0, 1)).toBe('海城市委');
    expect(maskUnitName('东湖县委', 1, 1)).toBe('东湖县委');
    expect([['东湖县城关镇', 2], ['东湖县青石镇清水村', 3], ['城关街道', 2], ['某某合作社', 2]].map(([n, l]) => maskUnitName(n as string, l as number, 1))).toEqual(['某镇', '某村', '某街道', '某单位']);
  });

  it('finds identity-card numbers by their check character, and mobile numbers', () => {
    expect(isIdCardNumber('11010119900307451X')).toBe(false);
    expect(isIdCardNumber('110101199003074514')).toBe(true);
    expect(personalValues('举报人身份证110101199003074514，电话13912345678，另有编号110101199003074515')).toEqual(['110101199003074514', '13912345678']);
    expect(personalValues('2026年第3季度共处理投诉600件，满意率90%')).toEqual([]);
  });

  it('builds a public payload from the allow-list only, and refuses one that still holds a personal value', () => {
    const record = { title: '某局干部违规收受礼金', person: '张三', idNumber: '110101199003074514', unit: '东湖县城关镇', level: 2 };
    const allow = { title: (v: unknown) => String(v), person: (v: unknown) => maskName(String(v)), unit: (v: unknown) => maskUnitName(String(v), 2, 1) };
    expect(allowListed(record, allow)).toEqual({ title: '某局干部违规收受礼金', person: '张某', unit: '某镇' });
    expect(() => allowListed({ ...record, title: '电话13912345678' }, allow)).toThrow(/personal value/);
  });
});

describe('routing a complaint', () => {
  it('goes to the discipline body of the unit complained about; about the discipline body itself, one level up', () => {
    const town = { unitId: 'town', ancestorIds: ['city', 'county'] };
    expect(routeComplaint(town, false)).toEqual({ handlingUnitId: 'town', raised: false, noLevelAbove: false });
    expect(routeComplaint(town, true)).toEqual({ handlingUnitId: 'county', raised: true, noLevelAbove: false });
    expect(routeComplaint({ unitId: 'city', ancestorIds: [] }, true)).toEqual({ handlingUnitId: 'city', raised: false, noLevelAbove: true });
  });
});
