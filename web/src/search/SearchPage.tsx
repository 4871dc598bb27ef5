import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useEvents } from '../events/context';
import { Waterfall } from '../explore/Waterfall';
import { useI18n } from '../i18n/i18n';
import { ErrorRetry } from '../ui/ErrorRetry';
import { useSearch, type SearchResults } from './useSearch';

type Tab = 'notes' | 'products';

export function SearchPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const query = (params.get('q') ?? '').trim();
  const tab: Tab = params.get('type') === 'products' ? 'products' : 'notes';

  if (!query) return <p className="feed-status">{t('search.enterQuery')}</p>;
  const base = `/search?q=${encodeURIComponent(query)}`;
  return (
    <>
      <h1 className="search-heading">{t('search.resultsFor', { query })}</h1>
      <nav className="channels" aria-label={t('search.tabs')}>
        <Link to={base} className="channel" aria-current={tab === 'notes' ? 'page' : undefined} data-testid="search-tab-notes">
          {t('search.notes')}
        </Link>
        <Link
          to={`${base}&type=products`}
          className="channel"
          aria-current={tab === 'products' ? 'page' : undefined}
          data-testid="search-tab-products"
        >
          {t('search.products')}
        </Link>
      </nav>
      {/* A new query starts its own chain of pages. */}
      <Results key={query} query={query} tab={tab} />
    </>
  );
}

function Results({ query, tab }: { query: string; tab: Tab }) {
  const results = useSearch(query);
  const { tracker } = useEvents();
  useEffect(() => tracker.newPageView(), [tracker]);
  return tab === 'notes' ? <NoteResults results={results} /> : <ProductResults results={results} />;
}

function Status({ results, empty, count }: { results: SearchResults; empty: string; count: number }) {
  const { t } = useI18n();
  if (results.error) return <ErrorRetry error={results.error} onRetry={results.retry} />;
  if (results.fetching)
    return (
      <p className="feed-status">
        <span className="spinner" aria-hidden="true" /> {t('feed.loading')}
      </p>
    );
  if (count === 0 && !results.hasMore) return <p className="feed-status">{empty}</p>;
  return !results.hasMore && <p className="feed-status">{t('feed.end')}</p>;
}

function NoteResults({ results }: { results: SearchResults }) {
  const { t } = useI18n();
  return (
    <section aria-label={t('search.notes')} aria-busy={results.fetching}>
      <Waterfall notes={results.notes} onEndReached={results.loadMore} />
      <Status results={results} empty={t('search.noNotes')} count={results.notes.length} />
    </section>
  );
}

function ProductResults({ results }: { results: SearchResults }) {
  const { t } = useI18n();
  return (
    <section aria-label={t('search.products')} aria-busy={results.fetching}>
      <ul className="product-rows">
        {results.products.map((product) => (
          <li key={product.id}>
            <Link to={`/product/${product.id}`} className="product-row" data-testid="product-row">
              {product.images[0] ? (
                <img src={product.images[0]} alt="" width={72} height={72} loading="lazy" className="product-row-image" />
              ) : (
                <span className="product-row-image" aria-hidden="true" />
              )}
              <span className="product-row-text">
                <span className="product-row-title">{product.title}</span>
                <span className="muted small">{product.brand.name}</span>
              </span>
              <span className="price">{product.price.formatted}</span>
            </Link>
          </li>
        ))}
      </ul>
      {results.hasMore && !results.fetching && !results.error && (
        <p className="feed-status">
          <button type="button" className="button small" onClick={results.loadMore}>
            {t('search.loadMore')}
          </button>
        </p>
      )}
      <Status results={results} empty={t('search.noProducts')} count={results.products.length} />
    </section>
  );
}
