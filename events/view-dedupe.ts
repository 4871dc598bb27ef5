import type { Redis } from '../core/redis';

/** A reported view to judge: its note, and whether it is a read (models/read-rule.ts). */
export interface ViewToJudge {
  noteId: string;
  read: boolean;
}

export interface ViewVerdicts {
  /** Per view, in order: false for a repeat, which is stored but counted nowhere. */
  counted: boolean[];
  /** Forgets what this judgement remembered, for when the views were not stored after all (a retry must count them). */
  forget(): Promise<void>;
}

// Remembers the viewer's view of each note (KEYS[i], ARGV[i] its mode) for the window (the last ARGV): 1 when this one
// counts (the first, or the first read after a skim, as a read is what analytics reports), 0 for a repeat. The views of
// a batch are judged in order, so a note viewed twice in one batch counts once.
const JUDGE = `
local window = ARGV[#KEYS + 1]
local counted = {}
for i, key in ipairs(KEYS) do
  local seen = redis.call('GET', key)
  if not seen then
    redis.call('SET', key, ARGV[i], 'PX', window)
    counted[i] = 1
  elseif seen == 'skim' and ARGV[i] == 'read' then
    redis.call('SET', key, 'read', 'KEEPTTL')
    counted[i] = 1
  else
    counted[i] = 0
  end
end
return counted`;

/**
 * One viewer's views of one note count once per window, so reloading or replaying views cannot
 * raise a note's view count, trending score or reads. Kept in Redis so every API process shares
 * it. When Redis cannot be reached every view counts: an outage must not lose views.
 */
export class ViewDedupe {
  constructor(
    private readonly redis: Redis,
    private readonly windowMs: number,
  ) {}

  async judge(viewer: string, views: readonly ViewToJudge[]): Promise<ViewVerdicts> {
    if (views.length === 0) return { counted: [], forget: () => Promise.resolve() };
    // One script a batch, not one a view: the viewer's hash tag puts all their keys in one slot of a Redis Cluster.
    const key = (noteId: string) => `views:{${viewer}}:${noteId}`;
    const keys = views.map((view) => key(view.noteId));
    let replies: unknown[] | null;
    try {
      replies = (await this.redis.eval(
        JUDGE,
        keys.length,
        ...keys,
        ...views.map((v) => (v.read ? 'read' : 'skim')),
        this.windowMs,
      )) as unknown[];
    } catch {
      replies = null;
    }
    const counted = views.map((_, i) => replies?.[i] !== 0);
    const remembered = [...new Set(keys.filter((_, i) => replies?.[i] === 1))];
    return {
      counted,
      forget: async () => {
        if (remembered.length === 0) return;
        await this.redis.del(...remembered).catch(() => undefined);
      },
    };
  }
}
