import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
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

/** GMV and orders over time: GMV as a line on the left axis, orders as bars on the right. */
export function seriesOption(labels: string[], gmv: Figures, orders: Figures): ChartOption {
  return gmvAndOrders(labels, { ...line(gmv), smooth: true, showSymbol: labels.length <= 31 }, orders);
}

/** GMV and orders by kind of attribution (click, view-through, organic), both as bars. */
export function attributionOption(kinds: string[], gmv: Figures, orders: Figures): ChartOption {
  return gmvAndOrders(kinds, bar(gmv), orders);
}

interface Figures {
  name: string;
  values: number[];
}

const line = (figures: Figures): LineSeriesOption => ({ type: 'line', name: figures.name, data: figures.values });
const bar = (figures: Figures): BarSeriesOption => ({ type: 'bar', name: figures.name, data: figures.values });

/** One chart of GMV (money, left axis) and orders (whole numbers, right axis, as bars) over the same categories. */
function gmvAndOrders(categories: string[], gmv: BarSeriesOption | LineSeriesOption, orders: Figures): ChartOption {
  return {
    color: [RED, '#597ef7'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: categories },
    yAxis: [
      { type: 'value', name: String(gmv.name) },
      { type: 'value', name: orders.name, minInterval: 1 },
    ],
    series: [gmv, { ...bar(orders), yAxisIndex: 1 }],
  };
}

export function topicsOption(shares: { name: string; value: number }[]): ChartOption {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    series: [{ type: 'pie', radius: ['35%', '70%'], label: { formatter: '{b} {d}%' }, data: shares }],
  };
}
