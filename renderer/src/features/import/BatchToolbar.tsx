/**
 * The fix screen's toolbar: row filter and column toggles, then the actions on the batch.
 */
import { formatCount } from '../../components/format';
import { useId, useState, type ReactNode } from 'react';
import { Segmented } from '../../components/Segmented';
import { useAppStore, useTransportKind } from '../../store';
import type { RowFilter } from '../../store/types';
import { ExportErrorsDialog, defaultReportPath } from './ExportErrorsDialog';
import { DedupeButtons } from '../review/DedupeButtons';
import { ReplacePanel } from './ReplacePanel';
import { SaveTemplateDialog } from './SaveTemplateDialog';

const FILTERS: { value: RowFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'issues', label: 'Rows with issues' },
  { value: 'errors', label: 'Errors' },
  { value: 'warnings', label: 'Warnings' },
  { value: 'excluded', label: 'Excluded' },
];

/** Filter, toggles and action buttons. */
export function BatchToolbar(): ReactNode {
  const filter = useAppStore((s) => s.batch.filter);
  const showSource = useAppStore((s) => s.batch.showSource);
  const issueColumnsOnly = useAppStore((s) => s.batch.issueColumnsOnly);
  const selection = useAppStore((s) => s.batch.selection);
  const summary = useAppStore((s) => s.batch.summary);
  const busy = useAppStore((s) => s.batch.busy !== null);
  const workspace = useAppStore((s) => s.app.workspace?.path ?? '');
  const setFilter = useAppStore((s) => s.setBatchFilter);
  const setShowSource = useAppStore((s) => s.setShowSource);
  const setIssueColumnsOnly = useAppStore((s) => s.setIssueColumnsOnly);
  const exclude = useAppStore((s) => s.excludeRows);
  const excludeInvalid = useAppStore((s) => s.excludeInvalidRows);
  const undo = useAppStore((s) => s.undoBatch);
  const redo = useAppStore((s) => s.redoBatch);
  const editMapping = useAppStore((s) => s.editBatchMapping);
  const pickSavePath = useAppStore((s) => s.pickSavePath);
  const exportReport = useAppStore((s) => s.exportErrorReport);
  const openExport = useAppStore((s) => s.openExport);
  const isElectron = useTransportKind() === 'electron';
  const [replaceOpen, setReplaceOpen] = useState(false);
  const [dialog, setDialog] = useState<'template' | 'export' | null>(null);
  const ids = { source: useId(), issues: useId(), replace: useId() };

  if (summary === null) return null;
  const mod = navigator.platform.toLowerCase().includes('mac') ? '⌘' : 'Ctrl+';

  const exportErrors = async (): Promise<void> => {
    if (!isElectron) {
      setDialog('export');
      return;
    }
    const path = await pickSavePath('Export error report', 'csv');
    if (path !== null) await exportReport(path);
  };

  return (
    <>
      <div className="toolbar batch-toolbar">
        <Segmented label="Show" options={FILTERS} value={filter} onChange={setFilter} />
        <label className="check" htmlFor={ids.issues}>
          <input id={ids.issues} type="checkbox" checked={issueColumnsOnly} onChange={(e) => setIssueColumnsOnly(e.target.checked)} />
          Only columns with issues
        </label>
        <label className="check" htmlFor={ids.source}>
          <input id={ids.source} type="checkbox" checked={showSource} onChange={(e) => setShowSource(e.target.checked)} />
          Show source columns
        </label>
      </div>
      <div className="toolbar batch-actions">
        <button type="button" className="button" onClick={() => void undo()} disabled={busy || !summary.canUndo} title={`${mod}Z`}>
          Undo
        </button>
        <button type="button" className="button" onClick={() => void redo()} disabled={busy || !summary.canRedo} title={`${mod}Shift+Z`}>
          Redo
        </button>
        <span className="toolbar-sep" aria-hidden="true" />
        <button type="button" className="button" disabled={busy || selection.length === 0} onClick={() => void exclude(selection, true)}>
          Exclude selected{selection.length > 0 ? ` (${selection.length})` : ''}
        </button>
        <button type="button" className="button" disabled={busy || selection.length === 0} onClick={() => void exclude(selection, false)}>
          Include selected
        </button>
        <button type="button" className="button" disabled={busy || summary.invalid === 0} onClick={() => void excludeInvalid()}>
          Exclude rows with errors{summary.invalid > 0 ? ` (${formatCount(summary.invalid)})` : ''}
        </button>
        <button
          type="button"
          className="button"
          aria-expanded={replaceOpen}
          aria-controls={replaceOpen ? ids.replace : undefined}
          onClick={() => setReplaceOpen((o) => !o)}
        >
          Find and replace
        </button>
        <span className="toolbar-sep" aria-hidden="true" />
        <DedupeButtons batch={summary.batch} busy={busy} />
        <span className="spacer" />
        <button type="button" className="button" disabled={busy} onClick={() => void editMapping(summary.batch)}>
          Edit mapping
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => setDialog('template')}>
          Save as template…
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void exportErrors()}>
          Export error report…
        </button>
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void openExport(summary.batch)}>
          Export for Zoho…
        </button>
      </div>
      {replaceOpen && <ReplacePanel id={ids.replace} onClose={() => setReplaceOpen(false)} />}
      {dialog === 'template' && <SaveTemplateDialog sourceName={summary.sourceName} onClose={() => setDialog(null)} />}
      {dialog === 'export' && (
        <ExportErrorsDialog
          initialPath={defaultReportPath(workspace, summary.sourceName)}
          rowsWithIssues={summary.invalid + summary.warnings}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
