// The user menu: who is signed in, and account, settings, about and sign out.
import type { User } from '@agent-generator/client';
import { useEffect, useId, useRef, useState } from 'react';

export interface UserMenuProps {
  readonly user: User;
  readonly onNavigate: (to: string) => void;
  readonly onAbout: () => void;
  readonly onSignOut: () => void;
}

export function UserMenu({ user, onNavigate, onAbout, onSignOut }: UserMenuProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  const choose = (action: () => void) => () => {
    setOpen(false);
    action();
  };
  return (
    <div className="ag-user-menu" ref={root}>
      <button type="button" className="ag-button ag-button--ghost" aria-haspopup="menu" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen(!open)}>
        <span className="ag-avatar" aria-hidden="true">
          {user.name.slice(0, 1).toUpperCase()}
        </span>
        <span className="ag-user-menu__name">{user.name}</span>
      </button>
      {open && (
        <div className="ag-user-menu__list" role="menu" id={menuId}>
          <div className="ag-muted ag-user-menu__who">
            {user.email} · {user.role}
          </div>
          <button type="button" role="menuitem" onClick={choose(() => onNavigate('/settings/account'))}>
            Account
          </button>
          <button type="button" role="menuitem" onClick={choose(() => onNavigate('/settings'))}>
            Settings
          </button>
          <button type="button" role="menuitem" onClick={choose(onAbout)}>
            About
          </button>
          <button type="button" role="menuitem" onClick={choose(onSignOut)}>
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}
