import { Link } from 'react-router';
import type { ConsoleTopFunnelFragment } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { localeOf, percent } from '../format';

export interface TopRow {
  key: string;
  name: string;
  /** The note's page, for a note; creators have their profile. */
  to: string | null;
  detail?: string;
  funnel: ConsoleTopFunnelFragment;
}

/** A table of the notes or creators that drove the range's sales, best first, as the API ranks them. */
export function TopTable({ title, nameHeader, rows, testId }: { title: string; nameHeader: string; rows: TopRow[]; testId: string }) {
  const { t, lang } = useI18n();
  const locale = localeOf(lang);
  return (
    <table className="console-table" data-testid={testId}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{nameHeader}</th>
          <th scope="col">{t('console.kpi.impressions')}</th>
          <th scope="col">{t('console.kpi.reads')}</th>
          <th scope="col">{t('console.kpi.productClicks')}</th>
          <th scope="col">{t('console.kpi.ctr')}</th>
          <th scope="col">{t('console.kpi.orders')}</th>
          <th scope="col">{t('console.kpi.gmv')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={7} className="muted">
              {t('console.top.none')}
            </td>
          </tr>
        )}
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">
              {row.to ? <Link to={row.to}>{row.name}</Link> : row.name}
              {row.detail && <span className="muted small"> · {row.detail}</span>}
            </th>
            <td>{row.funnel.impressions}</td>
            <td>{row.funnel.reads}</td>
            <td>{row.funnel.productClicks}</td>
            <td>{percent(row.funnel.ctr, locale)}</td>
            <td>{row.funnel.sales.orders}</td>
            <td>{row.funnel.sales.gmv.formatted}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
