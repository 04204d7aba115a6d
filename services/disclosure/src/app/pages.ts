/**
 * The public site's pages, in Chinese, as plain HTML forms that work without JavaScript: filing a
 * complaint, and following it by its receipt code (its status, the answer, the rating). They call
 * the same use cases as the JSON routes, and show nothing but what those answer: no personal field
 * of anyone, and of the complainant only the receipt code just given.
 */
import type { z } from 'zod';
import { ConflictError, NotFoundError, RuleError, TooManyRequestsError } from '#shared/errors.js';
import { escapeHtml } from '#shared/http/html.js';
import type { Causation } from '#events/envelope.js';
import type { PublicationKind, PublicPayload, Rating } from '#events/disclosure/parts.js';
import { fileComplaint, lookUpReceipt, rateComplaint } from './complaints.js';
import { publicUnits } from './units.js';
import { publicItems } from './publication.js';
import { figuresOf } from './figures.js';
import { figureCounters } from '../adapters/disclosureRepository.js';
import { FileComplaintBody, type ComplaintForm, type ReceiptView } from '../schemas.js';

export interface Page {
  readonly status: number;
  readonly html: string;
  readonly headers?: Readonly<Record<string, string>>;
}


const site = '/api/public/site';
const style = `body{font-family:"Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;max-width:46rem;margin:0 auto;padding:1rem;color:#1f1f1f;line-height:1.6}
header{border-bottom:3px solid #b8141b;margin-bottom:1rem}header h1{color:#b8141b;font-size:1.4rem;margin:.4rem 0}
nav a{margin-right:1rem;color:#b8141b}label{display:block;margin:.8rem 0 .2rem;font-weight:bold}
input[type=text],input[type=tel],input[type=email],select,textarea{width:100%;box-sizing:border-box;padding:.4rem;font-size:1rem}
textarea{min-height:10rem}button{margin-top:1rem;padding:.5rem 1.5rem;font-size:1rem;background:#b8141b;color:#fff;border:0}
.error{color:#b8141b}.hint{color:#595959;font-size:.9rem}.code{font-size:1.6rem;letter-spacing:.1rem;font-family:monospace;background:#f4f4f4;padding:.4rem .8rem}
dl{display:grid;grid-template-columns:8rem 1fr}dt{color:#595959}dd{margin:0 0 .4rem}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #d9d9d9;padding:.3rem .5rem;text-align:left}th{background:#f4f4f4}
article{border-bottom:1px solid #d9d9d9;padding:.5rem 0}article h3{font-size:1.1rem;margin:.3rem 0}.filters select{width:auto}`;

const layout = (title: string, body: string): string => `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · 党风廉政建设公开与投诉监督</title>
<style>${style}</style>
</head>
<body>
<header><h1>党风廉政建设公开与投诉监督</h1>
<nav><a href="${site}/items">公开事项</a><a href="${site}/figures">投诉办理数据</a><a href="${site}/complaint">我要投诉</a><a href="${site}/lookup">查询办理进度</a></nav></header>
<main>
<h2>${escapeHtml(title)}</h2>
${body}
</main>
</body>
</html>
`;

const page = (status: number, title: string, body: string, headers?: Record<string, string>): Page => ({ status, html: layout(title, body), ...(headers ? { headers } : {}) });

/** A 429 as a page: the seconds to wait, and `Retry-After`. */
const tooMany = (error: TooManyRequestsError): Page =>
  page(429, '请求过于频繁', `<p class="error">您的请求过于频繁，请在 ${error.retryAfterSeconds} 秒后再试。</p>`, { 'retry-after': String(error.retryAfterSeconds) });

const orTooMany = async (render: () => Promise<Page>): Promise<Page> => {
  try {
    return await render();
  } catch (error) {
    if (error instanceof TooManyRequestsError) return tooMany(error);
    throw error;
  }
};

const field = (errors: ReadonlyMap<string, string>, name: string): string => (errors.has(name) ? `<p class="error" id="${name}-error">${escapeHtml(errors.get(name)!)}</p>` : '');

/** The complaint form, filled with what was sent and the messages of what was wrong. */
export const complaintFormPage = async (form: Partial<ComplaintForm> = {}, errors: ReadonlyMap<string, string> = new Map(), status = 200): Promise<Page> => {
  const units = await publicUnits();
  const depth = new Map<string, number>();
  for (const u of units) depth.set(u.id, u.parentId ? (depth.get(u.parentId) ?? 0) + 1 : 0);
  const options = units
    .map((u) => `<option value="${escapeHtml(u.id)}"${u.id === form.unitId ? ' selected' : ''}>${'　'.repeat(depth.get(u.id) ?? 0)}${escapeHtml(u.name)}</option>`)
    .join('');
  return page(
    status,
    '我要投诉',
    `${errors.size > 0 ? '<p class="error" role="alert">提交未成功，请按提示修改后重新提交。</p>' : ''}
<form method="post" action="${site}/complaint">
<label for="unitId">被投诉单位</label>
<select id="unitId" name="unitId" required><option value="">请选择</option>${options}</select>${field(errors, 'unitId')}
<label><input type="checkbox" name="aboutDisciplineBody" value="on"${form.aboutDisciplineBody ? ' checked' : ''}> 反映的是该单位纪检监察机构本身的问题（将由上一级纪委受理）</label>
<label for="facts">反映的问题（必填，最多 5000 字）</label>
<textarea id="facts" name="facts" maxlength="5000" required>${escapeHtml(form.facts ?? '')}</textarea>${field(errors, 'facts')}
<p class="hint">以下联系方式可不填；填写后加密保存，仅受理机关可见，便于核实情况。</p>
<label for="contactName">称呼</label><input type="text" id="contactName" name="contactName" maxlength="40" value="${escapeHtml(form.contactName ?? '')}">${field(errors, 'contactName')}
<label for="contactPhone">联系电话</label><input type="tel" id="contactPhone" name="contactPhone" maxlength="20" value="${escapeHtml(form.contactPhone ?? '')}">${field(errors, 'contactPhone')}
<label for="contactEmail">电子邮箱</label><input type="email" id="contactEmail" name="contactEmail" maxlength="200" value="${escapeHtml(form.contactEmail ?? '')}">${field(errors, 'contactEmail')}
<button type="submit">提交投诉</button>
</form>`,
  );
};

/** The form as the JSON route's body, or the messages of each field that is wrong. */
const bodyOf = (form: ComplaintForm): { body: z.output<typeof FileComplaintBody> } | { errors: Map<string, string> } => {
  const contact = { name: form.contactName, phone: form.contactPhone, email: form.contactEmail };
  const parsed = FileComplaintBody.safeParse({
    unitId: form.unitId,
    aboutDisciplineBody: form.aboutDisciplineBody === 'on',
    facts: form.facts,
    ...(Object.values(contact).some((v) => v !== undefined) ? { contact } : {}),
  });
  if (parsed.success) return { body: parsed.data };
  const names: Record<string, string> = { 'contact.name': 'contactName', 'contact.phone': 'contactPhone', 'contact.email': 'contactEmail' };
  const messages: Record<string, string> = { unitId: '请选择被投诉单位', facts: '请填写反映的问题（最多 5000 字）', contactName: '称呼最多 40 个字', contactPhone: '请填写正确的手机号码或座机号码', contactEmail: '请填写正确的电子邮箱' };
  const errors = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const name = names[issue.path.join('.')] ?? String(issue.path[0] ?? 'facts');
    errors.set(name, messages[name] ?? '请检查填写内容');
  }
  return { errors };
};

/** Files the form's complaint and shows its receipt code, or the form again with what was wrong. */
export const fileComplaintPage = (form: ComplaintForm, clientAddress: string, cause: Causation, at: Date): Promise<Page> =>
  orTooMany(async () => {
    const read = bodyOf(form);
    if ('errors' in read) return complaintFormPage(form, read.errors, 422);
    try {
      const filed = await fileComplaint(read.body, clientAddress, cause, at);
      return page(
        200,
        '投诉已提交',
        `${filed.duplicate ? '<p>您已提交过相同内容的投诉，回执码不变。</p>' : '<p>我们已收到您的投诉。</p>'}
<p>回执码：</p><p class="code" id="receipt-code">${escapeHtml(filed.receiptCode)}</p>
<p>请抄录或截图保存回执码。凭回执码可查询办理进度和答复结果；回执码丢失后无法找回，我们也不会以任何方式向您索要。</p>
<p>答复期限：${escapeHtml(filed.dueOn)} 前。</p>
<p><a href="${site}/lookup">查询办理进度</a></p>`,
      );
    } catch (error) {
      if (error instanceof RuleError) return complaintFormPage(form, new Map([['unitId', '请选择被投诉单位']]), 422);
      throw error;
    }
  });

const lookupForm = (code = '', error = ''): string => `<form method="post" action="${site}/lookup">
<label for="receiptCode">回执码</label>
<input type="text" id="receiptCode" name="receiptCode" maxlength="40" autocomplete="off" value="${escapeHtml(code)}" required>
${error ? `<p class="error">${escapeHtml(error)}</p>` : '<p class="hint">不区分大小写，可不输入连字符。</p>'}
<button type="submit">查询</button>
</form>`;

/** The lookup form. */
export const lookupFormPage = (): Page => page(200, '查询办理进度', lookupForm());

const ratingNames: Readonly<Record<Rating, string>> = { satisfied: '满意', basicallySatisfied: '基本满意', dissatisfied: '不满意' };

/** What a receipt code shows, as a page: the status, the dates, the answer, and the rating form when it may be rated. */
const receiptPage = (code: string, view: ReceiptView, note = ''): Page => {
  if (!view.found) return page(200, '查询办理进度', `<p class="error" role="alert">${escapeHtml(view.statusText)}</p>${lookupForm(code)}`);
  const row = (label: string, value: string | null) => (value ? `<dt>${label}</dt><dd>${escapeHtml(value)}</dd>` : '');
  const rating = view.canRate
    ? `<form method="post" action="${site}/rating"><input type="hidden" name="receiptCode" value="${escapeHtml(code)}">
<fieldset><legend>请对办理结果进行评价</legend>${Object.entries(ratingNames).map(([value, name]) => `<label><input type="radio" name="rating" value="${value}" required> ${name}</label>`).join('')}</fieldset>
<button type="submit">提交评价</button></form>`
    : '';
  return page(
    200,
    '办理进度',
    `${note ? `<p>${escapeHtml(note)}</p>` : ''}<dl id="receipt">${row('办理状态', view.statusText)}${row('提交日期', view.filedOn)}${row('答复期限', view.dueOn)}${row('受理机关', view.handlingBody)}${row('答复日期', view.answeredOn)}${row('答复内容', view.answer)}${row('您的评价', view.rating ? ratingNames[view.rating] : null)}</dl>${rating}`,
  );
};

const noCode = (): Page => page(422, '查询办理进度', lookupForm('', '请输入回执码'));

/** The status of the code's complaint, as a page. */
export const lookUpPage = (code: string | undefined, clientAddress: string, at: Date): Promise<Page> =>
  orTooMany(async () => (code?.trim() ? receiptPage(code, await lookUpReceipt(code, clientAddress, at)) : noCode()));

/** Rates the code's complaint and shows it again; a code with nothing to rate says so. */
export const ratePage = (code: string | undefined, rating: Rating | undefined, clientAddress: string, cause: Causation, at: Date): Promise<Page> =>
  orTooMany(async () => {
    if (!code?.trim()) return noCode();
    if (!rating) return receiptPage(code, await lookUpReceipt(code, clientAddress, at), '请选择一项评价。');
    try {
      return receiptPage(code, await rateComplaint(code, rating, clientAddress, cause, at), '感谢您的评价。');
    } catch (error) {
      if (error instanceof ConflictError) return page(200, '评价', `<p class="error" role="alert">该回执码没有可评价的投诉：回执码有误、尚未办结或已评价。</p>${lookupForm(code)}`);
      throw error;
    }
  });

const kindNames: Readonly<Record<PublicationKind, string>> = {
  keyTask: '重点任务',
  keyTaskProgress: '任务进展',
  keyTaskLight: '季度亮灯',
  ranking: '考核排名',
  typicalCase: '典型案例通报',
  clarification: '澄清正名',
  circulation: '问责情况通报',
};

/** The Chinese label of each published field, in the order shown; a field without one is not shown. */
const fieldNames: Readonly<Record<string, string>> = {
  unitName: '单位',
  taskTitle: '重点任务',
  year: '年度',
  quarter: '季度',
  title: '任务名称',
  goal: '目标',
  measures: '措施',
  leadOffice: '牵头科室',
  milestones: '时间节点',
  note: '进展情况',
  evidenceCount: '佐证材料（份）',
  requestsClosing: '申请销号',
  reportedOn: '报送日期',
  light: '亮灯',
  category: '考核类别',
  person: '当事人',
  summary: '主要问题及处理',
  text: '澄清内容',
  issuedOn: '发布日期',
  casesOpened: '问责立案（件）',
  doubleInquiries: '一案双查（件）',
  criticism: '批评教育类（人次）',
  admonishment: '诫勉（人次）',
  organisational: '组织处理（人次）',
  disciplinary: '纪律处分（人次）',
  typicalCases: '典型案例（件）',
};
const rankingColumns: ReadonlyArray<readonly [string, string]> = [['rank', '名次'], ['unitName', '单位'], ['overall', '得分'], ['grade', '等次'], ['vetoed', '一票否决']];

const shown = (value: string | number | boolean | null): string => (value === true ? '是' : value === false ? '否' : value === null ? '' : String(value));

/** A published payload as the page shows it: its labelled fields, and a ranking as a table. */
const payloadHtml = (payload: PublicPayload): string => {
  const rows = Object.entries(fieldNames).flatMap(([field, name]) => {
    const value = payload[field];
    return value === undefined || Array.isArray(value) || shown(value) === '' ? [] : [`<dt>${name}</dt><dd>${escapeHtml(shown(value))}</dd>`];
  });
  const ranking = Array.isArray(payload.ranking)
    ? `<table><thead><tr>${rankingColumns.map(([, name]) => `<th>${name}</th>`).join('')}</tr></thead><tbody>${payload.ranking.map((r) => `<tr>${rankingColumns.map(([c]) => `<td>${escapeHtml(shown(r[c] ?? null))}</td>`).join('')}</tr>`).join('')}</tbody></table>`
    : '';
  return `<dl>${rows.join('')}</dl>${ranking}`;
};

/** The items published to anyone, by unit and kind, with a filter that is a plain GET form. */
export const itemsPage = async (filter: { unitId?: string | undefined; kind?: PublicationKind | undefined }): Promise<Page> => {
  const [units, { items }] = await Promise.all([publicUnits(), publicItems(filter)]);
  const unitOptions = units.map((u) => `<option value="${escapeHtml(u.id)}"${u.id === filter.unitId ? ' selected' : ''}>${escapeHtml(u.name)}</option>`).join('');
  const kindOptions = Object.entries(kindNames).map(([k, name]) => `<option value="${k}"${k === filter.kind ? ' selected' : ''}>${name}</option>`).join('');
  const list = items.length === 0
    ? '<p>暂无公开事项。</p>'
    : items.map((i) => `<article id="item-${escapeHtml(i.itemId)}"><h3>${escapeHtml(i.title)}</h3><p class="hint">${kindNames[i.kind]} · 公开日期 ${escapeHtml(i.publishedOn)}</p>${payloadHtml(i.payload)}</article>`).join('\n');
  return page(
    200,
    '公开事项',
    `<form method="get" action="${site}/items" class="filters"><label for="unitId">单位（含下级）</label><select id="unitId" name="unitId"><option value="">全部</option>${unitOptions}</select>
<label for="kind">类别</label><select id="kind" name="kind"><option value="">全部</option>${kindOptions}</select> <button type="submit">筛选</button></form>
<section id="items">${list}</section>`,
  );
};

/** The live complaint figures of a unit (the top units without one) and of each unit right below it. */
export const figuresPage = async (unitId: string | undefined, at: Date): Promise<Page> => {
  const units = await publicUnits();
  const top = unitId ? units.filter((u) => u.id === unitId) : units.filter((u) => u.parentId === null);
  if (top.length === 0) return page(404, '投诉办理实时数据', '<p class="error" role="alert">没有该单位。</p>');
  const counters = figureCounters();
  const rowOf = async (id: string, link: boolean) => {
    const f = await figuresOf(id, at, counters).catch((error: unknown) => {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    });
    if (!f) return '';
    const name = link ? `<a href="${site}/figures?unitId=${encodeURIComponent(id)}">${escapeHtml(f.unitName)}</a>` : escapeHtml(f.unitName);
    return `<tr data-unit="${escapeHtml(id)}"><td>${name}</td><td>${f.received}</td><td>${f.handled}</td><td>${f.inProgress}</td><td>${f.overdue}</td><td>${f.satisfactionRate === null ? '—' : `${f.satisfactionRate}%`}</td></tr>`;
  };
  const sections = await Promise.all(
    top.map(async (t) => {
      const children = units.filter((u) => u.parentId === t.id);
      const rows = [await rowOf(t.id, false), ...(await Promise.all(children.map((c) => rowOf(c.id, true))))].join('');
      return `<h3>${escapeHtml(t.name)}（含下级）</h3><table><thead><tr><th>单位</th><th>受理</th><th>办结</th><th>办理中</th><th>超期</th><th>满意率</th></tr></thead><tbody>${rows}</tbody></table>`;
    }),
  );
  return page(200, '投诉办理实时数据', `<p class="hint">数据随办理进展实时更新，各单位数据含其下级单位。</p>${sections.join('')}`);
};
