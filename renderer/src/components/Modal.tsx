/**
 * A modal dialog on the native <dialog> element, which gives focus trapping, an inert
 * background and Escape handling for free.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

/** Props of Modal. */
export interface ModalProps {
  title: string;
  /** Called on Escape; omit to make the dialog stay until its owner removes it. */
  onDismiss?: () => void;
  className?: string;
  children: ReactNode;
}

/** Opens as a modal when mounted and closes when unmounted. Focuses `[data-autofocus]` first. */
export function Modal({ title, onDismiss, className, children }: ModalProps): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const dismissRef = useRef(onDismiss);
  dismissRef.current = onDismiss;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) {
      return;
    }
    // The native focus restore cannot run: React removes the dialog before our cleanup closes
    // it. So we remember the opener ourselves.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) {
      dialog.showModal();
    }
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    const onClose = (): void => {
      // Chromium may close a dialog on a repeated Escape even when `cancel` was prevented;
      // while the owner still renders us, the dialog must stay up.
      if (dismissRef.current) {
        dismissRef.current();
      } else if (dialog.isConnected && !dialog.open) {
        dialog.showModal();
      }
    };
    dialog.addEventListener('close', onClose);
    return () => {
      dialog.removeEventListener('close', onClose);
      dialog.close();
      if (opener?.isConnected) {
        opener.focus();
      }
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={className ? `modal ${className}` : 'modal'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        dismissRef.current?.();
      }}
    >
      <h2 id={titleId} className="modal-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
