/** The “export to Excel” button of a table: it builds the file on click and says so while it does. */
import { useState } from 'preact/hooks';
import { downloadTable, type ExportRequest } from './exportTable.js';

export const ExportButton = <R,>({ request, label = '导出Excel' }: { request: () => ExportRequest<R>; label?: string }) => {
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const run = async () => {
    setState('busy');
    try {
      await downloadTable(request());
      setState('idle');
    } catch {
      setState('failed');
    }
  };
  return (
    <span class="export">
      <button type="button" class="secondary" onClick={() => void run()} disabled={state === 'busy'}>
        {state === 'busy' ? '正在生成…' : label}
      </button>
      {state === 'failed' && (
        <span role="alert" class="error">
          导出失败，请重试。
        </span>
      )}
    </span>
  );
};
