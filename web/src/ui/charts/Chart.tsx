import { useEffect, useLayoutEffect, useRef } from 'react';
import { useI18n } from '../../i18n/i18n';
import { Chart as ChartJs, type ChartConfig, type DrawnChart } from './chartjs';
import './chart.css';

/** What a chart shows, as a table for screen readers (the canvas itself says nothing to them). */
export interface ChartTable {
  head: string[];
  rows: (string | number)[][];
}

/**
 * One Chart.js chart on a canvas. It follows its box's size (Chart.js watches the box, since the console's columns change
 * width without the window resizing) and is destroyed on unmount, so a visited dashboard leaves nothing behind.
 */
export function Chart({ testId, label, config, table }: { testId: string; label: string; config: ChartConfig; table: ChartTable }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<DrawnChart | null>(null);
  const drawnConfig = useRef('');

  // Drawn as the page is committed, before it is painted: the page is painted once with its charts, not first without.
  useLayoutEffect(() => {
    const element = box.current;
    if (!element || !canvas.current) return;
    // A refresh that brings the same figures (a cache-and-network query finding nothing new) does not redraw them.
    // The callbacks a config holds are left out of the comparison; they only read the figures that are compared.
    const drawing = JSON.stringify(config);
    if (chart.current && drawing === drawnConfig.current) return;
    drawnConfig.current = drawing;
    // Marked for tests and the web benchmark, which wait for every chart to have drawn its figures.
    element.dataset.drawn = 'false';
    const drawn = { id: 'drawn', afterRender: () => void (element.dataset.drawn = 'true') };
    // No animation: a page's figures should be there at once, and figures that move on every change of range should
    // not keep a person waiting each time.
    const options = { ...config.options, animation: false as const, responsive: true, maintainAspectRatio: false };
    if (chart.current) {
      chart.current.data = config.data;
      chart.current.options = options;
      chart.current.update();
    } else chart.current = new ChartJs(canvas.current, { ...config, options, plugins: [drawn] });
  }, [config]);

  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );

  return (
    <figure className="chart">
      <figcaption className="chart-title">{label}</figcaption>
      <div ref={box} className="chart-canvas" data-testid={testId} data-chart role="img" aria-label={label}>
        <canvas ref={canvas} />
      </div>
      {table.rows.length === 0 && <p className="muted small">{t('chart.empty')}</p>}
      <table className="visually-hidden">
        <caption>{label}</caption>
        <thead>
          <tr>
            {table.head.map((cell) => (
              <th key={cell} scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, index) => (
            <tr key={index}>
              {row.map((cell, column) =>
                column === 0 ? (
                  <th key={column} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={column}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
