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

// Remembers the viewer's view of a note for the window: 1 when this one counts (the first, or the
// first read after a skim, as a read is what analytics reports), 0 for a repeat.
const JUDGE = `
local seen = redis.call('GET', KEYS[1])
if not seen then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
if seen == 'skim' and ARGV[1] == 'read' then
  redis.call('SET', KEYS[1], 'read', 'KEEPTTL')
  return 1
end
return 0`;

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
    const key = (noteId: string) => `views:${viewer}:${noteId}`;
    const pipeline = this.redis.pipeline();
    for (const view of views) pipeline.eval(JUDGE, 1, key(view.noteId), view.read ? 'read' : 'skim', this.windowMs);
    let replies: [Error | null, unknown][] | null;
    try {
      replies = await pipeline.exec();
    } catch {
      replies = null;
    }
    const counted = views.map((_, i) => {
      const reply = replies?.[i];
      return !reply || reply[0] !== null || reply[1] === 1;
    });
    const remembered = [...new Set(views.filter((_, i) => counted[i] && replies?.[i]?.[1] === 1).map((v) => key(v.noteId)))];
    return {
      counted,
      forget: async () => {
        if (remembered.length === 0) return;
        await this.redis.del(...remembered).catch(() => undefined);
      },
    };
  }
}
