// Applies the chosen density to <html data-density>, which switches the spacing tokens in tokens.css.
import type { UserSettings } from '@agent-generator/client';

type Density = UserSettings['density'];
const STORAGE_KEY = 'ag.density';

export function applyDensity(density: Density): void {
  document.documentElement.dataset.density = density;
  localStorage.setItem(STORAGE_KEY, density);
}

/** The last density used on this device, so the first paint already has the right spacing. */
export function storedDensity(): Density {
  return localStorage.getItem(STORAGE_KEY) === 'compact' ? 'compact' : 'comfortable';
}
