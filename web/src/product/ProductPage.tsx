import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useAuth } from '../account/auth';
import { Waterfall } from '../explore/Waterfall';
import { useI18n } from '../i18n/i18n';
import { ErrorRetry } from '../ui/ErrorRetry';
import { usePages } from './paging';
import { ProductQuery } from './queries';

const NOTES_PAGE = 20;

/** A product in the app: what it is, what it costs, what is left, and the notes that tag it. */
export function ProductPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const { signedIn } = useAuth();
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, error, fetching }, refetch] = useQuery({ query: ProductQuery, variables: { id, first: NOTES_PAGE, after } });
  const product = data?.product;
  const { nodes: notes, next } = usePages(product?.notes);

  if (error && !product) return <ErrorRetry error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!product) {
    return (
      <p className="feed-status" role="status">
        {fetching ? (
          <>
            <span className="spinner" aria-hidden="true" /> {t('feed.loading')}
          </>
        ) : (
          t('error.notFound')
        )}
      </p>
    );
  }

  const buyPath = `/product/${product.id}/buy`;
  const buy = () => (signedIn ? navigate(buyPath) : navigate('/login', { state: { from: buyPath, notice: 'error.signInRequired' } }));
  return (
    <article className="product-page" data-testid="product-page" aria-labelledby="product-title">
      <button type="button" className="back-link text-button" onClick={() => (location.key === 'default' ? navigate('/') : navigate(-1))}>
        ‹ {t('shop.back')}
      </button>
      <div className="product-layout">
        <div className="product-images">
          {product.images.length > 0 ? (
            product.images.map((src, i) => (
              <img key={src} src={src} alt={t('shop.image', { title: product.title, index: i + 1 })} loading={i === 0 ? 'eager' : 'lazy'} />
            ))
          ) : (
            <div className="product-image-placeholder" aria-hidden="true" />
          )}
        </div>
        <div className="product-info">
          <p className="muted small" data-testid="product-brand">
            {product.brand.name}
          </p>
          <h1 id="product-title" className="product-page-title">
            {product.title}
          </h1>
          <p className="price product-page-price" data-testid="product-price">
            {product.price.formatted}
          </p>
          <p className={product.inStock ? 'muted small' : 'sold-out'} data-testid="product-stock">
            {product.inStock ? t('shop.stock', { count: product.stock }) : t('shop.soldOut')}
          </p>
          {product.description && <p className="product-description">{product.description}</p>}
          <button type="button" className="button primary buy-button" data-testid="buy-button" disabled={!product.inStock} onClick={buy}>
            {product.inStock ? t('shop.buy') : t('shop.soldOut')}
          </button>
        </div>
      </div>
      <section className="product-notes" aria-labelledby="product-notes-title">
        <h2 id="product-notes-title" className="section-title">
          {t('shop.notes')}
        </h2>
        {notes.length > 0 ? (
          <Waterfall notes={notes} onEndReached={() => next && !fetching && setAfter(next)} />
        ) : (
          !fetching && <p className="muted small">{t('shop.noNotes')}</p>
        )}
        {error && <ErrorRetry error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      </section>
    </article>
  );
}
