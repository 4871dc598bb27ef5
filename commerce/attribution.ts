import type { Config } from '../core/config';

/**
 * Which notes earn an order, decided from the buyer's touches of the product before it. Pure: the
 * orders service reads the touches and stores what this returns, so every credit can be explained
 * down to the events that earned it.
 */

export interface AttributionWindows {
  /** A product click earns the sale this long after it (default 7 days). */
  clickMs: number;
  /** A long view without a click earns view-through credit this long after it (default 1 day). */
  viewMs: number;
}

/** The windows ATTRIBUTION_CLICK_WINDOW_DAYS and ATTRIBUTION_VIEW_WINDOW_HOURS set. */
export function attributionWindows(
  config: Pick<Config, 'ATTRIBUTION_CLICK_WINDOW_DAYS' | 'ATTRIBUTION_VIEW_WINDOW_HOURS'>,
): AttributionWindows {
  return { clickMs: config.ATTRIBUTION_CLICK_WINDOW_DAYS * 24 * 3600_000, viewMs: config.ATTRIBUTION_VIEW_WINDOW_HOURS * 3600_000 };
}

/** A buyer's product click from a note, or long view ("read") of a note that tags the product. */
export interface Touch {
  eventId: string;
  type: 'product_click' | 'read';
  noteId: string;
  creatorId: string;
  at: Date;
  /** The last impression of the note to the buyer before the touch, when one was logged. */
  impression: { eventId: string; at: Date } | null;
}

export interface Credit {
  model: 'last_click' | 'view_through' | 'position';
  touch: Touch;
  credit: number;
}

export interface Attribution {
  /** Where the sale counts in the funnel: the clicked note, the viewed note (reported apart), or organic. */
  kind: 'click' | 'view_through' | 'organic';
  credits: Credit[];
}

/** Position-based credit: the first and last touches share this much each; the middle ones split the rest. */
export const POSITION_ENDS_SHARE = 0.4;

/**
 * Attributes an order placed at `orderAt`. Last click: the click the shop reported back (its
 * tracking parameter), else the latest click, within the click window. Without a click, the latest
 * long view within the view window earns view-through credit. Position-based credit spreads over
 * every touch in the click window: one touch takes all, two share it, from three on the first and
 * last take 40% each and the middle ones share 20%.
 */
export function attribute(
  orderAt: Date,
  touches: readonly Touch[],
  windows: AttributionWindows,
  reportedClickId?: string | null,
): Attribution {
  const t = orderAt.getTime();
  const within = (touch: Touch, ms: number) => touch.at.getTime() <= t && touch.at.getTime() >= t - ms;
  const inWindow = touches.filter((touch) => within(touch, windows.clickMs)).sort(byTime);
  const clicks = inWindow.filter((touch) => touch.type === 'product_click');
  const reads = touches.filter((touch) => touch.type === 'read' && within(touch, windows.viewMs)).sort(byTime);

  const credits: Credit[] = positionCredits(inWindow);
  const reported = reportedClickId ? clicks.find((click) => click.eventId === reportedClickId) : undefined;
  const lastClick = reported ?? clicks.at(-1);
  if (lastClick) return { kind: 'click', credits: [{ model: 'last_click', touch: lastClick, credit: 1 }, ...credits] };
  const lastRead = reads.at(-1);
  if (lastRead) return { kind: 'view_through', credits: [{ model: 'view_through', touch: lastRead, credit: 1 }, ...credits] };
  return { kind: 'organic', credits };
}

function positionCredits(touches: readonly Touch[]): Credit[] {
  const n = touches.length;
  return touches.map((touch, i) => {
    let credit: number;
    if (n <= 2) credit = 1 / n;
    else if (i === 0 || i === n - 1) credit = POSITION_ENDS_SHARE;
    else credit = (1 - 2 * POSITION_ENDS_SHARE) / (n - 2);
    return { model: 'position' as const, touch, credit };
  });
}

function byTime(a: Touch, b: Touch): number {
  return a.at.getTime() - b.at.getTime() || a.eventId.localeCompare(b.eventId);
}
