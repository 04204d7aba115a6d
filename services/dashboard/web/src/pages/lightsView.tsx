/**
 * Key-task lights of the viewer's subtree: a heat map of unit × quarter (the worst light of the
 * unit's tasks in the quarter, every task's reason on hover) and the table of tasks beside it, which
 * says the same for a screen reader and exports.
 */
import { useLive } from '../live.js';
import { DataTable } from '../dataTable.js';
import { LiveLine } from '../liveLine.js';
import { lightNames, type Light } from '../terms.js';
import { Chart } from '../widgets.js';

export interface Task {
  readonly taskId: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly title: string;
  readonly responsible: { readonly name: string };
  readonly closed: boolean;
  readonly lights: Partial<Record<'1' | '2' | '3' | '4', Light>>;
  readonly reasons: Partial<Record<'1' | '2' | '3' | '4', string>>;
}

const quarters = ['1', '2', '3', '4'] as const;

const HeatMap = ({ tasks, year }: { tasks: readonly Task[]; year: number }) => (
  <Chart
    load={async () => (await import('../charts/lights.js')).drawLights}
    data={tasks}
    height={Math.max(200, new Set(tasks.map((t) => t.unitId)).size * 28 + 80)}
    label={`${year}年度重点任务各单位各季度亮灯热力图，详见下表`}
  />
);

export const LightsView = ({ year }: { year: number }) => {
  const live = useLive<{ year: number; tasks: readonly Task[] }>(`/api/dashboard/key-task-lights?year=${year}`);
  const tasks = live.data?.tasks ?? [];
  return (
    <>
      <LiveLine live={live} />
      <section class="card" aria-labelledby="heat-title">
        <h2 id="heat-title">重点任务季度亮灯（单位 × 季度）</h2>
        {tasks.length === 0 ? <p class="muted">{live.loading ? '正在加载…' : '本年度暂无重点任务。'}</p> : <HeatMap tasks={tasks} year={year} />}
      </section>
      <DataTable
        title="重点任务"
        caption="各单位重点任务及每季度亮灯和原因"
        filter={`${year}年度 · 本级及下级单位`}
        rows={tasks}
        rowKey={(t) => t.taskId}
        empty="本年度暂无重点任务。"
        columns={[
          { header: '单位', value: (t) => t.unitName, rowHeader: true },
          { header: '任务', value: (t) => t.title, width: 30 },
          { header: '责任人', value: (t) => t.responsible.name },
          ...quarters.map((q) => ({
            header: `第${q}季度`,
            cell: (t: Task) => {
              const light = t.lights[q];
              return light ? <span class={`light ${light}`} title={t.reasons[q] ?? ''}>{lightNames[light]}</span> : <span class="muted">—</span>;
            },
            value: (t: Task) => {
              const light = t.lights[q];
              return light ? `${lightNames[light]}${t.reasons[q] ? `：${t.reasons[q]}` : ''}` : '';
            },
            width: 24,
          })),
          { header: '销号', value: (t) => (t.closed ? '已销号' : '') },
        ]}
      />
    </>
  );
};
