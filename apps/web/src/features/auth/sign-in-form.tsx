// Email and password sign-in, plus a button for each OAuth provider the server has enabled.
import type { AuthStatus } from '@agent-generator/client';
import { Button, TextField } from '@agent-generator/ui';
import { useState, type FormEvent } from 'react';
import { messageOf } from '../../app/toasts';
import { useLogin } from './use-auth';

export function SignInForm({ status, onDone }: { readonly status: AuthStatus; readonly onDone?: () => void }) {
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email, password }, { onSuccess: () => onDone?.() });
  };
  return (
    <div className="ag-stack">
      {status.passwordLogin && (
        <form className="ag-stack" onSubmit={submit} aria-label="Sign in">
          <TextField label="Email" type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />
          <TextField label="Password" type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
          {login.error && (
            <p role="alert" className="ag-field__error">
              {messageOf(login.error)}
            </p>
          )}
          <Button type="submit" variant="primary" disabled={login.isPending}>
            {login.isPending ? 'Signing in…' : 'Sign in'}
          </Button>
        </form>
      )}
      {status.oauthProviders.length > 0 && (
        <div className="ag-stack" aria-label="Other ways to sign in" role="group">
          {status.oauthProviders.map((provider) => (
            <a key={provider.id} className="ag-button" href={provider.startUrl}>
              Continue with {provider.label}
            </a>
          ))}
        </div>
      )}
    </div>
  );
}
