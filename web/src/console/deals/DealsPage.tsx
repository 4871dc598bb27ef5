import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useI18n } from '../../i18n/i18n';
import { ErrorRetry } from '../../ui/ErrorRetry';
import { useOwnsBrand } from '../brand';
import { DealForm } from './DealForm';
import { DealsTable } from './DealsTable';
import { ConsoleDealNotesQuery, RespondToSponsorshipMutation } from './queries';
import { sponsoredNotes } from './sponsored';

/**
 * Sponsored deals: confirm the notes that name the brand as sponsor, record what each deal cost, and compare the deals'
 * CPM, CPE and ROI.
 */
export function DealsPage({ brandId }: { brandId: string }) {
  const { t } = useI18n();
  // Only the brand itself confirms sponsorships and records deals; an admin looking at it sees the deals' figures.
  const owns = useOwnsBrand();
  const [{ data, error }, refetch] = useQuery({ query: ConsoleDealNotesQuery, requestPolicy: 'cache-and-network', pause: !owns });
  const [, respond] = useMutation(RespondToSponsorshipMutation);
  const notes = sponsoredNotes(data, brandId);
  const requests = data?.sponsorshipRequests ?? [];
  const [recorded, setRecorded] = useState(0);

  return (
    <section aria-labelledby="deals-title" data-testid="console-deals">
      <h2 id="deals-title">{t('console.nav.deals')}</h2>
      {error && <ErrorRetry error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {owns && requests.length > 0 && (
        <section aria-labelledby="requests-title">
          <h3 id="requests-title">{t('console.deals.requests')}</h3>
          <ul className="request-list">
            {requests.map((note) => (
              <li key={note.id}>
                <span>
                  {note.title || t('console.order.untitled')} · <span className="muted">{note.author.displayName}</span>
                </span>
                <button
                  type="button"
                  className="button small"
                  onClick={() => void respond({ noteId: note.id, accept: true }).then(() => refetch({ requestPolicy: 'network-only' }))}
                >
                  {t('console.deals.accept')}
                </button>
                <button
                  type="button"
                  className="text-button"
                  onClick={() => void respond({ noteId: note.id, accept: false }).then(() => refetch({ requestPolicy: 'network-only' }))}
                >
                  {t('console.deals.decline')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {owns && (
        <section aria-labelledby="record-title">
          <h3 id="record-title">{t('console.deals.record')}</h3>
          <p className="muted small">{t('console.deals.hint')}</p>
          {data && <DealForm notes={notes} onSaved={() => setRecorded((n) => n + 1)} />}
        </section>
      )}
      <DealsTable brandId={brandId} version={recorded} />
    </section>
  );
}
