import type { ChartOption } from '../../ui/charts/echarts';

/** Builders of the dashboard's chart options from the API's figures: pure, so each chart only redraws on new data. */

const RED = '#d9002a';
const PALETTE = [RED, '#ff7a45', '#ffc53d', '#36cfc9', '#597ef7', '#9254de', '#73d13d', '#8c8c8c'];

export function funnelOption(steps: { name: string; value: number }[]): ChartOption {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'funnel',
        // The steps keep the funnel's order even where a later one outnumbers an earlier one (likes without a read).
        sort: 'none',
        left: '10%',
        width: '80%',
        minSize: '8%',
        label: { show: true, position: 'inside', formatter: '{b}: {c}' },
        data: steps,
      },
    ],
  };
}

export function seriesOption(
  labels: string[],
  gmv: { name: string; values: number[] },
  orders: { name: string; values: number[] },
): ChartOption {
  return {
    color: [RED, '#597ef7'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: labels },
    yAxis: [
      { type: 'value', name: gmv.name },
      { type: 'value', name: orders.name, minInterval: 1 },
    ],
    series: [
      { type: 'line', name: gmv.name, data: gmv.values, smooth: true, showSymbol: labels.length <= 31 },
      { type: 'bar', name: orders.name, data: orders.values, yAxisIndex: 1 },
    ],
  };
}

export function attributionOption(
  kinds: string[],
  gmv: { name: string; values: number[] },
  orders: { name: string; values: number[] },
): ChartOption {
  return {
    color: [RED, '#597ef7'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: kinds },
    yAxis: [
      { type: 'value', name: gmv.name },
      { type: 'value', name: orders.name, minInterval: 1 },
    ],
    series: [
      { type: 'bar', name: gmv.name, data: gmv.values },
      { type: 'bar', name: orders.name, data: orders.values, yAxisIndex: 1 },
    ],
  };
}

export function topicsOption(shares: { name: string; value: number }[]): ChartOption {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    series: [{ type: 'pie', radius: ['35%', '70%'], label: { formatter: '{b} {d}%' }, data: shares }],
  };
}
