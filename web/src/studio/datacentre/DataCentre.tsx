import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useAuth } from '../../account/auth';
import { useI18n } from '../../i18n/i18n';
import { ErrorRetry } from '../../ui/ErrorRetry';
import { AudienceTopics } from './AudienceTopics';
import { AudienceTopicsQuery, DataNoteTitleQuery, FollowerGainQuery, FunnelQuery, SeriesQuery } from './data.queries';
import { FunnelFigures } from './FunnelFigures';
import { daysOf, lastDays, PRESETS, type Preset } from './range';
import { SeriesChart } from './SeriesChart';

/**
 * /studio/data (every note of the creator) and /studio/data/:noteId (one note): the funnel's figures, a line per day and
 * the readers' topics over the last 7, 30 or 90 days, and on the overall page the followers gained.
 */
export function DataCentre() {
  const { t } = useI18n();
  const { noteId } = useParams();
  const { viewer } = useAuth();
  const [preset, setPreset] = useState<Preset>(7);
  // Fixed while the preset stays: a range re-made at every render would ask the API again each time.
  const range = useMemo(() => lastDays(preset), [preset]);
  const scope = noteId ? { kind: 'NOTE' as const, id: noteId } : { kind: 'CREATOR' as const, id: viewer?.id ?? '' };
  const variables = { scope, range };
  const [funnel, refetchFunnel] = useQuery({ query: FunnelQuery, variables, pause: !scope.id });
  const [series] = useQuery({ query: SeriesQuery, variables, pause: !scope.id });
  const [topics] = useQuery({ query: AudienceTopicsQuery, variables, pause: !scope.id });
  const [note] = useQuery({ query: DataNoteTitleQuery, variables: { id: noteId ?? '' }, pause: !noteId });
  // Followers are the creator's, not a note's: only the overall page counts them.
  const [followers] = useQuery({
    query: FollowerGainQuery,
    variables: { creatorId: viewer?.id ?? '', range },
    pause: Boolean(noteId) || !viewer,
  });

  const days = useMemo(() => daysOf(range), [range]);
  const lines = useMemo(() => {
    const points = series.data?.analyticsSeries ?? [];
    const byDay = new Map(points.map((point) => [point.at.slice(0, 10), point.funnel]));
    const line = (name: string, pick: (f: (typeof points)[number]['funnel']) => number) => ({
      name,
      values: days.map((day) => {
        const figures = byDay.get(day);
        return figures ? pick(figures) : 0;
      }),
    });
    return [
      line(t('studio.data.impressions'), (f) => f.impressions),
      line(t('studio.data.reads'), (f) => f.reads),
      line(t('studio.data.engagements'), (f) => f.engagements),
      line(t('studio.data.productClicks'), (f) => f.productClicks),
    ];
  }, [series.data, days, t]);

  const heading = noteId ? t('studio.data.noteTitle', { title: note.data?.note?.title ?? '' }) : t('studio.data.title');
  return (
    <section className="data-centre" aria-labelledby="data-heading">
      <h1 id="data-heading">{heading}</h1>
      {noteId && <Link to="/studio/data">{t('studio.data.overall')}</Link>}
      <div className="chips" role="group" aria-label={t('studio.data.range')}>
        {PRESETS.map((days) => (
          <button key={days} type="button" className="chip" aria-pressed={preset === days} onClick={() => setPreset(days)}>
            {t('studio.data.lastDays', { days })}
          </button>
        ))}
      </div>
      <p className="muted small">{t('studio.data.utc', { from: range.from.slice(0, 10), to: days.at(-1) ?? '' })}</p>
      {funnel.error && !funnel.data ? (
        <ErrorRetry error={funnel.error} onRetry={() => refetchFunnel({ requestPolicy: 'network-only' })} />
      ) : funnel.data ? (
        <FunnelFigures funnel={funnel.data.analyticsFunnel} followerGain={noteId ? null : (followers.data?.followerGain ?? null)} />
      ) : (
        <p className="feed-status" aria-busy="true">
          <span className="spinner" aria-hidden="true" />
        </p>
      )}
      <section className="studio-section" aria-labelledby="series-heading">
        <h2 id="series-heading">{t('studio.data.series')}</h2>
        {series.data && <SeriesChart days={days} series={lines} label={t('studio.data.seriesLabel', { days: preset })} />}
      </section>
      <section className="studio-section" aria-labelledby="topics-heading">
        <h2 id="topics-heading">{t('studio.data.audience')}</h2>
        {topics.data && <AudienceTopics topics={topics.data.audienceTopics} />}
      </section>
      {noteId && <p className="muted small">{t('studio.data.noFollowers')}</p>}
    </section>
  );
}
