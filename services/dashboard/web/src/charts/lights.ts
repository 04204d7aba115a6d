/**
 * The key-task lights as a heat map, unit × quarter: each cell the worst light of the unit's tasks
 * in that quarter, its tooltip every task with its light and reason. A chunk of its own.
 */
import * as echarts from 'echarts/core';
import { HeatmapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { lightNames, type Light } from '../terms.js';
import type { Task } from '../pages/lightsView.js';

echarts.use([HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

const severity: Record<Light, number> = { green: 0, yellow: 1, red: 2 };
const colours = ['#2da44e', '#d4a72c', '#cf222e'];
const quarters = ['1', '2', '3', '4'] as const;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const drawLights = (host: HTMLElement, tasks: readonly Task[]): (() => void) => {
  const units = [...new Map(tasks.map((t) => [t.unitId, t.unitName])).entries()];
  const cells: Array<[number, number, number]> = [];
  const tips = new Map<string, string>();
  units.forEach(([unitId], y) =>
    quarters.forEach((q, x) => {
      const rated = tasks.filter((t) => t.unitId === unitId && t.lights[q]);
      if (rated.length === 0) return;
      cells.push([x, y, Math.max(...rated.map((t) => severity[t.lights[q]!]))]);
      tips.set(`${x},${y}`, rated.map((t) => `${escape(t.title)}：${lightNames[t.lights[q]!]}${t.reasons[q] ? `（${escape(t.reasons[q]!)}）` : ''}`).join('<br/>'));
    }),
  );
  const chart = echarts.init(host, undefined, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    tooltip: { formatter: (p: { data: [number, number, number] }) => `${escape(units[p.data[1]]![1])} 第${p.data[0] + 1}季度<br/>${tips.get(`${p.data[0]},${p.data[1]}`) ?? ''}` },
    grid: { left: 160, right: 20, top: 10, bottom: 60 },
    xAxis: { type: 'category', data: quarters.map((q) => `第${q}季度`), splitArea: { show: true } },
    yAxis: { type: 'category', data: units.map(([, name]) => name), inverse: true, splitArea: { show: true } },
    visualMap: { type: 'piecewise', dimension: 2, orient: 'horizontal', left: 'center', bottom: 0, pieces: [0, 1, 2].map((v) => ({ value: v, label: ['绿灯', '黄灯', '红灯'][v], color: colours[v] })) },
    series: [{ type: 'heatmap', data: cells, label: { show: false }, itemStyle: { borderColor: '#fff', borderWidth: 2 } }],
  });
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    chart.dispose();
  };
};
