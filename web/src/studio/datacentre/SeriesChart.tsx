import { useMemo } from 'react';
import { Chart } from '../../ui/charts/Chart';
import type { ChartConfig } from '../../ui/charts/chartjs';

export interface Series {
  name: string;
  values: number[];
}

const COLOURS = ['#d9002a', '#597ef7', '#36cfc9', '#ffc53d', '#9254de', '#73d13d', '#ff7a45', '#8c8c8c'];

/** Lines of daily figures over `days` (UTC dates), with a legend and a tooltip; a table of them for screen readers. */
export function SeriesChart({ days, series, label }: { days: string[]; series: Series[]; label: string }) {
  const config = useMemo<ChartConfig>(
    () => ({
      type: 'line',
      data: {
        labels: days,
        datasets: series.map((line, i) => ({
          label: line.name,
          data: line.values,
          borderColor: COLOURS[i % COLOURS.length],
          backgroundColor: COLOURS[i % COLOURS.length],
          pointRadius: days.length <= 31 ? 2 : 0,
        })),
      },
      options: {
        interaction: { mode: 'index', intersect: false },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    }),
    [days, series],
  );
  const table = useMemo(
    () => ({
      head: ['', ...series.map((line) => line.name)],
      rows: days.map((day, i) => [day, ...series.map((line) => line.values[i] ?? 0)]),
    }),
    [days, series],
  );
  return <Chart testId="series-chart" label={label} config={config} table={table} />;
}
