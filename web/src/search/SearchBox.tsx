import { useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useI18n } from '../i18n/i18n';
import { Combobox } from './Combobox';
import { readRecent, rememberSearch, writeRecent } from './recent';
import { SearchSuggestionsQuery } from './searchQueries';
import { useDebounced } from './useDebounced';
import './search.css';

const SUGGEST_DELAY_MS = 200;
const SUGGESTIONS = 5;

/** The search box of the top bar: suggestions from the first results' titles while typing, recent searches while empty. */
export function SearchBox() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const current = location.pathname === '/search' ? (params.get('q') ?? '') : '';
  const [value, setValue] = useState(current);
  const [recent, setRecent] = useState(readRecent);
  // The box shows what the page shows: Back to another search puts its words back.
  useEffect(() => setValue(current), [current]);

  const term = useDebounced(value.trim(), SUGGEST_DELAY_MS);
  const [{ data }] = useQuery({ query: SearchSuggestionsQuery, variables: { query: term }, pause: term === '' || term === current });
  const suggestions = useMemo(() => {
    if (!value.trim() || term !== value.trim()) return [];
    const titles = (data?.search.edges ?? []).map(({ node }) => node.title);
    return [...new Set(titles)].slice(0, SUGGESTIONS);
  }, [data, term, value]);

  const go = (query: string) => {
    const q = query.trim();
    if (!q) return;
    setRecent(rememberSearch(q));
    setValue(q);
    navigate(`/search?q=${encodeURIComponent(q)}`);
  };
  const showingRecent = value.trim() === '';

  return (
    <form
      role="search"
      aria-label={t('search.label')}
      className="search-form"
      onSubmit={(event) => {
        event.preventDefault();
        go(value);
      }}
    >
      <Combobox
        label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={value}
        onValueChange={setValue}
        options={showingRecent ? recent : suggestions}
        optionsLabel={showingRecent ? t('search.recent') : t('search.suggestions')}
        onPick={go}
        footer={
          showingRecent && (
            <button
              type="button"
              className="text-button"
              onClick={() => {
                writeRecent([]);
                setRecent([]);
              }}
            >
              {t('search.clearRecent')}
            </button>
          )
        }
      />
      <button type="submit" className="button small">
        {t('search.submit')}
      </button>
    </form>
  );
}
