import { useMemo } from 'react';
import { Chart } from '../../ui/charts/Chart';
import type { ChartOption } from '../../ui/charts/echarts';

export interface Series {
  name: string;
  values: number[];
}

/** Lines of daily figures over `days` (UTC dates), with a legend and a tooltip; a table of them for screen readers. */
export function SeriesChart({ days, series, label }: { days: string[]; series: Series[]; label: string }) {
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: days, boundaryGap: false },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((line) => ({ name: line.name, type: 'line', data: line.values, showSymbol: days.length <= 31 })),
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
  return <Chart testId="series-chart" label={label} option={option} table={table} />;
}
