import { useI18n } from '../i18n/i18n';
import { PRESETS, type Preset } from './range';

/** The dashboard's date range presets, as a group of toggle buttons; ranges are UTC days (or hours), and it says so. */
export function RangePicker({ value, onChange }: { value: Preset; onChange(preset: Preset): void }) {
  const { t } = useI18n();
  return (
    <div className="range-picker" role="group" aria-label={t('console.range.label')}>
      {PRESETS.map((preset) => (
        <button
          key={preset}
          type="button"
          className="chip"
          aria-pressed={preset === value}
          data-testid={`range-${preset}`}
          onClick={() => onChange(preset)}
        >
          {t(`console.range.${preset}`)}
        </button>
      ))}
      <span className="muted small">{t('console.range.utc')}</span>
    </div>
  );
}
