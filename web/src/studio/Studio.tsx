import { lazy, Suspense } from 'react';
import { NavLink, Route, Routes } from 'react-router';
import { studioEn } from '../i18n/studio.en';
import { addMessages, useI18n } from '../i18n/i18n';
import { studioZh } from '../i18n/studio.zh';
import { RequireRole } from '../ui/RequireRole';
import { MyNotes } from './notes/MyNotes';
import { Publish } from './publish/Publish';
import './studio.css';

// This app's messages travel with its code, not in the viewer's first script.
addMessages({ zh: studioZh, en: studioEn });

// The data centre brings the charting library: fetched only when a creator opens it.
const DataCentre = lazy(() => import('./datacentre/DataCentre').then((m) => ({ default: m.DataCentre })));

/** The creator studio under /studio: my notes, publishing and editing, and the data centre. */
export function Studio() {
  return (
    <RequireRole roles={['CREATOR']}>
      <StudioPages />
    </RequireRole>
  );
}

function StudioPages() {
  const { t } = useI18n();
  return (
    <div className="studio">
      <nav className="studio-nav" aria-label={t('studio.title')}>
        <NavLink to="/studio" end>
          {t('studio.nav.notes')}
        </NavLink>
        <NavLink to="/studio/new">{t('studio.nav.new')}</NavLink>
        <NavLink to="/studio/data">{t('studio.nav.data')}</NavLink>
      </nav>
      <Suspense
        fallback={
          <p className="feed-status" aria-busy="true">
            <span className="spinner" aria-hidden="true" />
          </p>
        }
      >
        <Routes>
          <Route index element={<MyNotes />} />
          <Route path="new" element={<Publish />} />
          <Route path="notes/:id/edit" element={<Publish />} />
          <Route path="data" element={<DataCentre />} />
          <Route path="data/:noteId" element={<DataCentre />} />
        </Routes>
      </Suspense>
    </div>
  );
}
