import { useMemo } from 'react';
import { Chart } from '../../ui/charts/Chart';
import { PALETTE, type ChartConfig } from '../../ui/charts/chartjs';

export interface Series {
  name: string;
  values: number[];
}

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
          borderColor: PALETTE[i % PALETTE.length],
          backgroundColor: PALETTE[i % PALETTE.length],
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
