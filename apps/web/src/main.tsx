// Entry point: fonts, tokens and styles, the theme and density before first paint, then the app.
import '@fontsource/inter/400.css';
import '@fontsource/inter/600.css';
import '@fontsource/jetbrains-mono/400.css';
import './fonts/inter-core.css';
import '@agent-generator/ui/tokens.css';
import '@agent-generator/ui/components.css';
import './app/shell.css';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { applyDensity, storedDensity } from './app/density';
import { applyTheme, storedTheme } from './app/theme';

applyTheme(storedTheme());
applyDensity(storedDensity());
const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
