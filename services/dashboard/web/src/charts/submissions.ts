/**
 * The chart of submissions per day against the deadline, drawn with ECharts' modular build
 * (only the bar and line series, the grid, tooltip, mark line and canvas renderer), in a chunk of
 * its own that the first load does not carry.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent, LegendComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { submittedStatuses } from '../terms.js';
import type { UnitRow } from '../tree.js';

echarts.use([BarChart, LineChart, GridComponent, MarkLineComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

/** A day in China Standard Time, `YYYY-MM-DD`. */
const cstDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Draws the year's submissions into `host`; answers how to dispose of it. */
export const drawSubmissions = (year: number) => (host: HTMLElement, rows: readonly UnitRow[]): (() => void) => {
  const deadline = `${year + 1}-01-31`;
  const perDay = new Map<string, number>();
  for (const row of rows) {
    const at = row.report?.changedAt;
    if (submittedStatuses.includes(row.status) && at) perDay.set(cstDay(at), (perDay.get(cstDay(at)) ?? 0) + 1);
  }
  const days = [...new Set([...perDay.keys(), deadline])].sort();
  let running = 0;
  const cumulative = days.map((d) => (running += perDay.get(d) ?? 0));
  const chart = echarts.init(host, undefined, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['当日报送', '累计报送'] },
    grid: { left: 40, right: 40, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: days },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '当日报送', type: 'bar', data: days.map((d) => perDay.get(d) ?? 0), markLine: { symbol: 'none', data: [{ xAxis: deadline, name: '截止日期' }], label: { formatter: '截止日期' } } },
      { name: '累计报送', type: 'line', data: cumulative },
    ],
  });
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    chart.dispose();
  };
};
