/**
 * The oversight dashboard: annual-report progress over the viewer's subtree, with drill-down from
 * the viewer's unit to any unit below it, the late and missing lists, and submissions per day
 * against the deadline; and the other views of the subtree (signing, lights, rectifications,
 * reminders, talks, warning notices, the ledgers' sums; accountability cases, integrity files and
 * the year-end assessment, to the commission and the organisation department only). Live: each
 * loads again whenever the read models move (`live.ts`).
 */
import { useMemo, useState } from 'preact/hooks';
import { useLive } from '../live.js';
import type { Session } from '../session.js';
import { reportStatusNames } from '../terms.js';
import { ExportButton } from '../exportButton.js';
import { Chart, StatCards, Tabs } from '../widgets.js';
import { oversightViews } from '../paths.js';
import { SigningView } from './signingView.js';
import { LightsView } from './lightsView.js';
import { RectificationsView } from './rectificationsView.js';
import { RemindersView } from './remindersView.js';
import { Lazy } from '../lazy.js';
import { caseReaders } from '../cases.js';
import { isLate, isSubmitted, pageYear, reportYearDue, tally, treeOf, yearInProgress, type Tally, type Tree, type UnitRow } from '../tree.js';

interface Overview {
  readonly year: number;
  readonly units: readonly UnitRow[];
}

const percent = (t: Tally) => (t.expected === 0 ? '—' : `${Math.round((t.submitted / t.expected) * 100)}%`);
const timeText = (d: Date) => d.toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });

const Cards = ({ t }: { t: Tally }) => (
  <StatCards
    stats={[
      { label: '应报单位', value: t.expected, name: 'expected' },
      { label: '已报送', value: t.submitted, tone: 'ok', name: 'submitted' },
      { label: '其中逾期', value: t.late, tone: 'warn', name: 'late' },
      { label: '未报送', value: t.missing, tone: 'bad', name: 'missing' },
      { label: '报送率', value: percent(t), name: 'percent' },
    ]}
  />
);

const pathText = (tree: Tree, unitId: string) =>
  tree
    .path(unitId)
    .map((u) => u.name)
    .join(' / ');

const UnitList = ({ title, rows, tree, empty, filter }: { title: string; rows: readonly UnitRow[]; tree: Tree; empty: string; filter: string }) => (
  <section class="card" aria-labelledby={`list-${title}`}>
    <div class="card-head">
      <h2 id={`list-${title}`}>
        {title}（{rows.length}）
      </h2>
      <ExportButton
        label={`导出${title}名单`}
        request={() => ({
          title: `年度履责报告${title}单位`,
          filter: `${filter} · ${title}`,
          fileName: `年度报告-${title}-${filter}`,
          columns: [
            { header: '单位路径', value: (r: UnitRow) => pathText(tree, r.unitId), width: 48 },
            { header: '单位', value: (r: UnitRow) => r.name, width: 24 },
            { header: '状态', value: (r: UnitRow) => reportStatusNames[r.status], width: 12 },
            { header: '最近变动时间', value: (r: UnitRow) => (r.report?.changedAt ? new Date(r.report.changedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : ''), width: 22 },
          ],
          rows,
        })}
      />
    </div>
    {rows.length === 0 ? (
      <p class="muted">{empty}</p>
    ) : (
      <ul class="plain">
        {rows.map((r) => (
          <li key={r.unitId}>
            {pathText(tree, r.unitId)}
            <span class={`badge ${r.status}`}>{reportStatusNames[r.status]}</span>
          </li>
        ))}
      </ul>
    )}
  </section>
);

/** Submissions per day against the deadline; ECharts is loaded only here, after the numbers show. */
const SubmissionChart = ({ rows, year }: { rows: readonly UnitRow[]; year: number }) => (
  <Chart
    load={async () => (await import('../charts/submissions.js')).drawSubmissions(year)}
    data={rows}
    label={`${year}年度报告每日报送数量与截止日期（${year + 1}年1月31日）对照图`}
  />
);

const ReportsView = ({ session }: { session: Session }) => {
  const [year, setYear] = useState(pageYear);
  const live = useLive<Overview>(`/api/dashboard/annual-reports?year=${year}&detail=true`);
  const tree = useMemo(() => treeOf(live.data?.units ?? []), [live.data]);
  const [focus, setFocus] = useState<string | null>(session.unitId);
  const top = session.unitId;
  // Derived once per answer and focus: the chart is drawn again only when its rows change.
  const { scope, total, late, missing, crumbs, filter, tallies } = useMemo(() => {
    const scope = focus === null ? (live.data?.units ?? []) : tree.subtree(focus);
    const rows = focus === null ? tree.children(null) : tree.children(focus);
    return {
      scope,
      total: tally(scope),
      late: scope.filter(isLate),
      missing: scope.filter((r) => !isSubmitted(r)),
      crumbs: focus === null ? [] : tree.path(focus).filter((u) => top === null || tree.path(u.unitId).some((p) => p.unitId === top)),
      filter: `${year}年度 · ${focus === null ? '全部单位' : `${tree.byId.get(focus)?.name ?? ''}及下级单位`}`,
      tallies: rows.map((row) => ({ row, t: tally(tree.subtree(row.unitId)) })),
    };
  }, [tree, focus, year]);

  return (
    <>
      <div class="page-head">
        <h2 class="view-title">年度履责报告报送进度</h2>
        <div class="field inline">
          <label for="year">报告年度</label>
          <select id="year" value={String(year)} onChange={(e) => setYear(Number((e.target as HTMLSelectElement).value))}>
            {[...new Set([year, ...[0, 1, 2, 3].map((back) => reportYearDue() - back)])].sort((a, b) => b - a).map((y) => {
              return (
                <option key={y} value={String(y)}>
                  {y}年度
                </option>
              );
            })}
          </select>
        </div>
        <p class="live">
          {live.loadedAt ? `实时更新 · ${timeText(live.loadedAt)}` : '正在加载…'}
        </p>
      </div>
      <nav aria-label="单位层级" class="crumbs">
        {top === null && (
          <button type="button" class="link" onClick={() => setFocus(null)}>
            全部单位
          </button>
        )}
        {crumbs.map((u, i) => (
          <span key={u.unitId}>
            {(i > 0 || top === null) && ' › '}
            {i === crumbs.length - 1 ? (
              <strong aria-current="location">{u.name}</strong>
            ) : (
              <button type="button" class="link" onClick={() => setFocus(u.unitId)}>
                {u.name}
              </button>
            )}
          </span>
        ))}
      </nav>
      {live.error && (
        <p role="alert" class="error">
          {live.error.message}
        </p>
      )}
      <section aria-label="汇总">
        <Cards t={total} />
      </section>
      <section class="card" aria-labelledby="units-title">
        <div class="card-head">
          <h2 id="units-title">下级单位</h2>
          <ExportButton
            request={() => ({
              title: '年度履责报告报送进度',
              filter,
              fileName: `年度报告报送进度-${filter}`,
              columns: [
                { header: '单位路径', value: ({ row }: (typeof tallies)[number]) => pathText(tree, row.unitId), width: 48 },
                { header: '本单位报告', value: ({ row }: (typeof tallies)[number]) => reportStatusNames[row.status], width: 12 },
                { header: '应报', value: ({ t }: (typeof tallies)[number]) => t.expected },
                { header: '已报送', value: ({ t }: (typeof tallies)[number]) => t.submitted },
                { header: '逾期', value: ({ t }: (typeof tallies)[number]) => t.late },
                { header: '未报送', value: ({ t }: (typeof tallies)[number]) => t.missing },
                { header: '报送率', value: ({ t }: (typeof tallies)[number]) => percent(t) },
              ],
              rows: tallies,
            })}
          />
        </div>
        {tallies.length === 0 ? (
          <p class="muted">{live.loading ? '正在加载…' : '没有下级单位。'}</p>
        ) : (
          <div class="scroll">
          <table>
            <caption class="visually-hidden">各下级单位及其所辖单位的报送情况，点击单位名称查看下一级</caption>
            <thead>
              <tr>
                <th scope="col">单位</th>
                <th scope="col">本单位报告</th>
                <th scope="col">应报</th>
                <th scope="col">已报送</th>
                <th scope="col">逾期</th>
                <th scope="col">未报送</th>
                <th scope="col">报送率</th>
              </tr>
            </thead>
            <tbody>
              {tallies.map(({ row, t }) => {
                const below = tree.children(row.unitId).length > 0;
                return (
                  <tr key={row.unitId}>
                    <th scope="row">
                      {below ? (
                        <button type="button" class="link" onClick={() => setFocus(row.unitId)} aria-label={`${row.name}，查看下一级`}>
                          {row.name}
                        </button>
                      ) : (
                        row.name
                      )}
                    </th>
                    <td>
                      <span class={`badge ${row.status}`}>{reportStatusNames[row.status]}</span>
                    </td>
                    <td>{t.expected}</td>
                    <td>{t.submitted}</td>
                    <td>{t.late}</td>
                    <td>{t.missing}</td>
                    <td>{percent(t)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          </div>
        )}
      </section>
      <div class="columns">
        <UnitList title="逾期报送" rows={late} tree={tree} empty="没有逾期报送的单位。" filter={filter} />
        <UnitList title="未报送" rows={missing} tree={tree} empty="所有单位均已报送。" filter={filter} />
      </div>
      <section class="card" aria-labelledby="chart-title">
        <h2 id="chart-title">每日报送数量</h2>
        {live.data && <SubmissionChart rows={scope} year={year} />}
      </section>
    </>
  );
};

const views = oversightViews;

// Talks, warning notices and the ledgers' sums are chunks of their own, loaded when opened.
const loadTalks = async () => (await import('./talksView.js')).TalksView;
const loadWarnings = async () => (await import('./warningsView.js')).WarningsView;
const loadLedgerSums = async () => (await import('./ledgerSumsView.js')).LedgerSumsView;
const interviewViews: Readonly<Record<string, typeof loadTalks>> = { '/oversight/talks': loadTalks, '/oversight/warnings': loadWarnings, '/oversight/ledger-sums': loadLedgerSums };
// Cases and integrity files are personal records, and the year-end assessment the commission's: their views are chunks of their own, shown only to the roles that read them.
const loadCases = async () => (await import('./casesView.js')).CasesView;
const loadIntegrityFiles = async () => (await import('./integrityFileView.js')).IntegrityFileView;
const loadAssessments = async () => (await import('./assessmentsView.js')).AssessmentsView;
const recordViews: Readonly<Record<string, typeof loadCases>> = { '/oversight/cases': loadCases, '/oversight/integrity-files': loadIntegrityFiles, '/oversight/assessments': loadAssessments };
// Public complaints and the publication review are the handling discipline body's work: a chunk of their own, shown to it only.
const loadComplaints = async () => (await import('./disclosureView.js')).ComplaintsView;
const loadPublication = async () => (await import('./disclosureView.js')).PublicationView;
const disclosureViews: Readonly<Record<string, typeof loadComplaints>> = { '/oversight/complaints': loadComplaints, '/oversight/publication': loadPublication };

/** The oversight dashboard: one view at a time, chosen in its own navigation; every view is of the viewer's subtree. */
export const Oversight = ({ session, path }: { session: Session; path: string }) => {
  const shown = (caseReaders.includes(session.role) ? views : views.filter((v) => !(v.path in recordViews))).filter((v) => session.role === 'discipline_inspector' || !(v.path in disclosureViews));
  const view = shown.find((v) => v.path === path) ?? shown[0]!;
  const interviews = interviewViews[view.path];
  const records = recordViews[view.path] ?? disclosureViews[view.path];
  return (
    <div class="page">
      <h1>监督看板</h1>
      <Tabs label="看板内容" views={shown} current={view.path} />
      {records ? (
        <Lazy load={records} props={{ session }} />
      ) : interviews ? (
        session.role === 'admin' ? (
          <p>谈话记录、预警提示和廉政教育台账由纪委、组织部门和单位党组织书记查阅，系统管理员无权查阅。</p>
        ) : (
          <Lazy load={interviews} props={{ session }} />
        )
      ) : view.path === '/oversight/signing' ? (
        <SigningView year={yearInProgress()} />
      ) : view.path === '/oversight/lights' ? (
        <LightsView year={yearInProgress()} />
      ) : view.path === '/oversight/rectifications' ? (
        <RectificationsView />
      ) : view.path === '/oversight/reminders' ? (
        <RemindersView />
      ) : (
        <ReportsView session={session} />
      )}
    </div>
  );
};
