import { useEffect, useRef } from 'react';
import type { LineSeriesOption } from 'echarts/charts';
import { LineChart } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only what a line chart needs, drawn as SVG (crisp at any zoom, and readable in the DOM); this file is loaded with the
// data centre alone, so the publish page never pays for the charting library.
use([LineChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

type ChartOption = ComposeOption<LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export interface Series {
  name: string;
  values: number[];
}

/** Lines of daily figures over `days` (UTC dates), with a legend and a tooltip; described in words for screen readers. */
export function SeriesChart({ days, series, label }: { days: string[]; series: Series[]; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const chart = init(element, null, { renderer: 'svg' });
    const option: ChartOption & { aria: { enabled: boolean; label: { description: string } } } = {
      aria: { enabled: true, label: { description: label } },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: days, boundaryGap: false },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((line) => ({ name: line.name, type: 'line', data: line.values, showSymbol: days.length <= 31 })),
    };
    chart.setOption(option);
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [days, series, label]);
  return <div ref={box} className="series-chart" data-testid="series-chart" />;
}
