import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/i18n';
import { init, type ChartOption } from './echarts';
import './chart.css';

const ANIMATION_MS = 300;

/** What a chart shows, as a table for screen readers (the canvas itself says nothing to them). */
export interface ChartTable {
  head: string[];
  rows: (string | number)[][];
}

/**
 * One ECharts chart on a canvas. It follows its container's size (a ResizeObserver, since the console's columns
 * change width without the window resizing) and is disposed on unmount, so a visited dashboard leaves nothing behind.
 */
export function Chart({ testId, label, option, table }: { testId: string; label: string; option: ChartOption; table: ChartTable }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  const drawn = useRef(false);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element, null, { renderer: 'canvas' });
    chart.current = instance;
    // An observer reports the size it first sees at once: a chart drawn at that size is not drawn a second time.
    const observer = new ResizeObserver(([entry]) => {
      const size = entry?.contentRect;
      if (size && (Math.round(size.width) !== instance.getWidth() || Math.round(size.height) !== instance.getHeight())) instance.resize();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    const element = box.current;
    if (!instance || !element) return;
    // Marked for tests and the web benchmark, which wait for every chart to have finished drawing its figures.
    element.dataset.drawn = 'false';
    instance.on('finished', () => {
      element.dataset.drawn = 'true';
    });
    // notMerge: a new range replaces the series outright instead of blending with the last one's. No animation the
    // first time, when there is nothing to move from and a page's figures should be there at once; then a short one:
    // figures that move on every change of range should not keep a person waiting a second each time.
    const animation = drawn.current ? { animationDuration: ANIMATION_MS, animationDurationUpdate: ANIMATION_MS } : { animation: false };
    drawn.current = true;
    instance.setOption({ ...animation, ...option }, { notMerge: true });
    return () => {
      if (!instance.isDisposed()) instance.off('finished');
    };
  }, [option]);

  return (
    <figure className="chart">
      <figcaption className="chart-title">{label}</figcaption>
      <div ref={box} className="chart-canvas" data-testid={testId} data-chart role="img" aria-label={label} />
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
