// The page before the app: first-run setup when no admin exists, otherwise sign-in.
import type { AuthStatus } from '@agent-generator/client';
import { SetupForm } from './setup-form';
import { SignInForm } from './sign-in-form';

export function AuthPage({ status }: { readonly status: AuthStatus }) {
  return (
    <main className="ag-auth">
      <div className="ag-card ag-auth__card">
        <h1>{status.setupRequired ? 'Set up Agent Generator' : 'Sign in to Agent Generator'}</h1>
        <p className="ag-muted">
          {status.setupRequired
            ? 'No admin exists on this server yet. Create the first admin account; you can invite others later.'
            : 'Turn one sentence into a runnable multi-agent project.'}
        </p>
        {status.setupRequired ? <SetupForm /> : <SignInForm status={status} />}
      </div>
    </main>
  );
}
