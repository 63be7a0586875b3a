// The Python base image for container tests, built here because no registry can be reached:
// debootstrap a minimal Debian bookworm with Debian's python3, then `docker import` it. The root
// file system is cached as a tarball under the cache root and the tag carries a hash of the
// recipe, so a warm machine imports (or finds) it in seconds.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { withCacheLock, type DockerEngine } from './docker-engine';
import { cacheRoot } from './python-venv';

const run = promisify(execFile);

/** Certificates the machine trusts beyond Debian's bundle (e.g. a TLS-inspecting egress proxy). */
const LOCAL_CA_DIR = '/usr/local/share/ca-certificates';
const CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

const RECIPE = {
  version: 1,
  suite: 'bookworm',
  variant: 'minbase',
  // python-is-python3 gives `python`, as in the official python images.
  packages: ['python3', 'python3-venv', 'python3-pip', 'python-is-python3'],
  trim: ['var/cache/apt/archives', 'var/lib/apt/lists', 'usr/share/doc', 'usr/share/man', 'usr/share/info', 'usr/share/locale'],
  // The host's resolver and name must not travel into the image.
  remove: ['etc/resolv.conf', 'etc/hostname'],
  changes: [
    'ENV LANG=C.UTF-8',
    'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    // pip and requests ship their own CA list; point them at the system bundle like the host does.
    `ENV SSL_CERT_FILE=${CA_BUNDLE} PIP_CERT=${CA_BUNDLE} REQUESTS_CA_BUNDLE=${CA_BUNDLE}`,
    'CMD ["python3"]',
  ],
} as const;

function localCertificates(): string[] {
  if (!existsSync(LOCAL_CA_DIR)) return [];
  return readdirSync(LOCAL_CA_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.crt'))
    .sort();
}

function recipeKey(certificates: ReadonlyArray<string>): string {
  const hash = createHash('sha256').update(JSON.stringify(RECIPE));
  for (const file of certificates) hash.update(`\n${file}\n`).update(readFileSync(join(LOCAL_CA_DIR, file)));
  return hash.digest('hex').slice(0, 16);
}

function tool(name: string): string {
  return existsSync(`/usr/sbin/${name}`) ? `/usr/sbin/${name}` : name;
}

// A failed debootstrap can leave /proc or /sys mounted inside the root; never delete through them.
async function removeRoot(root: string): Promise<void> {
  const mounts = readFileSync('/proc/mounts', 'utf8').split('\n').map((line) => line.split(' ')[1] ?? '');
  for (const mount of mounts.filter((path) => path.startsWith(`${root}/`)).reverse()) await run('umount', ['--lazy', mount]);
  rmSync(root, { recursive: true, force: true });
}

async function buildRootTarball(tarball: string, certificates: ReadonlyArray<string>): Promise<void> {
  if (!existsSync(tool('debootstrap'))) throw new Error('debootstrap is missing: run `bash scripts/ci/install-docker.sh` first');
  const root = `${tarball}.root-${process.pid}`;
  const staging = `${tarball}.tmp-${process.pid}`;
  await removeRoot(root);
  try {
    const mirror = process.env.AG_DEBIAN_MIRROR ?? 'http://deb.debian.org/debian';
    await run(tool('debootstrap'), [`--variant=${RECIPE.variant}`, `--include=${RECIPE.packages.join(',')}`, RECIPE.suite, root, mirror], {
      timeout: 30 * 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    for (const file of certificates) {
      mkdirSync(dirname(join(root, LOCAL_CA_DIR, file)), { recursive: true });
      cpSync(join(LOCAL_CA_DIR, file), join(root, LOCAL_CA_DIR, file));
    }
    await run(tool('chroot'), [root, 'update-ca-certificates']);
    for (const directory of RECIPE.trim) for (const entry of readdirSync(join(root, directory))) rmSync(join(root, directory, entry), { recursive: true, force: true });
    for (const file of RECIPE.remove) rmSync(join(root, file), { force: true });
    await run('tar', ['--numeric-owner', '--exclude=./dev/*', '-C', root, '-czf', staging, '.'], { timeout: 10 * 60_000 });
    renameSync(staging, tarball);
  } finally {
    rmSync(staging, { force: true });
    await removeRoot(root);
  }
}

/** Returns the tag of the local Python base image in this engine, building or importing it once. */
export async function ensureBaseImage(engine: DockerEngine): Promise<string> {
  const certificates = localCertificates();
  const key = recipeKey(certificates);
  const image = `agent-generator/python-base:${key}`;
  const present = async (): Promise<boolean> => engine.docker(['image', 'inspect', image]).then(() => true, () => false);
  if (await present()) return image;
  const directory = join(cacheRoot(), 'base-images');
  mkdirSync(directory, { recursive: true });
  const tarball = join(directory, `python-${RECIPE.suite}-${key}.tar.gz`);
  await withCacheLock(`base-image-${key}`, async () => {
    if (await present()) return;
    if (!existsSync(tarball)) await buildRootTarball(tarball, certificates);
    await engine.docker(['import', ...RECIPE.changes.flatMap((change) => ['--change', change]), tarball, image], { timeoutMs: 10 * 60_000 });
  });
  return image;
}
