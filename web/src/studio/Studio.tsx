import { RequireRole } from '../ui/RequireRole';
import { useI18n } from '../i18n/i18n';

export function Studio() {
  const { t } = useI18n();
  return (
    <RequireRole roles={['CREATOR']}>
      <h1>{t('studio.title')}</h1>
    </RequireRole>
  );
}
