/**
 * The unit's feedback sheets of the year-end assessment (考核反馈单): for the year chosen and the one
 * before (an assessment of a year is usually published early in the next), each sheet with the unit's
 * result, rank and grade, the commission's summary and its demands with their due dates. Each demand
 * is followed as a rectification item of the unit: where the item stands is shown beside it, and the
 * evidence is submitted on the rectification page.
 */
import { useState } from 'preact/hooks';
import { useLive } from '../live.js';
import { LiveLine } from '../liveLine.js';
import { navigate } from '../router.js';
import { YearSelect } from '../formParts.js';
import { timeText } from '../dates.js';
import { yearInProgress } from '../tree.js';
import { rectificationStatusNames, type RectificationStatus } from '../terms.js';
import type { FeedbackSheet } from '../assessments.js';
import { gradeTones, pointsText } from '../assessmentTerms.js';
import '../assessments.css';

/** A rectification item of the unit, as far as a demand's progress needs it. */
interface Item {
  readonly rectificationId: string;
  readonly status: RectificationStatus;
  readonly overdue: boolean;
}

const rectificationsPath = '/portal/rectifications';

/** Where a demand's rectification item stands: its status, or that it is being opened. */
const Progress = ({ item }: { item: Item | undefined }) =>
  item === undefined ? (
    <span class="badge">整改事项生成中</span>
  ) : (
    <span class={`badge ${item.status === 'closed' ? 'accepted' : item.overdue ? 'missing' : 'draft'}`}>
      {rectificationStatusNames[item.status]}
      {item.overdue ? '（逾期）' : ''}
    </span>
  );

const SheetCard = ({ sheet, items }: { sheet: FeedbackSheet; items: ReadonlyMap<string, Item> }) => {
  const headingId = `feedback-${sheet.sheetId}`;
  return (
    <article class="card" aria-labelledby={headingId}>
      <div class="card-head">
        <h3 id={headingId}>{sheet.year}年度考核反馈单</h3>
        <span class="muted">下发于 {timeText(sheet.issuedAt)}</span>
      </div>
      <p data-field="result">
        考核结果：第{sheet.rank}名 · 总分{pointsText(sheet.overall)}分
        <span class={`badge ${gradeTones[sheet.grade]}`}>{sheet.grade}</span>
      </p>
      <h4>总体评价</h4>
      <p class="pre">{sheet.summary}</p>
      <h4>整改要求（{sheet.demands.length}项）</h4>
      <ol class="demands">
        {sheet.demands.map((d) => (
          <li key={d.requestId} data-field="demand">
            <span class="pre">{d.action}</span>　整改期限：{d.dueDate}
            <Progress item={items.get(d.requestId)} />
          </li>
        ))}
      </ol>
      <p class="muted">
        每项整改要求已转为本单位的整改事项，按期跟踪销号；请在
        <a
          href={rectificationsPath}
          onClick={(e) => {
            e.preventDefault();
            navigate(rectificationsPath);
          }}
        >
          整改事项
        </a>
        中提交整改佐证材料。
      </p>
    </article>
  );
};

export const FeedbackSheets = ({ unitId }: { unitId: string }) => {
  const [year, setYear] = useState(yearInProgress);
  const unit = encodeURIComponent(unitId);
  const chosen = useLive<{ sheets: readonly FeedbackSheet[] }>(`/api/units/${unit}/feedback-sheets?year=${year}`);
  const before = useLive<{ sheets: readonly FeedbackSheet[] }>(`/api/units/${unit}/feedback-sheets?year=${year - 1}`);
  const rectifications = useLive<{ rectifications: readonly Item[] }>(`/api/units/${unit}/rectifications`);
  const sheets = [...(chosen.data?.sheets ?? []), ...(before.data?.sheets ?? [])].sort((x, y) => y.issuedAt.localeCompare(x.issuedAt));
  const items = new Map((rectifications.data?.rectifications ?? []).map((i) => [i.rectificationId, i]));
  const loading = !chosen.data || !before.data;
  return (
    <>
      <LiveLine live={chosen} />
      {before.error && !chosen.error && (
        <p role="alert" class="error">
          {before.error.message}
        </p>
      )}
      <div class="page-head">
        <h2 class="view-title">考核反馈单</h2>
        <YearSelect id="feedback-year" value={year} onChange={setYear} current={yearInProgress()} />
      </div>
      <p class="muted">
        显示{year - 1}年度和{year}年度考核的反馈单。
      </p>
      {sheets.length === 0 ? <p class="muted">{loading ? '正在加载…' : '暂无考核反馈单。'}</p> : <p>共 {sheets.length} 份考核反馈单。</p>}
      {sheets.map((s) => (
        <SheetCard key={s.sheetId} sheet={s} items={items} />
      ))}
    </>
  );
};
