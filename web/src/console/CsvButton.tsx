import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { downloadCsv, ExportError, saveCsv } from './csv';

/** A table's "download CSV" button; the server's refusal, if any, is said beside it. */
export function CsvButton({ path, params, testId }: { path: string; params: Record<string, string | undefined>; testId: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function download() {
    setBusy(true);
    setProblem(null);
    try {
      await downloadCsv(path, params);
    } catch (error) {
      setProblem(error instanceof ExportError ? error.message : t('console.csv.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="csv-button">
      <button type="button" className="text-button" data-testid={testId} disabled={busy} onClick={() => void download()}>
        {t('console.csv.download')}
      </button>
      {problem && (
        <span className="form-error" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}

/** The "download CSV" button of a table the API has no export for: the file is made from the rows on screen. */
export function TableCsvButton({
  filename,
  head,
  rows,
  testId,
}: {
  filename: string;
  head: string[];
  rows: (string | number | null)[][];
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <button type="button" className="text-button" data-testid={testId} onClick={() => saveCsv(filename, head, rows)}>
      {t('console.csv.download')}
    </button>
  );
}
