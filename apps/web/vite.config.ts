// Vite build of the web app into dist/, which the server serves; /api is proxied to a local server in dev.
// The About dialog's component list is read here from the installed packages, so its versions are real.
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig } from 'vite';

const require = createRequire(import.meta.url);
const COMPONENTS = ['react', 'react-dom', '@tanstack/react-query', 'highlight.js', 'zod', '@fontsource/inter', '@fontsource/jetbrains-mono'];

function componentInfo(name: string) {
  const manifest = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string; license?: string };
  return { name, version: manifest.version, license: manifest.license ?? 'see package' };
}

const api = process.env.AGENT_GENERATOR_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  define: { __AG_COMPONENTS__: JSON.stringify(COMPONENTS.map(componentInfo)) },
  // Nothing is inlined as a data: URL: the server's Content-Security-Policy allows fonts and images from 'self' only.
  build: { outDir: 'dist', emptyOutDir: true, manifest: true, target: 'es2022', assetsInlineLimit: 0 },
  server: { host: '127.0.0.1', proxy: { '/api': { target: api, ws: true }, '/readyz': api } },
});
