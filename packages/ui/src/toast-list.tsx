// The stack of toasts in a live region: results and errors appear here and can be dismissed.
export interface ToastItem {
  readonly id: number;
  readonly kind: 'info' | 'success' | 'error';
  readonly message: string;
}

export function ToastList({ toasts, onDismiss }: { readonly toasts: ReadonlyArray<ToastItem>; readonly onDismiss: (id: number) => void }) {
  return (
    <div className="ag-toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`ag-toast ag-toast--${toast.kind}`} role={toast.kind === 'error' ? 'alert' : undefined}>
          <span className="ag-toast__text">{toast.message}</span>
          <button type="button" className="ag-button ag-button--ghost ag-button--small" onClick={() => onDismiss(toast.id)} aria-label="Dismiss">
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
