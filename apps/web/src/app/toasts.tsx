// Toasts for results and errors: a provider holds the list, useToast() adds to it from anywhere.
import { ToastList, type ToastItem } from '@agent-generator/ui';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

interface ToastApi {
  readonly show: (kind: ToastItem['kind'], message: string) => void;
}

const ToastContext = createContext<ToastApi>({ show: () => undefined });
const LIFETIME_MS = 6000;
let nextId = 0;

export function ToastProvider({ children }: { readonly children: ReactNode }) {
  const [toasts, setToasts] = useState<ReadonlyArray<ToastItem>>([]);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)), []);
  const show = useCallback(
    (kind: ToastItem['kind'], message: string) => {
      const id = (nextId += 1);
      setToasts((list) => [...list.slice(-3), { id, kind, message }]);
      setTimeout(() => dismiss(id), LIFETIME_MS);
    },
    [dismiss],
  );
  const value = useMemo(() => ({ show }), [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <ToastList toasts={toasts} onDismiss={dismiss} />
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  return useContext(ToastContext);
}

/** The sentence to show for any thrown value: the server's message when there is one. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong.';
}
