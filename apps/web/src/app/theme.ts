// Applies the chosen theme to <html data-theme>, following the system setting when the choice is "system".
import type { Theme } from '@agent-generator/client';

const STORAGE_KEY = 'ag.theme';

export function resolvedTheme(theme: Theme): 'light' | 'dark' {
  if (theme !== 'system') return theme;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = resolvedTheme(theme);
  localStorage.setItem(STORAGE_KEY, theme);
}

/** The last theme used on this device, so the first paint already has the right colours. */
export function storedTheme(): Theme {
  const value = localStorage.getItem(STORAGE_KEY);
  return value === 'light' || value === 'dark' || value === 'system' ? value : 'system';
}
