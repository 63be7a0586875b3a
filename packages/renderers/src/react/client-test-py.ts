// The generated test that the spec's own provider gets the right OpenAI SDK client, offline.
import type { ProviderId } from '@agent-generator/contracts';

interface ClientCheck {
  /** Variables to set; an empty value removes the variable so the settings default applies. */
  readonly env: Readonly<Record<string, string>>;
  readonly className: 'OpenAI' | 'AzureOpenAI';
  /** Python assertions on `client`. */
  readonly assertions: string;
}

function compatible(env: Readonly<Record<string, string>>, url: string): ClientCheck {
  return { env, className: 'OpenAI', assertions: `    assert str(client.base_url).rstrip("/") == "${url}"\n` };
}

const checks: Record<Exclude<ProviderId, 'watsonx'>, ClientCheck> = {
  openai: compatible({ OPENAI_API_KEY: 'test', OPENAI_BASE_URL: '' }, 'https://api.openai.com/v1'),
  'openai-compatible': compatible({ OPENAI_BASE_URL: 'http://127.0.0.1:8000/v1' }, 'http://127.0.0.1:8000/v1'),
  ollama: compatible({ OLLAMA_BASE_URL: 'http://127.0.0.1:11434' }, 'http://127.0.0.1:11434/v1'),
  ollabridge: compatible({ OLLABRIDGE_BASE_URL: '' }, 'http://127.0.0.1:11435/v1'),
  anthropic: compatible({ ANTHROPIC_API_KEY: 'test' }, 'https://api.anthropic.com/v1'),
  vertex: compatible({ GOOGLE_API_KEY: 'test' }, 'https://generativelanguage.googleapis.com/v1beta/openai'),
  'azure-openai': {
    env: { AZURE_OPENAI_ENDPOINT: 'https://example.openai.azure.com', AZURE_OPENAI_API_KEY: 'test' },
    className: 'AzureOpenAI',
    assertions: '    assert str(client.base_url).startswith("https://example.openai.azure.com/openai")\n',
  },
  bedrock: {
    env: { AWS_REGION: 'us-west-2', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_BEARER_TOKEN_BEDROCK: '' },
    className: 'OpenAI',
    assertions: '    assert str(client.base_url).startswith("https://bedrock-mantle.us-west-2.")\n',
  },
};

function envLines(env: Readonly<Record<string, string>>): string {
  return Object.entries(env)
    .map(([name, value]) => (value === '' ? `    monkeypatch.delenv("${name}", raising=False)` : `    monkeypatch.setenv("${name}", "${value}")`))
    .join('\n');
}

function header(provider: ProviderId): string {
  return `def test_the_spec_provider_gets_its_client(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    """MODEL_PROVIDER defaults to the spec's provider (${provider}), whose client builds offline."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MODEL_PROVIDER", raising=False)`;
}

export function clientTestPy(provider: ProviderId): string {
  if (provider === 'watsonx') {
    return `${header(provider)}
${envLines({ WATSONX_URL: 'https://us-south.ml.cloud.ibm.com', WATSONX_APIKEY: 'test', WATSONX_PROJECT_ID: 'project' })}
    with pytest.raises(ValueError, match="OpenAI-compatible gateway"):
        build_client(load_settings())
`;
  }
  const check = checks[provider];
  return `${header(provider)}
${envLines(check.env)}
    from openai import ${check.className}

    client = build_client(load_settings())
    assert type(client) is ${check.className}
${check.assertions}`;
}
