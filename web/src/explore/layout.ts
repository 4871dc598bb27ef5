/** Where a card sits in the waterfall, relative to the grid's top-left corner. */
export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
  /** Height of the cover alone: the text below it has a fixed height. */
  coverHeight: number;
}

export interface Layout {
  boxes: Box[];
  columns: number;
  /** The tallest column: the grid's height. */
  height: number;
  /** The shortest column: the next card goes there, and more are fetched before it shows. */
  shortest: number;
}

/** 2 columns on phones (under 600 px), up to 5 on wide screens. */
export function columnsFor(width: number): number {
  if (width < 600) return 2;
  if (width < 900) return 3;
  if (width < 1200) return 4;
  return 5;
}

export function gapFor(width: number): number {
  return width < 600 ? 8 : 16;
}

/**
 * Covers keep their real proportions, except extreme ones (panoramas, very long screenshots),
 * which are cropped to these bounds so one card cannot fill a screen or vanish to a strip.
 */
export const MIN_ASPECT = 0.6;
export const MAX_ASPECT = 1.8;

export function coverAspect(width: number, height: number): number {
  if (!(width > 0 && height > 0)) return 4 / 3;
  return Math.min(MAX_ASPECT, Math.max(MIN_ASPECT, height / width));
}

/**
 * Places each card in the shortest column, in order. The result for the first n cards does not
 * depend on the cards after them, so appending a page never moves what is already on screen.
 */
export function layoutWaterfall(aspects: readonly number[], width: number, footerHeight: number): Layout {
  const columns = columnsFor(width);
  const gap = gapFor(width);
  const columnWidth = Math.max(0, (width - gap * (columns - 1)) / columns);
  const heights = new Array<number>(columns).fill(0);
  const boxes = aspects.map((aspect) => {
    let column = 0;
    for (let c = 1; c < columns; c++) if ((heights[c] ?? 0) < (heights[column] ?? 0)) column = c;
    const coverHeight = Math.round(columnWidth * aspect);
    const top = heights[column] ?? 0;
    const height = coverHeight + footerHeight;
    heights[column] = top + height + gap;
    return { top, left: column * (columnWidth + gap), width: columnWidth, height, coverHeight };
  });
  const tallest = Math.max(0, ...heights.map((h) => h - gap));
  const shortest = Math.max(0, Math.min(...heights) - gap);
  return { boxes, columns, height: tallest, shortest };
}

/** Indices of the boxes that overlap [from, to] (grid coordinates). */
export function boxesWithin(boxes: readonly Box[], from: number, to: number): number[] {
  const inside: number[] = [];
  boxes.forEach((box, index) => {
    if (box.top + box.height >= from && box.top <= to) inside.push(index);
  });
  return inside;
}
