/**
 * A calm, centred message for views with nothing to show yet.
 */
import type { ReactNode } from 'react';

/** Props of EmptyState. */
export interface EmptyStateProps {
  title?: string;
  children: ReactNode;
}

/** A placeholder panel explaining what to do next. */
export function EmptyState({ title, children }: EmptyStateProps): ReactNode {
  return (
    <div className="empty-state">
      {title !== undefined && <p className="empty-title">{title}</p>}
      <p>{children}</p>
    </div>
  );
}
