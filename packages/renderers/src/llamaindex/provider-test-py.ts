// The provider test of tests/test_llamaindex.py: with MODEL_PROVIDER set to the spec's provider,
// build_llm returns that provider's own LlamaIndex class, offline. Vertex and watsonx clients call
// their service when constructed, so for them the test checks the integration class instead.
import type { ProviderId } from '@agent-generator/contracts';

interface ProviderCase {
  readonly module: string;
  readonly className: string;
  readonly env: Readonly<Record<string, string>>;
  /** False when the client contacts its service while being constructed. */
  readonly offline: boolean;
}

const CASES: Partial<Record<ProviderId, ProviderCase>> = {
  openai: { module: 'llama_index.llms.openai_like', className: 'OpenAILike', env: { OPENAI_API_KEY: 'test' }, offline: true },
  ollama: { module: 'llama_index.llms.ollama', className: 'Ollama', env: { OLLAMA_BASE_URL: 'http://127.0.0.1:11434' }, offline: true },
  'azure-openai': {
    module: 'llama_index.llms.azure_openai',
    className: 'AzureOpenAI',
    env: { AZURE_OPENAI_ENDPOINT: 'https://example.openai.azure.com', AZURE_OPENAI_API_KEY: 'test' },
    offline: true,
  },
  anthropic: { module: 'llama_index.llms.anthropic', className: 'Anthropic', env: { ANTHROPIC_API_KEY: 'test' }, offline: true },
  bedrock: {
    module: 'llama_index.llms.bedrock_converse',
    className: 'BedrockConverse',
    env: { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' },
    offline: true,
  },
  vertex: { module: 'llama_index.llms.google_genai', className: 'GoogleGenAI', env: {}, offline: false },
  watsonx: { module: 'llama_index.llms.ibm', className: 'WatsonxLLM', env: {}, offline: false },
};

export function providerTestPy(provider: ProviderId, pkg: string): string {
  const found = CASES[provider];
  if (!found) return '';
  if (!found.offline) {
    return `def test_the_${provider.replace('-', '_')}_integration_is_installed_with_tool_calling() -> None:
    # Its client calls the service while being constructed, so only the class is checked offline.
    from llama_index.core.llms.function_calling import FunctionCallingLLM
    from ${found.module} import ${found.className}

    assert issubclass(${found.className}, FunctionCallingLLM)`;
  }
  const env = Object.entries({ MODEL_PROVIDER: provider, ...found.env }).map(([name, value]) => `    monkeypatch.setenv("${name}", "${value}")`);
  return `def test_the_${provider.replace('-', '_')}_provider_gets_its_own_llamaindex_model(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    from ${found.module} import ${found.className}
    from ${pkg}.llm import build_llm
    from ${pkg}.settings import load_settings

    monkeypatch.chdir(tmp_path)
${env.join('\n')}
    llm = build_llm(load_settings())
    assert isinstance(llm, ${found.className})
    assert llm.metadata.is_function_calling_model`;
}
