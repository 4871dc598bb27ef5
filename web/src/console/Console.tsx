import { RequireRole } from '../ui/RequireRole';
import { useI18n } from '../i18n/i18n';

export function Console() {
  const { t } = useI18n();
  return (
    <RequireRole roles={['BRAND']}>
      <h1>{t('console.title')}</h1>
    </RequireRole>
  );
}
