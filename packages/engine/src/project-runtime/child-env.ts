// The environment handed to child processes: an explicit allow-list, never the server's env wholesale.
const BASE_KEYS = ['PATH', 'HOME', 'LANG'] as const;
// pip also needs the machine's index, proxy and certificate settings to reach a package registry.
const PIP_KEY = /^(PIP_[A-Z0-9_]+|HTTPS?_PROXY|NO_PROXY|https?_proxy|no_proxy|SSL_CERT_FILE|SSL_CERT_DIR|REQUESTS_CA_BUNDLE)$/;

type Environment = Readonly<Record<string, string | undefined>>;

function pick(source: Environment, accept: (key: string) => boolean): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    if (value !== undefined && accept(key)) picked[key] = value;
  }
  return picked;
}

/** PATH, HOME and LANG of this process, plus `extra` (which wins). */
export function childEnv(extra: Readonly<Record<string, string>>, source: Environment = process.env): Record<string, string> {
  return { ...pick(source, (key) => (BASE_KEYS as ReadonlyArray<string>).includes(key)), ...extra };
}

/** The same for pip: PATH, HOME, LANG and the pip, proxy and certificate settings. */
export function pipEnv(source: Environment = process.env): Record<string, string> {
  return { ...childEnv({}, source), ...pick(source, (key) => PIP_KEY.test(key)), PIP_DISABLE_PIP_VERSION_CHECK: '1', PYTHONDONTWRITEBYTECODE: '1' };
}
