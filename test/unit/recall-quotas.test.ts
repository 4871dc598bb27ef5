import { parseRecallQuotas, RECALL_QUOTAS } from '../../recommender/recall-quotas';

describe('FEED_RECALL_QUOTAS', () => {
  it('overrides the quotas it names and keeps the others', () => {
    expect(parseRecallQuotas(undefined)).toEqual(RECALL_QUOTAS);
    expect(parseRecallQuotas('{"trending":100,"fresh":0}')).toEqual({ ...RECALL_QUOTAS, trending: 100, fresh: 0 });
  });

  it('refuses what it cannot use, saying what is wrong', () => {
    expect(() => parseRecallQuotas('{trending')).toThrow('FEED_RECALL_QUOTAS is not valid JSON');
    expect(() => parseRecallQuotas('{"trendy":10}')).toThrow(/FEED_RECALL_QUOTAS: .*trendy/);
    expect(() => parseRecallQuotas('{"fresh":-1}')).toThrow(/FEED_RECALL_QUOTAS: fresh:/);
    expect(() => parseRecallQuotas('{"fresh":2.5}')).toThrow(/fresh/);
    expect(() => parseRecallQuotas('[]')).toThrow(/FEED_RECALL_QUOTAS/);
  });
});
