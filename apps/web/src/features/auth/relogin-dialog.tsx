// Shown over the app when the session expires: sign in again and carry on; nothing on screen is lost.
import { Modal } from '@agent-generator/ui';
import { useSyncExternalStore } from 'react';
import { sessionStore } from '../../app/session-store';
import { SignInForm } from './sign-in-form';
import { useAuthStatus } from './use-auth';

export function ReloginDialog() {
  const session = useSyncExternalStore(sessionStore.subscribe, sessionStore.snapshot);
  const status = useAuthStatus();
  if (!session.expired || !status.data) return null;
  return (
    <Modal title="Your session has expired" onClose={() => undefined}>
      <p className="ag-muted">Sign in again to continue. Your work in progress stays where it is.</p>
      <SignInForm status={status.data} />
    </Modal>
  );
}
