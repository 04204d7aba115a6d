/**
 * The printable letter: one HTML page laid out as Chinese official documents are (GB/T 9704: A4,
 * margins 37/35/28/26 mm, the title in 小标宋/宋体 二号, the text in 仿宋 三号, 28 characters a
 * line), with both parties, the numbered items, a signature block for each party (name and date
 * once signed) and the letter's fingerprint, so a paper copy can be checked against the system.
 */
import { escapeHtml } from '#shared/http/html.js';
import { postRoleNames } from '../domain/posts.js';
import type { Letter, Party } from '../domain/letters.js';


/** 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五, 120 → 一百二十: item numbers as documents write them. */
export const chineseNumber = (n: number): string => {
  const digits = '〇一二三四五六七八九';
  const belowHundred = (m: number, leadingOne: boolean): string => {
    if (m < 10) return digits[m]!;
    const tens = Math.floor(m / 10);
    return `${tens === 1 && !leadingOne ? '' : digits[tens]}十${m % 10 === 0 ? '' : digits[m % 10]}`;
  };
  if (n < 100) return belowHundred(n, false);
  const rest = n % 100;
  return `${digits[Math.floor(n / 100)]}百${rest === 0 ? '' : rest < 10 ? `零${digits[rest]}` : belowHundred(rest, true)}`;
};

const partyLabels: Readonly<Record<Party, string>> = { issuer: '责任书下达方', recipient: '责任人' };

/** The letter as a page to read and print; `unitNames` names the parties' units. */
export const printLetter = (letter: Letter, unitNames: ReadonlyMap<string, string>): string => {
  const signatureOf = (party: Party) => letter.signatures.find((s) => s.party === party);
  const block = (party: Party) => {
    const p = letter[party];
    const signed = signatureOf(party);
    return `<div class="signer">
      <p>${partyLabels[party]}：${escapeHtml(unitNames.get(p.unitId) ?? '')}</p>
      <p>${escapeHtml(postRoleNames[p.role])}（签字）：<span class="name">${signed ? escapeHtml(p.name) : '&#12288;'.repeat(6)}</span></p>
      <p>日期：${signed ? escapeHtml(signed.signedAt.slice(0, 10).replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`)) : '&#12288;&#12288;年&#12288;&#12288;月&#12288;&#12288;日'}</p>
    </div>`;
  };
  const voided = letter.status === 'voided' ? '<p class="voided">本版本已作废</p>' : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(letter.title)}</title>
<style>
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  body { font-family: "FangSong_GB2312", "FangSong", "仿宋", "STFangsong", serif; font-size: 16pt; line-height: 28.9pt; max-width: 156mm; margin: 0 auto; color: #000; }
  h1 { font-family: "FZXiaoBiaoSong-B05S", "SimSun", "宋体", "STSong", serif; font-size: 22pt; font-weight: normal; text-align: center; margin: 0 0 28.9pt; }
  .parties p, .signer p { margin: 0; }
  ol { list-style: none; padding: 0; margin: 14pt 0; counter-reset: item; }
  ol li { text-indent: 2em; }
  .signers { display: flex; justify-content: space-between; margin-top: 40pt; break-inside: avoid; }
  .name { font-family: "KaiTi", "楷体", serif; }
  .fingerprint { margin-top: 28pt; font-family: monospace; font-size: 9pt; line-height: 12pt; word-break: break-all; color: #333; }
  .voided { color: #c00; font-weight: bold; text-align: center; }
  @media print { .fingerprint { color: #000; } }
</style>
</head>
<body>
${voided}
<h1>${escapeHtml(letter.title)}</h1>
<div class="parties">
  <p>${partyLabels.issuer}：${escapeHtml(unitNames.get(letter.issuer.unitId) ?? '')}&#12288;${escapeHtml(letter.issuer.name)}</p>
  <p>${partyLabels.recipient}：${escapeHtml(unitNames.get(letter.recipient.unitId) ?? '')}&#12288;${escapeHtml(letter.recipient.name)}</p>
</div>
<p style="text-indent:2em">为落实党风廉政建设责任制，明确${letter.year}年度责任，签订本责任书。责任人应履行以下责任：</p>
<ol>
${letter.items.map((item, i) => `  <li>${chineseNumber(i + 1)}、${escapeHtml(item.text)}</li>`).join('\n')}
</ol>
<div class="signers">
${block('issuer')}
${block('recipient')}
</div>
<p class="fingerprint">责任书编号 ${escapeHtml(letter.letterId)} · 第 ${escapeHtml(String(letter.version))} 版<br>内容指纹（${letter.suite === 'sm3-sm2' ? 'SM3' : 'SHA-256'}）：${escapeHtml(letter.contentHash)}</p>
</body>
</html>
`;
};
