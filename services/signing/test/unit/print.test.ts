/** The printable letter: numbering as documents write it, escaping, and signature blocks. */
import { chineseNumber, printLetter } from '../../src/app/printLetter.js';
import type { Letter } from '../../src/domain/letters.js';

const letter = (overrides: Partial<Letter> = {}): Letter => ({
  letterId: 'l1',
  version: 1,
  unitId: 'town',
  year: 2027,
  kind: 'member',
  title: '2027年度党风廉政建设责任书',
  issuer: { unitId: 'town', postId: 'p1', role: 'secretary', personId: 'wang', name: '王明' },
  recipient: { unitId: 'town', postId: 'p2', role: 'teamMember', personId: 'li', name: '李<script>alert(1)</script>' },
  items: [{ itemId: 'i1', text: '落实"一岗双责" & 廉政风险防控', area: null }],
  suite: 'sha256-ecdsa-p256',
  contentHash: 'ab'.repeat(32),
  status: 'issued',
  signatures: [],
  issuedAt: '2027-02-01T09:00:00.000+08:00',
  replacesVersion: null,
  seal: null,
  ...overrides,
});

describe('the printable letter', () => {
  it('numbers items as documents do, past a hundred', () => {
    // Act / Assess
    expect([1, 10, 11, 20, 21, 99, 100, 101, 110, 115, 120, 199, 200].map(chineseNumber)).toEqual([
      '一', '十', '十一', '二十', '二十一', '九十九', '一百', '一百零一', '一百一十', '一百一十五', '一百二十', '一百九十九', '二百',
    ]);
  });

  it('escapes every text it prints, so nothing stored can add markup', () => {
    // Act
    const page = printLetter(letter(), new Map([['town', '城关镇<b>']]));

    // Assess
    expect(page).not.toContain('<script>');
    expect(page).toContain('李&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('落实&quot;一岗双责&quot; &amp; 廉政风险防控');
    expect(page).toContain('城关镇&lt;b&gt;');
    expect(page).toContain('一、落实');
    expect(page).toContain(`内容指纹（SHA-256）：${'ab'.repeat(32)}`);
  });

  it('shows a signer’s name and date only once signed, and marks a voided version', () => {
    // Act
    const page = printLetter(
      letter({ signatures: [{ party: 'issuer', personId: 'wang', sequence: 1, hash: 'h', signedAt: '2027-02-03T10:00:00.000+08:00' }] }),
      new Map([['town', '城关镇']]),
    );
    const voided = printLetter(letter({ status: 'voided' }), new Map());

    // Assess
    expect(page).toContain('<span class="name">王明</span>');
    expect(page).toContain('日期：2027年2月3日');
    expect(page).not.toContain('<span class="name">李');
    expect(voided).toContain('本版本已作废');
  });
});
