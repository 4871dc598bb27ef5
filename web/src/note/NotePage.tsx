import { Link, useParams } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { NoteView } from './NoteView';

/** A note visited directly (a shared link, a reload): the page on its own. */
export function NotePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  return (
    <div className="note-standalone">
      <Link to="/" className="back-link">
        ‹ {t('nav.home')}
      </Link>
      <NoteView key={id} id={id} />
    </div>
  );
}
