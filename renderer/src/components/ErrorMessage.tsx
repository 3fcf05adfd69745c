/**
 * A core error as the user sees it: the message, then the stable code for support and search.
 */
import type { ReactNode } from 'react';

/** Props of ErrorMessage. */
export interface ErrorMessageProps {
  code: string;
  message: string;
  /** Optional heading-like first line ("Could not open the workspace"). */
  title?: string;
  /** Extra sentence after the message (e.g. what was left unchanged). */
  children?: ReactNode;
}

/** An alert box with the error's message and code. */
export function ErrorMessage({ code, message, title, children }: ErrorMessageProps): ReactNode {
  return (
    <div role="alert" className="notice notice-error">
      {title !== undefined && <p className="notice-title">{title}</p>}
      <p>
        {message} <code className="error-code">{code}</code>
      </p>
      {children}
    </div>
  );
}
