// A button in one of four looks; every clickable action in the app uses it.
import type { ButtonHTMLAttributes } from 'react';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  readonly variant?: 'default' | 'primary' | 'danger' | 'ghost';
  readonly size?: 'normal' | 'small';
}

export function Button({ variant = 'default', size = 'normal', className, type = 'button', ...rest }: ButtonProps) {
  const classes = ['ag-button', variant !== 'default' ? `ag-button--${variant}` : '', size === 'small' ? 'ag-button--small' : '', className ?? ''].filter(Boolean).join(' ');
  return <button type={type} className={classes} {...rest} />;
}
