import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

// Only what the console and the studio draw is registered, so the bundle carries these charts and nothing else.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

// The app's own type: Chart.js measures and draws text with the canvas's font, not the page's.
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily || Chart.defaults.font.family;
Chart.defaults.color = '#595959';

/** The app's red, and the blue beside it for a second measure (orders beside GMV). */
export const RED = '#d9002a';
export const BLUE = '#597ef7';
/** The charts' colours, in the order steps, categories and series take them. */
export const PALETTE = [RED, '#ff7a45', '#ffc53d', '#36cfc9', BLUE, '#9254de', '#73d13d', '#8c8c8c'];

type Kinds = 'bar' | 'line';
/** A figure, or a floating bar's two ends (the funnel's). */
type Data = (number | [number, number])[];

/** Bars (plain or floating, as the funnel's) and lines, alone or on one chart. */
export type ChartConfig = ChartConfiguration<Kinds, Data, string>;
/** A drawn chart of a ChartConfig. */
export type DrawnChart = Chart<Kinds, Data, string>;

export { Chart };
