import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The dashboard's ceiling: a bare page that asks the API the dashboard's own query (the request the app sent, handed
 * to the page as window.__dashboardQuery) and draws the same four charts with Chart.js's own build, with no app around
 * them (no React, router, i18n or tables). What is left is the browser's, the library's and the server's share of a
 * first visit, which no web client drawing these charts could avoid. Its files are added to a copy of the build so
 * the product serves them as it serves the app's own.
 */
export const DASHBOARD_CEILING_PAGE = '/bench-dashboard-ceiling.html';

const CHART_JS = '/assets/bench-chart.umd.min.js';
const SCRIPT = '/assets/bench-dashboard-ceiling.js';

const BOX = '<div class="box" data-chart><canvas></canvas></div>';
// Four boxes as wide and as tall as the dashboard's chart boxes on a laptop-sized page, two to a row.
const HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>dashboard ceiling</title>
<style>.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; width: 1180px } .box { position: relative; height: 300px; contain: strict }</style>
<script defer src="${CHART_JS}"></script><script defer src="${SCRIPT}"></script>
</head><body><div class="grid">${BOX.repeat(4)}</div></body></html>
`;

// The app's charts (web/src/console/dashboard/options.ts) with the same figures: funnel steps as centred floating bars,
// GMV as a line over orders as bars by day, GMV and orders by kind of attribution, reads by topic.
const PAGE_SCRIPT = `(async () => {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer ' + localStorage.getItem('seedfeed.token') },
    body: window.__dashboardQuery,
  });
  const { data } = await response.json();
  const funnel = data.analyticsFunnel;
  const money = (sales) => sales.gmv.amountMinor / 100;
  const steps = [funnel.impressions, funnel.reads, funnel.engagements, funnel.productClicks, funnel.sales.orders];
  const widest = Math.max(1, ...steps);
  const twoAxes = { y: { position: 'left', beginAtZero: true }, orders: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } } };
  const kinds = [funnel.sales, funnel.viewThrough, funnel.organic];
  const configs = [
    { type: 'bar',
      data: { labels: ['impressions', 'reads', 'engagements', 'clicks', 'orders'], datasets: [{
        data: steps.map((value) => { const half = value === 0 ? 0 : Math.max(value / widest, 0.04) / 2; return [-half, half]; }),
        borderRadius: 4, barPercentage: 0.9, categoryPercentage: 1 }] },
      options: { indexAxis: 'y', scales: { x: { display: false, min: -0.5, max: 0.5 } }, plugins: { legend: { display: false } } } },
    { type: 'bar',
      data: { labels: data.analyticsSeries.map((point) => point.at.slice(5, 10)), datasets: [
        { type: 'line', label: 'GMV', data: data.analyticsSeries.map((point) => money(point.funnel.sales)), yAxisID: 'y', tension: 0.3, pointRadius: 2 },
        { type: 'bar', label: 'orders', data: data.analyticsSeries.map((point) => point.funnel.sales.orders), yAxisID: 'orders' }] },
      options: { interaction: { mode: 'index', intersect: false }, scales: twoAxes } },
    { type: 'bar',
      data: { labels: ['click', 'view-through', 'organic'], datasets: [
        { label: 'GMV', data: kinds.map(money), yAxisID: 'y' },
        { label: 'orders', data: kinds.map((sales) => sales.orders), yAxisID: 'orders' }] },
      options: { interaction: { mode: 'index', intersect: false }, scales: twoAxes } },
    { type: 'bar',
      data: { labels: data.audienceTopics.map((share) => share.topic), datasets: [{ data: data.audienceTopics.map((share) => share.reads) }] },
      options: { indexAxis: 'y', scales: { x: { beginAtZero: true } }, plugins: { legend: { display: false } } } },
  ];
  document.querySelectorAll('[data-chart]').forEach((box, index) => {
    const config = configs[index];
    new Chart(box.querySelector('canvas'), {
      ...config,
      options: { ...config.options, animation: false, responsive: true, maintainAspectRatio: false },
      plugins: [{ id: 'drawn', afterRender: () => { box.dataset.drawn = 'true'; } }],
    });
  });
})();
`;

/** Adds the ceiling's page, its script and Chart.js's own build to `webDir`, a copy of the app's build. */
export async function addDashboardCeiling(webDir: string): Promise<void> {
  const chartJsDir = path.dirname(require.resolve('chart.js'));
  await copyFile(path.join(chartJsDir, 'chart.umd.min.js'), path.join(webDir, CHART_JS));
  await writeFile(path.join(webDir, SCRIPT), PAGE_SCRIPT);
  await writeFile(path.join(webDir, DASHBOARD_CEILING_PAGE), HTML);
}
