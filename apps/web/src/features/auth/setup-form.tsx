// First-run setup: the first admin account, shown only while the server has no admin.
import { Button, TextField } from '@agent-generator/ui';
import { useState, type FormEvent } from 'react';
import { messageOf } from '../../app/toasts';
import { useSetup } from './use-auth';

export function SetupForm() {
  const setup = useSetup();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setup.mutate({ name, email, password });
  };
  return (
    <form className="ag-stack" onSubmit={submit} aria-label="Create the admin account">
      <TextField label="Your name" autoComplete="name" required value={name} onChange={(event) => setName(event.target.value)} />
      <TextField label="Email" type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        value={password}
        hint="The server checks its strength and says what it needs."
        onChange={(event) => setPassword(event.target.value)}
      />
      {setup.error && (
        <p role="alert" className="ag-field__error">
          {messageOf(setup.error)}
        </p>
      )}
      <Button type="submit" variant="primary" disabled={setup.isPending}>
        {setup.isPending ? 'Creating…' : 'Create admin and sign in'}
      </Button>
    </form>
  );
}
