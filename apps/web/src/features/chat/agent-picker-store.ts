// Whether the ⌘P agent picker is open: the command opens it from anywhere, the Test page shows it.
import { useSyncExternalStore } from 'react';

let open = false;
const listeners = new Set<() => void>();

function set(next: boolean): void {
  open = next;
  for (const listener of listeners) listener();
}

export const agentPicker = {
  open: () => set(true),
  close: () => set(false),
};

export function useAgentPickerOpen(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => open,
  );
}
