import { useState, type FormEvent } from 'react';
import { TOPICS } from '../../explore/channels';
import type { ConsoleProductFieldsFragment } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { CURRENCIES, minorDigits } from '../format';

export interface ProductInput {
  title: string;
  description: string;
  priceMinor: number;
  currency: string;
  images: string[];
  category: string;
  stock: number;
  buyUrl: string;
}

export interface FieldError {
  code: string;
  message: string;
  field?: string | null;
}

type Field = keyof ProductInput;
const FIELDS: Field[] = ['title', 'description', 'priceMinor', 'currency', 'images', 'category', 'stock', 'buyUrl'];

/** The input field an API error names ("images.2" is the images list's), or null when it names none of them. */
function fieldOf(error: FieldError): Field | null {
  const head = error.field?.split('.').find((part) => (FIELDS as string[]).includes(part));
  return (head as Field | undefined) ?? null;
}

/**
 * A product's fields. The price is typed in the currency's main unit and sent in minor units; the form checks nothing
 * itself beyond what the inputs require, so what the API refuses is said in its words beside the field it names.
 */
export function ProductForm({
  initial,
  error,
  busy,
  onSubmit,
}: {
  initial?: ConsoleProductFieldsFragment;
  error: FieldError | null;
  busy: boolean;
  onSubmit(input: ProductInput): void;
}) {
  const { t } = useI18n();
  const [currency, setCurrency] = useState(initial?.price.currency ?? 'CNY');
  const failed = error ? fieldOf(error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '');
    onSubmit({
      title: text('title'),
      description: text('description'),
      priceMinor: Math.round(Number(text('price')) * 10 ** minorDigits(currency)),
      currency,
      images: text('images')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
      category: text('category'),
      stock: Number(text('stock')),
      buyUrl: text('buyUrl').trim(),
    });
  }

  const message = (field: Field) =>
    failed === field && error ? (
      <span className="form-error" role="alert" id={`${field}-error`} data-testid={`error-${field}`}>
        {error.message}
      </span>
    ) : null;
  const describedBy = (field: Field) => (failed === field ? `${field}-error` : undefined);
  const initialPrice = initial ? String(initial.price.amountMinor / 10 ** minorDigits(initial.price.currency)) : '';

  return (
    <form className="console-form" onSubmit={submit} data-testid="product-form">
      <label className="field">
        {t('console.product.title')}
        <input
          className="input"
          name="title"
          required
          defaultValue={initial?.title}
          aria-invalid={failed === 'title'}
          aria-describedby={describedBy('title')}
        />
        {message('title')}
      </label>
      <div className="form-row">
        <label className="field">
          {t('console.product.price')}
          <input
            className="input"
            name="price"
            type="number"
            step="any"
            required
            defaultValue={initialPrice}
            aria-invalid={failed === 'priceMinor'}
            aria-describedby={describedBy('priceMinor')}
            data-testid="price-input"
          />
          {message('priceMinor')}
        </label>
        <label className="field">
          {t('console.product.currency')}
          <select className="input" name="currency" value={currency} onChange={(event) => setCurrency(event.target.value)}>
            {CURRENCIES.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
          {message('currency')}
        </label>
        <label className="field">
          {t('console.product.stock')}
          <input
            className="input"
            name="stock"
            type="number"
            step="1"
            required
            defaultValue={initial?.stock ?? ''}
            aria-invalid={failed === 'stock'}
            aria-describedby={describedBy('stock')}
          />
          {message('stock')}
        </label>
      </div>
      <label className="field">
        {t('console.product.category')}
        <select className="input" name="category" defaultValue={initial?.category ?? TOPICS[0]}>
          {TOPICS.map((topic) => (
            <option key={topic} value={topic}>
              {t(`topic.${topic}`)}
            </option>
          ))}
        </select>
        {message('category')}
      </label>
      <label className="field">
        {t('console.product.buyUrl')}
        <input
          className="input"
          name="buyUrl"
          type="url"
          required
          defaultValue={initial?.buyUrl}
          aria-invalid={failed === 'buyUrl'}
          aria-describedby={describedBy('buyUrl')}
        />
        {message('buyUrl')}
      </label>
      <label className="field">
        {t('console.product.images')}
        <textarea
          className="input textarea"
          name="images"
          rows={3}
          defaultValue={initial?.images.join('\n')}
          aria-invalid={failed === 'images'}
          aria-describedby={describedBy('images')}
        />
        <span className="muted small">{t('console.product.imagesHint')}</span>
        {message('images')}
      </label>
      <label className="field">
        {t('console.product.description')}
        <textarea
          className="input textarea"
          name="description"
          rows={5}
          defaultValue={initial?.description}
          aria-invalid={failed === 'description'}
          aria-describedby={describedBy('description')}
        />
        {message('description')}
      </label>
      {error && !failed && (
        <p className="form-error" role="alert" data-testid="form-error">
          {error.message}
        </p>
      )}
      <button type="submit" className="button primary" disabled={busy} data-testid="save-product">
        {t('console.product.save')}
      </button>
    </form>
  );
}
