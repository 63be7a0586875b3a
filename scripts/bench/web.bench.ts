// `npm run bench web`: the web app's bundle sizes (gzipped, from a fresh build) and Lighthouse scores
// (performance, accessibility) for the sign-in page and the signed-in project list, served by the real
// server bundle, measured with Lighthouse from npm driving Debian's Chromium. Medians of 3 runs.
// AG_BENCH_WEB_ONLY=projects:mobile measures one page and preset (a word of each); AG_BENCH_WEB_REPORTS=<dir>
// keeps every Lighthouse JSON report there to read its audits.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { median, printTable } from './stats';

// Benchmarks are bundled into a temporary folder before they run, so the repository is the working directory.
const ROOT = process.cwd();
const DIST = join(ROOT, 'apps/web/dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Number(process.env.AG_BENCH_RUNS ?? 3);
const ONLY = process.env.AG_BENCH_WEB_ONLY ?? '';
const REPORTS = process.env.AG_BENCH_WEB_REPORTS;
const CHROME_FLAGS = '--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync';

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: ReadonlyArray<string>;
}

function bundleSizes(): void {
  execFileSync('npm', ['run', 'build', '-w', '@agent-generator/web'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry) ?? '';
  const first = new Set<string>();
  const visit = (key: string) => {
    if (first.has(key)) return;
    first.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  visit(entry);
  const rows = Object.entries(manifest)
    .filter(([, chunk]) => chunk.file.endsWith('.js'))
    .map(([key, chunk]) => {
      const bytes = readFileSync(join(DIST, chunk.file));
      // The server sends brotli (quality 11) to browsers that take it, gzip to the rest.
      const brotli = brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT } }).length;
      return { chunk: chunk.file.replace(/^assets\//, ''), loads: first.has(key) ? 'first route' : 'on demand', 'raw KB': bytes.length / 1024, 'gzip KB': gzipSync(bytes).length / 1024, 'br KB': brotli / 1024 };
    })
    .sort((a, b) => b['gzip KB'] - a['gzip KB']);
  const firstRows = rows.filter((row) => row.loads === 'first route');
  const firstTotal = firstRows.reduce((sum, row) => sum + row['gzip KB'], 0);
  const firstBrotli = firstRows.reduce((sum, row) => sum + row['br KB'], 0);
  printTable(rows);
  console.log(`\nfirst route JavaScript: ${firstTotal.toFixed(1)} KB gzipped, ${firstBrotli.toFixed(1)} KB brotli (budget 200 KB gzipped, ratio ${(firstTotal / 200).toFixed(2)})\n`);
}

async function startServer(dataDir: string): Promise<{ readonly url: string; readonly child: ChildProcess }> {
  const bundle = join(ROOT, 'node_modules/.cache/ag-bench/server.js');
  mkdirSync(join(ROOT, 'node_modules/.cache/ag-bench'), { recursive: true });
  execFileSync('node', [join(ROOT, 'apps/server/build.mjs'), '--outfile', bundle], { cwd: ROOT, stdio: 'inherit' });
  const child = spawn('node', [bundle], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', WEB_DIR: DIST }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(text);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}: ${text.slice(-500)}`)));
  });
  return { url, child };
}

async function sessionCookie(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/setup`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'bench@example.com', name: 'Bench', password: 'a long enough bench password' }) });
  if (!response.ok) throw new Error(`setup answered ${response.status}`);
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
}

type Preset = 'mobile' | 'desktop';

function lighthouse(run: { readonly target: string; readonly cookie: string | undefined; readonly preset: Preset; readonly out: string }): { performance: number; accessibility: number; lcpMs: number; tbtMs: number } {
  const { target, cookie, preset, out } = run;
  const args = [target, ...(preset === 'desktop' ? ['--preset=desktop'] : []), '--output=json', `--output-path=${out}`, '--quiet', '--only-categories=performance,accessibility', `--chrome-flags=${CHROME_FLAGS}`];
  if (cookie) args.push(`--extra-headers=${JSON.stringify({ Cookie: cookie })}`);
  // Lighthouse now and then loses the trace on a busy machine (NO_NAVSTART): try again, up to three times.
  for (let attempt = 1; ; attempt += 1) {
    try {
      execFileSync(join(ROOT, 'node_modules/.bin/lighthouse'), args, { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ['ignore', 'ignore', 'pipe'] });
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
      console.log(`(lighthouse failed on ${target} [${preset}], attempt ${attempt}; retrying)`);
    }
  }
  if (REPORTS) {
    mkdirSync(REPORTS, { recursive: true });
    copyFileSync(out, join(REPORTS, out.split('/').at(-1) ?? 'lighthouse.json'));
  }
  const report = JSON.parse(readFileSync(out, 'utf8')) as {
    categories: Record<string, { score: number }>;
    audits: Record<string, { numericValue?: number }>;
  };
  return {
    performance: Math.round((report.categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((report.categories.accessibility?.score ?? 0) * 100),
    lcpMs: report.audits['largest-contentful-paint']?.numericValue ?? 0,
    tbtMs: report.audits['total-blocking-time']?.numericValue ?? 0,
  };
}

export default async function webBench(): Promise<void> {
  bundleSizes();
  const dataDir = mkdtempSync(join(tmpdir(), 'ag-bench-web-'));
  const { url, child } = await startServer(dataDir);
  try {
    const pages = [
      { page: 'setup (signed out, first route)', target: `${url}/`, cookie: undefined },
      { page: 'projects (signed in)', target: `${url}/projects`, cookie: undefined as string | undefined },
    ];
    const rows = [];
    for (const [index, page] of pages.entries()) {
      if (index === 1) page.cookie = await sessionCookie(url);
      for (const preset of ['mobile', 'desktop'] as const) {
        if (ONLY && !ONLY.split(':').every((word) => `${page.page} ${preset}`.includes(word))) continue;
        const runs = Array.from({ length: RUNS }, (_, run) => lighthouse({ target: page.target, cookie: page.cookie, preset, out: join(dataDir, `lh-${index}-${preset}-${run}.json`) }));
        rows.push({
          page: page.page,
          preset,
          performance: median(runs.map((run) => run.performance)),
          accessibility: median(runs.map((run) => run.accessibility)),
          'LCP ms': median(runs.map((run) => run.lcpMs)),
          'TBT ms': median(runs.map((run) => run.tbtMs)),
        });
      }
    }
    printTable(rows);
    console.log(`\nLighthouse ${RUNS} run(s) per page, mobile (simulated slow 4G, 4× CPU slowdown) and desktop presets; targets: performance ≥ 95, accessibility ≥ 95.`);
  } finally {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
