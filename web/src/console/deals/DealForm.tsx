import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import type { ConsoleDealNoteFragment } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { CURRENCIES, minorDigits } from '../format';
import { SetSponsorDealMutation } from './queries';

/** Records what the brand paid for one of its confirmed sponsored notes; the API's refusal is said beside the field. */
export function DealForm({ notes, onSaved }: { notes: ConsoleDealNoteFragment[]; onSaved(): void }) {
  const { t } = useI18n();
  const [{ fetching }, setDeal] = useMutation(SetSponsorDealMutation);
  const [problem, setProblem] = useState<{ message: string; field?: string | null } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const currency = String(form.get('currency'));
    const input = {
      noteId: String(form.get('noteId')),
      costMinor: Math.round(Number(form.get('cost')) * 10 ** minorDigits(currency)),
      currency,
    };
    setSaved(null);
    const result = await setDeal({ input });
    const payload = result.data?.setSponsorDeal;
    setProblem(payload?.deal ? null : (payload?.error ?? { message: t('error.generic') }));
    if (payload?.deal) {
      setSaved(payload.deal.cost.formatted);
      onSaved();
    }
  }

  const costError = problem && problem.field?.includes('cost');
  return (
    <form className="console-form" onSubmit={(event) => void submit(event)} data-testid="deal-form">
      <label className="field">
        {t('console.deals.note')}
        <select className="input" name="noteId" required data-testid="deal-note">
          {notes.map((note) => (
            <option key={note.id} value={note.id}>
              {note.title || t('console.order.untitled')} · {note.author.displayName}
            </option>
          ))}
        </select>
      </label>
      <div className="form-row">
        <label className="field">
          {t('console.deals.cost')}
          <input
            className="input"
            name="cost"
            type="number"
            step="any"
            required
            aria-invalid={Boolean(costError)}
            data-testid="deal-cost"
          />
          {costError && (
            <span className="form-error" role="alert">
              {problem.message}
            </span>
          )}
        </label>
        <label className="field">
          {t('console.product.currency')}
          <select className="input" name="currency" defaultValue="CNY">
            {CURRENCIES.map((code) => (
              <option key={code}>{code}</option>
            ))}
          </select>
        </label>
      </div>
      {problem && !costError && (
        <p className="form-error" role="alert">
          {problem.message}
        </p>
      )}
      {saved && (
        <p className="notice" role="status">
          {t('console.deals.saved', { cost: saved })}
        </p>
      )}
      <button type="submit" className="button primary" disabled={fetching || notes.length === 0} data-testid="save-deal">
        {t('console.deals.save')}
      </button>
    </form>
  );
}
