/**
 * The fix screen of one batch: live counts, what blocks the import, the toolbar, the grid of
 * rows and the selected row's panel.
 */
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatCount } from '../../components/format';
import { useAppStore } from '../../store';
import { batchColumns } from './batch-columns';
import { BatchCounts } from './BatchCounts';
import { BatchGrid, type EditRequest } from './BatchGrid';
import { BatchMessages } from './BatchMessages';
import { BatchNotices } from './BatchNotices';
import { BatchToolbar } from './BatchToolbar';
import { delimiterName, encodingName } from './import-options';
import { RowPanel } from './RowPanel';
import { RevalidateButton } from '../users/RevalidateButton';

const EMPTY_TEXT: Record<string, string> = {
  all: 'This batch has no rows.',
  issues: 'No row has an issue.',
  errors: 'No row has an error.',
  warnings: 'No row has a warning.',
  excluded: 'No row is excluded.',
};

/** True when a key event comes from a text field, whose own undo must keep working. */
function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
  return target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/** The main area while the view is a batch. */
export function BatchView(): ReactNode {
  const status = useAppStore((s) => s.batch.status);
  const error = useAppStore((s) => s.batch.error);
  const summary = useAppStore((s) => s.batch.summary);
  const fields = useAppStore((s) => s.batch.fields);
  const rows = useAppStore((s) => s.batch.rows);
  const filter = useAppStore((s) => s.batch.filter);
  const showSource = useAppStore((s) => s.batch.showSource);
  const issueColumnsOnly = useAppStore((s) => s.batch.issueColumnsOnly);
  const undo = useAppStore((s) => s.undoBatch);
  const redo = useAppStore((s) => s.redoBatch);
  const modules = useAppStore((s) => s.modules);
  const busy = useAppStore((s) => s.batch.busy !== null);
  const gridRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const [editRequest, setEditRequest] = useState<EditRequest | null>(null);

  // Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (or Ctrl+Y) anywhere on the screen, except in text fields
  // and dialogs, which keep their own meaning of those keys.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || inTextField(e.target) || document.querySelector('dialog[open]')) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        void undo();
      } else if ((key === 'z' && e.shiftKey) || (key === 'y' && !e.metaKey)) {
        e.preventDefault();
        void redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  const onlyFields = useMemo(() => {
    if (!issueColumnsOnly || summary === null) return null;
    const set = new Set<string>();
    for (const i of summary.issues) if (i.field !== null) set.add(i.field);
    for (const page of Object.values(rows.pages)) for (const r of page) for (const i of r.issues) if (i.field !== null) set.add(i.field);
    return set;
  }, [issueColumnsOnly, summary, rows.pages]);

  const columns = useMemo(
    () => (summary === null ? [] : batchColumns(summary, fields, showSource, onlyFields)),
    [summary, fields, showSource, onlyFields],
  );

  if (status === 'error' && error !== null) {
    return (
      <section className="batch-view" aria-label="Batch">
        <div className="import-step">
          <ErrorMessage code={error.code} message={error.message} title="The batch could not be opened." />
        </div>
      </section>
    );
  }
  if (summary === null) {
    return <p className="muted grid-note">Loading batch…</p>;
  }
  const moduleLabel = modules.find((m) => m.module === summary.module)?.label ?? summary.module;
  const gridLabel = `Rows of ${summary.sourceName}`;

  let body: ReactNode;
  if (rows.status === 'error' && rows.error !== null) {
    body = <ErrorMessage code={rows.error.code} message={rows.error.message} title="The rows could not be read." />;
  } else if (status !== 'ready' || (rows.status === 'loading' && rows.total === 0)) {
    body = <p className="muted grid-note">Loading rows…</p>;
  } else if (rows.total === 0) {
    body = <EmptyState>{EMPTY_TEXT[filter] ?? 'No rows.'}</EmptyState>;
  } else if (columns.length === 0) {
    body = <EmptyState title="Nothing mapped">No column is mapped to a field. Use “Edit mapping” to choose fields.</EmptyState>;
  } else {
    body = <BatchGrid gridRef={gridRef} columns={columns} label={gridLabel} editRequest={editRequest} />;
  }

  return (
    <section className="batch-view" aria-labelledby={titleId}>
      <div className="module-head">
        <h2 className="module-title" id={titleId}>
          {summary.sourceName}
        </h2>
        <p className="module-meta">
          <span>Batch #{summary.batch}</span>
          <span aria-hidden="true">·</span>
          <span>to {moduleLabel}</span>
          <span aria-hidden="true">·</span>
          <span>{formatCount(summary.rows)} rows</span>
          <span aria-hidden="true">·</span>
          <span>
            {encodingName(summary.encoding)}, {delimiterName(summary.delimiter)} separated
          </span>
        </p>
        <div className="batch-counts-row">
          <BatchCounts summary={summary} />
          <RevalidateButton />
        </div>
      </div>
      <BatchNotices summary={summary} fields={fields} busy={busy} />
      <BatchToolbar />
      <BatchMessages />
      <div className="module-body">
        <div className="grid-area">{body}</div>
        <RowPanel onFix={(row, field) => setEditRequest((r) => ({ row, field, n: (r?.n ?? 0) + 1 }))} />
      </div>
    </section>
  );
}
