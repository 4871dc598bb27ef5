import { BLUE, PALETTE, RED, type ChartConfig } from '../../ui/charts/chartjs';

/** Builders of the dashboard's charts from the API's figures: pure, so each chart only redraws on new data. */

/**
 * The narrowest a funnel step with anything in it is drawn, as a share of the widest: orders are a sliver of
 * impressions, yet must show.
 */
const MIN_STEP = 0.04;

interface Step {
  name: string;
  value: number;
}

/**
 * The funnel as a funnel: one centred bar per step, as wide as its count (never narrower than MIN_STEP, unless empty),
 * in the funnel's order even where a later step outnumbers an earlier one (likes without a read). Each step is named
 * with its count.
 */
export function funnelConfig(steps: Step[], format: (value: number) => string): ChartConfig {
  const widest = Math.max(1, ...steps.map((step) => step.value));
  return {
    type: 'bar',
    data: {
      labels: steps.map((step) => `${step.name}  ${format(step.value)}`),
      datasets: [
        {
          data: steps.map((step): [number, number] => {
            const half = step.value === 0 ? 0 : Math.max(step.value / widest, MIN_STEP) / 2;
            return [-half, half];
          }),
          backgroundColor: PALETTE.slice(0, steps.length),
          borderRadius: 4,
          barPercentage: 0.9,
          categoryPercentage: 1,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      scales: { x: { display: false, min: -0.5, max: 0.5 }, y: { grid: { display: false }, border: { display: false } } },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (item) => format(steps[item.dataIndex]?.value ?? 0) } },
      },
    },
  };
}

interface Figures {
  name: string;
  values: number[];
}

/** GMV and orders over time: GMV as a line on the left axis, orders as bars on the right. */
export function seriesConfig(labels: string[], gmv: Figures, orders: Figures): ChartConfig {
  return gmvAndOrders(labels, { ...gmv, type: 'line' }, orders);
}

/** GMV and orders by kind of attribution (click, view-through, organic), both as bars. */
export function attributionConfig(kinds: string[], gmv: Figures, orders: Figures): ChartConfig {
  return gmvAndOrders(kinds, { ...gmv, type: 'bar' }, orders);
}

/** One chart of GMV (money, left axis) and orders (whole numbers, right axis, as bars) over the same categories. */
function gmvAndOrders(categories: string[], gmv: Figures & { type: 'line' | 'bar' }, orders: Figures): ChartConfig {
  return {
    type: 'bar',
    data: {
      labels: categories,
      datasets: [
        {
          type: gmv.type,
          label: gmv.name,
          data: gmv.values,
          yAxisID: 'y',
          borderColor: RED,
          backgroundColor: RED,
          tension: 0.3,
          pointRadius: categories.length <= 31 ? 2 : 0,
          order: 0,
        },
        { type: 'bar', label: orders.name, data: orders.values, yAxisID: 'orders', backgroundColor: BLUE, order: 1 },
      ],
    },
    options: {
      interaction: { mode: 'index', intersect: false },
      scales: {
        y: { position: 'left', beginAtZero: true, title: { display: true, text: gmv.name } },
        orders: {
          position: 'right',
          beginAtZero: true,
          ticks: { precision: 0 },
          grid: { drawOnChartArea: false },
          title: { display: true, text: orders.name },
        },
      },
    },
  };
}

/** The audience's topics, the most read first, as bars; each named with its reads and share in the tooltip. */
export function topicsConfig(topics: (Step & { detail: string })[]): ChartConfig {
  return {
    type: 'bar',
    data: {
      labels: topics.map((topic) => topic.name),
      datasets: [{ data: topics.map((topic) => topic.value), backgroundColor: topics.map((_, i) => PALETTE[i % PALETTE.length] ?? RED) }],
    },
    options: {
      indexAxis: 'y',
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { grid: { display: false } } },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (item) => topics[item.dataIndex]?.detail ?? '' } },
      },
    },
  };
}
