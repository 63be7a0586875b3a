// Account: who you are, and your API tokens for the CLI and scripts (created once, revocable).
import { Badge, Button, TextField } from '@agent-generator/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../app/api';
import { messageOf, useToast } from '../../app/toasts';
import { useFormat } from '../../app/use-format';
import { useMe } from '../auth/use-auth';

export function AccountTab() {
  const format = useFormat();
  const me = useMe();
  const queryClient = useQueryClient();
  const toast = useToast();
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: () => api.tokens.list() });
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<string | undefined>(undefined);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['tokens'] });
  const create = useMutation({
    mutationFn: () => api.tokens.create({ name, scopes: me.data?.user.role === 'viewer' ? ['read'] : ['read', 'write'] }),
    onSuccess: (answer) => {
      setSecret(answer.token);
      setName('');
      void refresh();
    },
    onError: (error) => toast.show('error', messageOf(error)),
  });
  const revoke = useMutation({ mutationFn: api.tokens.revoke, onSuccess: () => void refresh(), onError: (error) => toast.show('error', messageOf(error)) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <div className="ag-stack">
      {me.data && (
        <dl className="ag-facts">
          <dt>Name</dt>
          <dd>{me.data.user.name}</dd>
          <dt>Email</dt>
          <dd>{me.data.user.email}</dd>
          <dt>Role</dt>
          <dd>{me.data.user.role}</dd>
          <dt>Session ends</dt>
          <dd>{me.data.expiresAt ? format.dateTime(me.data.expiresAt) : 'when the token is revoked'}</dd>
        </dl>
      )}
      <h2>API tokens</h2>
      <form className="ag-row" onSubmit={submit} style={{ alignItems: 'flex-end' }}>
        <TextField label="New token name" value={name} required onChange={(event) => setName(event.target.value)} />
        <Button type="submit" disabled={create.isPending || name.trim() === ''}>
          Create token
        </Button>
      </form>
      {secret && (
        <div className="ag-card" role="status">
          <strong>Copy this token now; it is not shown again.</strong>
          <pre className="ag-code" tabIndex={0} aria-label="New API token">
            {secret}
          </pre>
        </div>
      )}
      <table className="ag-table ag-table--wide">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Prefix</th>
            <th scope="col">Scopes</th>
            <th scope="col">Last used</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {tokens.data?.items.map((token) => (
            <tr key={token.id}>
              <td>{token.name}</td>
              <td>
                <code>{token.prefix}…</code>
              </td>
              <td>{token.scopes.join(', ')}</td>
              <td>{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : 'never'}</td>
              <td>
                {token.revokedAt ? (
                  <Badge>revoked</Badge>
                ) : (
                  <Button size="small" variant="danger" onClick={() => revoke.mutate(token.id)}>
                    Revoke
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {tokens.data?.items.length === 0 && <p className="ag-muted">No tokens yet. Create one to use the CLI against this server.</p>}
    </div>
  );
}
