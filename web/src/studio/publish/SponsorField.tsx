import { useId } from 'react';
import { useI18n } from '../../i18n/i18n';

interface SponsorFieldProps {
  /** The brands of the tagged products: a note can only be sponsored by one of them. */
  brands: readonly { id: string; name: string }[];
  sponsored: boolean;
  brandId: string | null;
  onSponsored(sponsored: boolean): void;
  onBrand(id: string): void;
}

/** The creator's disclosure that a brand pays for the note. */
export function SponsorField({ brands, sponsored, brandId, onSponsored, onBrand }: SponsorFieldProps) {
  const { t } = useI18n();
  const id = useId();
  return (
    <fieldset className="sponsor-field">
      <legend>{t('studio.sponsor.heading')}</legend>
      <label>
        <input
          type="checkbox"
          checked={sponsored}
          disabled={brands.length === 0 && !sponsored}
          aria-describedby={`${id}-hint`}
          data-testid="sponsored"
          onChange={(event) => onSponsored(event.target.checked)}
        />{' '}
        {t('studio.sponsor.by')}
      </label>
      {sponsored && brands.length > 0 && (
        <label className="field">
          <span>{t('studio.sponsor.brand')}</span>
          <select className="input" value={brandId ?? ''} onChange={(event) => onBrand(event.target.value)} data-testid="sponsor-brand">
            {brands.map((brand) => (
              <option key={brand.id} value={brand.id}>
                {brand.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <span id={`${id}-hint`} className="muted small">
        {t('studio.sponsor.hint')}
      </span>
    </fieldset>
  );
}
