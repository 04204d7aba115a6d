/**
 * Talks by kind and warning notices outstanding and overdue, per unit, as horizontal bars: the
 * talks stacked by kind, the notices beside them. ECharts' modular build, in a chunk of its own.
 */
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { talkKindNames } from '../terms.js';
import { talkKinds, type InterviewChartData } from '../interviewUnits.js';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const kindColours = ['#0969da', '#8250df', '#bf8700', '#cf222e', '#6e7781'];

export const drawInterviews = (host: HTMLElement, data: InterviewChartData): (() => void) => {
  const chart = echarts.init(host, undefined, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 140, right: 24, top: 56, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: data.units, inverse: true },
    series: [
      ...talkKinds.map((k, i) => ({ name: talkKindNames[k], type: 'bar', stack: 'talks', data: data.talks[k], itemStyle: { color: kindColours[i] } })),
      { name: '预警未办结', type: 'bar', data: data.outstanding, itemStyle: { color: '#d4a72c' } },
      { name: '预警逾期未回复', type: 'bar', data: data.overdue, itemStyle: { color: '#8c1c13' } },
    ],
  });
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    chart.dispose();
  };
};
