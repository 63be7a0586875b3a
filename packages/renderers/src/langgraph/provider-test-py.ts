// The generated test that the spec's own provider builds the right LangChain chat model offline.
import type { ProviderId } from '@agent-generator/contracts';

interface ProviderCheck {
  readonly env: Readonly<Record<string, string>>;
  readonly module: string;
  readonly className: string;
  /** Further assertions on `model`. */
  readonly extra?: string;
}

const checks: Record<Exclude<ProviderId, 'watsonx'>, ProviderCheck> = {
  openai: { env: { OPENAI_API_KEY: 'test' }, module: 'langchain_openai', className: 'ChatOpenAI' },
  'openai-compatible': { env: { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' }, module: 'langchain_openai', className: 'ChatOpenAI' },
  ollabridge: { env: {}, module: 'langchain_openai', className: 'ChatOpenAI' },
  ollama: {
    env: { OLLAMA_BASE_URL: 'http://127.0.0.1:11434/' },
    module: 'langchain_ollama',
    className: 'ChatOllama',
    extra: '    assert model.base_url == "http://127.0.0.1:11434"  # the native API root, without /v1\n',
  },
  'azure-openai': { env: { AZURE_OPENAI_ENDPOINT: 'https://example.openai.azure.com', AZURE_OPENAI_API_KEY: 'test' }, module: 'langchain_openai', className: 'AzureChatOpenAI' },
  anthropic: { env: { ANTHROPIC_API_KEY: 'test' }, module: 'langchain_anthropic', className: 'ChatAnthropic' },
  bedrock: { env: { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' }, module: 'langchain_aws', className: 'ChatBedrockConverse' },
  vertex: { env: { GOOGLE_API_KEY: 'test' }, module: 'langchain_google_genai', className: 'ChatGoogleGenerativeAI' },
};

const HEADER = `def test_the_spec_provider_builds_its_chat_model(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    """MODEL_PROVIDER defaults to the spec's provider, whose LangChain integration builds offline."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MODEL_PROVIDER", raising=False)`;

// ChatWatsonx authenticates against IBM Cloud as soon as it is built, so the test checks the
// arguments the project passes instead of constructing it.
const WATSONX = `${HEADER}
    import langchain_ibm

    received: dict[str, object] = {}
    monkeypatch.setattr(langchain_ibm, "ChatWatsonx", lambda **arguments: received.update(arguments) or "watsonx-model")
    for name, value in {"WATSONX_URL": "https://us-south.ml.cloud.ibm.com", "WATSONX_APIKEY": "test", "WATSONX_PROJECT_ID": "project"}.items():
        monkeypatch.setenv(name, value)
    assert build_chat_model(load_settings()) == "watsonx-model"
    assert received["url"] == "https://us-south.ml.cloud.ibm.com"
    assert received["apikey"] == "test"
    assert received["project_id"] == "project"
`;

export function providerTestPy(provider: ProviderId): string {
  if (provider === 'watsonx') return WATSONX;
  const check = checks[provider];
  const env = Object.entries(check.env).map(([name, value]) => `    monkeypatch.setenv("${name}", "${value}")`);
  return `${HEADER}
${env.join('\n')}${env.length > 0 ? '\n' : ''}    from ${check.module} import ${check.className}

    model = build_chat_model(load_settings())
    assert type(model) is ${check.className}
${check.extra ?? ''}`;
}
