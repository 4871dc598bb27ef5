const RECENT_KEY = 'seedfeed.recentSearches';
export const RECENT_LIMIT = 10;

/** The newest search first, each once (ignoring case and surrounding spaces), at most RECENT_LIMIT. */
export function withRecent(list: readonly string[], query: string): string[] {
  const term = query.trim();
  if (!term) return [...list];
  const key = term.toLowerCase();
  return [term, ...list.filter((item) => item.toLowerCase() !== key)].slice(0, RECENT_LIMIT);
}

export function readRecent(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string').slice(0, RECENT_LIMIT) : [];
  } catch {
    // Storage refused or holding something else: no history is better than a broken search box.
    return [];
  }
}

export function writeRecent(list: readonly string[]): void {
  try {
    if (list.length === 0) localStorage.removeItem(RECENT_KEY);
    else localStorage.setItem(RECENT_KEY, JSON.stringify(list));
  } catch {
    // Private modes may refuse storage: the history then lasts as long as the page.
  }
}

export function rememberSearch(query: string): string[] {
  const next = withRecent(readRecent(), query);
  writeRecent(next);
  return next;
}
