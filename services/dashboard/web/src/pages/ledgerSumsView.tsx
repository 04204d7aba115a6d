/**
 * The ledgers summed for a year (台账年度汇总), as a unit's discipline body sums them: each unit of
 * the subtree with its education plan, sessions, trainings, warning notices and replies and talks
 * held, and the total, in a table that exports; beside it a chart of talks by kind and notices
 * outstanding and overdue per unit, from the dashboard's interviews overview, with its table.
 */
import { useMemo } from 'preact/hooks';
import { useLive } from '../live.js';
import { LiveLine } from '../liveLine.js';
import { DataTable } from '../dataTable.js';
import { Chart, StatCards } from '../widgets.js';
import type { Session } from '../session.js';
import type { InterviewsRow, LedgerSums, LedgerSumsRow } from '../interviews.js';
import { chartDataOf, subtreeRows, talkKinds, type InterviewChartData } from '../interviewUnits.js';
import { sourceKindNames, talkKindNames, type SourceKind } from '../terms.js';
import { ScopeBar, scopeText, useScope } from './interviewScope.js';

const talksHeld = (row: Pick<LedgerSumsRow, 'talksHeld'>) => talkKinds.reduce((sum, k) => sum + (row.talksHeld[k] ?? 0), 0);

/** A unit's talks by where they came from, in words: `重点任务亮灯 2、热线线索 1`. */
const sourcesText = (row: InterviewsRow) =>
  (Object.keys(sourceKindNames) as SourceKind[])
    .filter((k) => (row.talksBySource[k] ?? 0) > 0)
    .map((k) => `${sourceKindNames[k]} ${row.talksBySource[k]}`)
    .join('、') || '—';

const InterviewsChart = ({ data, year }: { data: InterviewChartData; year: number }) => (
  <Chart
    load={async () => (await import('../charts/interviews.js')).drawInterviews}
    data={data}
    height={Math.max(220, data.units.length * 32 + 100)}
    label={`${year}年度各单位谈话（按类型）和预警提示未办结、逾期情况图，详见下表`}
  />
);

export const LedgerSumsView = ({ session }: { session: Session }) => {
  const scope = useScope(session);
  const unitId = scope.unitId;
  const live = useLive<LedgerSums>(unitId ? `/api/units/${encodeURIComponent(unitId)}/ledger-sums?year=${scope.year}` : undefined);
  const total = live.data?.total;
  const rows = useMemo<LedgerSumsRow[]>(() => (live.data ? [...live.data.rows, { unitId: '', unitName: '合计', ...live.data.total }] : []), [live.data]);
  const overview = scope.overview;
  const units = useMemo(() => (unitId ? subtreeRows(overview.data?.rows ?? [], unitId) : []), [overview.data, unitId]);
  const chartData = useMemo(() => chartDataOf(units), [units]);
  const filter = scopeText(scope);
  return (
    <>
      <LiveLine live={live} />
      <ScopeBar title="台账年度汇总" scope={scope} />
      <StatCards
        stats={[
          { label: '报备教育计划', value: total?.planFiled, name: 'plans' },
          { label: '教育活动', value: total?.sessions, name: 'sessions' },
          { label: '任前廉政培训', value: total?.trainings, name: 'trainings' },
          { label: '预警提示', value: total?.noticesIssued, tone: 'warn', name: 'notices' },
          { label: '逾期未回复', value: total?.repliesOverdue, tone: 'bad', name: 'overdue' },
        ]}
      />
      <DataTable
        title="各单位台账汇总"
        caption="本单位及下级单位廉政教育台账和预警提示台账的年度汇总，最后一行为合计"
        filter={filter}
        headingLevel={3}
        rows={rows}
        rowKey={(r) => r.unitId || 'total'}
        empty={live.loading && !live.data ? '正在加载…' : '没有可汇总的台账。'}
        columns={[
          { header: '单位', value: (r) => r.unitName, rowHeader: true, width: 24 },
          { header: '报备教育计划', value: (r) => r.planFiled },
          { header: '教育活动', value: (r) => r.sessions },
          { header: '参加人次', value: (r) => r.attendance },
          { header: '任前培训', value: (r) => r.trainings },
          { header: '预警提示', value: (r) => r.noticesIssued },
          { header: '按期回复', value: (r) => r.repliesOnTime },
          { header: '逾期回复', value: (r) => r.repliesLate },
          { header: '回复认可', value: (r) => r.repliesAccepted },
          { header: '回复退回', value: (r) => r.repliesReturned },
          { header: '逾期未回复', value: (r) => r.repliesOverdue },
          ...talkKinds.map((k) => ({ header: talkKindNames[k], value: (r: LedgerSumsRow) => r.talksHeld[k] ?? 0 })),
          { header: '谈话合计', value: (r) => talksHeld(r) },
          { header: '系统建议谈话', value: (r) => r.talksSuggested },
        ]}
      />
      <section class="card" aria-labelledby="interviews-chart-title">
        <h3 id="interviews-chart-title">各单位谈话与预警</h3>
        {overview.error && (
          <p role="alert" class="error">
            {overview.error.message}
          </p>
        )}
        {units.length === 0 ? <p class="muted">{overview.loading && !overview.data ? '正在加载…' : '暂无数据。'}</p> : <InterviewsChart data={chartData} year={scope.year} />}
      </section>
      <DataTable
        title="各单位谈话与预警情况"
        caption="各单位本年度各类谈话次数和预警提示办理情况，与上图数字相同"
        filter={filter}
        headingLevel={3}
        rows={units}
        rowKey={(r) => r.unitId}
        empty="暂无数据。"
        columns={[
          { header: '单位', value: (r: InterviewsRow) => r.name, rowHeader: true, width: 24 },
          ...talkKinds.map((k) => ({ header: talkKindNames[k], value: (r: InterviewsRow) => r.talksByKind[k] ?? 0 })),
          { header: '系统建议谈话', value: (r) => r.suggested },
          { header: '谈话来源', value: (r) => sourcesText(r), width: 30 },
          { header: '预警提示', value: (r) => r.noticesIssued },
          { header: '预警未办结', value: (r) => r.noticesOutstanding },
          { header: '逾期未回复', value: (r) => r.noticesOverdue },
          { header: '回复已认可', value: (r) => r.noticesAccepted },
        ]}
      />
    </>
  );
};
