// The eight frameworks we generate for. Support levels cite the vendor documentation they come
// from; "adapter" means the generated project builds the pattern or provider from the framework's
// general primitives (or an OpenAI-compatible endpoint) rather than a first-class feature.
import type { FrameworkEntry, ProviderId, Support } from '@agent-generator/contracts';

type ProviderSupport = Record<ProviderId, Support>;

const allNative: ProviderSupport = {
  openai: 'native', 'azure-openai': 'native', anthropic: 'native', bedrock: 'native', vertex: 'native',
  watsonx: 'native', ollama: 'native', ollabridge: 'native', 'openai-compatible': 'native',
};

export const frameworks: ReadonlyArray<FrameworkEntry> = [
  {
    id: 'crewai',
    name: 'CrewAI',
    vendor: 'CrewAI',
    philosophy: 'pipeline',
    maturity: 'core',
    summary: 'Role-based crews: agents with roles and goals work through tasks.',
    risk: 'Linear hand-offs; limited self-correction.',
    note: 'The `crewai` CLI now ships separately as `crewai-cli`; generated projects run with plain Python.',
    language: 'python',
    hyperscalers: ['azure', 'aws', 'gcp', 'ibm', 'on_prem'],
    // docs.crewai.com/concepts/processes: Process.sequential and Process.hierarchical (manager LLM).
    // Graphs and group chat are CrewAI Flows' job (docs.crewai.com/concepts/flows).
    patterns: { sequential: 'native', supervisor: 'native', react: 'adapter', graph: 'unsupported', 'group-chat': 'unsupported' },
    // docs.crewai.com/concepts/llms: native OpenAI, Anthropic, Azure, Bedrock, Gemini, Ollama; others via LiteLLM.
    providers: { ...allNative, watsonx: 'adapter', ollabridge: 'adapter' },
    exportTargets: ['zip', 'docker', 'github', 'hf', 'bedrock', 'azure-ai'],
    docsUrl: 'https://docs.crewai.com',
    defaultPattern: 'sequential',
  },
  {
    id: 'crewai-flow',
    name: 'CrewAI Flow',
    vendor: 'CrewAI',
    philosophy: 'graph',
    maturity: 'beta',
    summary: 'Event-driven flows with typed state, @start/@listen steps and routers.',
    risk: 'Newer API; fewer community recipes.',
    language: 'python',
    hyperscalers: ['azure', 'aws', 'gcp', 'on_prem'],
    // docs.crewai.com/concepts/flows: @start, @listen, @router, and_/or_ give chains and graphs;
    // a router step choosing the next worker is a supervisor built from those parts.
    patterns: { sequential: 'native', supervisor: 'adapter', react: 'adapter', graph: 'native', 'group-chat': 'unsupported' },
    providers: { ...allNative, watsonx: 'adapter', ollabridge: 'adapter' },
    exportTargets: ['zip', 'docker', 'github', 'hf', 'bedrock', 'azure-ai'],
    docsUrl: 'https://docs.crewai.com/concepts/flows',
    defaultPattern: 'sequential',
  },
  {
    id: 'langgraph',
    name: 'LangGraph',
    vendor: 'LangChain',
    philosophy: 'graph',
    maturity: 'core',
    summary: 'Explicit state machines: nodes, edges and shared state, with checkpoints.',
    risk: 'Higher design cost; every transition must be modelled.',
    language: 'python',
    hyperscalers: ['azure', 'aws', 'gcp', 'ibm', 'on_prem'],
    // langchain-ai.github.io/langgraph: StateGraph (graph, sequential chains), prebuilt ReAct agent,
    // multi-agent supervisor how-to; group chat is modelled as a round-robin graph.
    patterns: { sequential: 'native', supervisor: 'native', react: 'native', graph: 'native', 'group-chat': 'adapter' },
    // python.langchain.com/docs/integrations/chat: first-party packages for every provider listed.
    providers: allNative,
    exportTargets: ['zip', 'docker', 'github', 'hf', 'bedrock', 'azure-ai', 'vertex-ai'],
    docsUrl: 'https://langchain-ai.github.io/langgraph/',
    defaultPattern: 'graph',
  },
  {
    id: 'react',
    name: 'ReAct',
    vendor: 'community',
    philosophy: 'brainstorm',
    maturity: 'core',
    summary: 'A plain Python Reason → Act → Observe loop on the OpenAI SDK; no framework to learn.',
    risk: 'Loops may stall without an explicit step limit (the generated loop has one).',
    language: 'python',
    hyperscalers: ['azure', 'aws', 'gcp', 'ibm', 'on_prem'],
    // The ReAct paper (arxiv.org/abs/2210.03629) defines one agent's loop; chaining agents in task
    // order is our adapter. No delegation or state machine exists in a bare loop.
    patterns: { sequential: 'adapter', supervisor: 'unsupported', react: 'native', graph: 'unsupported', 'group-chat': 'unsupported' },
    // Talks the OpenAI chat-completions protocol; Anthropic, Gemini and Bedrock publish
    // OpenAI-compatible endpoints (docs.anthropic.com/en/api/openai-sdk,
    // ai.google.dev/gemini-api/docs/openai, docs.aws.amazon.com/bedrock: OpenAI chat completions API).
    providers: { ...allNative, anthropic: 'adapter', bedrock: 'adapter', vertex: 'adapter', watsonx: 'adapter' },
    exportTargets: ['zip', 'docker', 'github', 'hf'],
    docsUrl: 'https://platform.openai.com/docs/guides/function-calling',
    defaultPattern: 'react',
  },
  {
    id: 'watsonx-orchestrate',
    name: 'watsonx Orchestrate',
    vendor: 'IBM',
    philosophy: 'pipeline',
    maturity: 'core',
    summary: 'Enterprise agents in YAML with Python tools, imported with the Orchestrate ADK.',
    risk: 'IBM-cloud-centric; limited multi-vendor reach.',
    language: 'yaml',
    hyperscalers: ['ibm'],
    // developer.watson-orchestrate.ibm.com/agents/build_agent: `collaborators` (supervisor) and
    // `style: react | planner | default`; no graph or group-chat construct in agent YAML.
    patterns: { sequential: 'adapter', supervisor: 'native', react: 'native', graph: 'unsupported', 'group-chat': 'unsupported' },
    // developer.watson-orchestrate.ibm.com/llm/managing_llm: watsonx models native; external
    // providers through the AI gateway (`orchestrate models add`); a SaaS tenant cannot reach a local model.
    providers: {
      openai: 'adapter', 'azure-openai': 'adapter', anthropic: 'adapter', bedrock: 'adapter', vertex: 'adapter',
      watsonx: 'native', ollama: 'unsupported', ollabridge: 'unsupported', 'openai-compatible': 'adapter',
    },
    exportTargets: ['watsonx', 'zip', 'github', 'docker'],
    docsUrl: 'https://developer.watson-orchestrate.ibm.com',
    defaultPattern: 'supervisor',
  },
  {
    id: 'autogen',
    name: 'AutoGen',
    vendor: 'Microsoft',
    philosophy: 'brainstorm',
    maturity: 'archived',
    summary: 'Conversational agents in teams: round-robin, selector and graph flows (AgentChat API).',
    risk: 'May argue forever or drift off-topic without a termination rule.',
    note: 'AutoGen is in maintenance upstream; Microsoft Agent Framework is its successor.',
    language: 'python',
    hyperscalers: ['azure', 'on_prem'],
    // microsoft.github.io/autogen/stable/user-guide/agentchat-user-guide: RoundRobinGroupChat
    // (sequential turns, group chat), SelectorGroupChat (supervisor), GraphFlow (graph); a single
    // AssistantAgent's tool loop (reflect_on_tool_use) is our ReAct adapter.
    patterns: { sequential: 'native', supervisor: 'native', react: 'adapter', graph: 'native', 'group-chat': 'native' },
    // .../components/model-clients: OpenAI, Azure OpenAI, Anthropic, Ollama clients in autogen-ext;
    // Gemini through its OpenAI-compatible endpoint; Bedrock and watsonx only through a proxy.
    providers: { ...allNative, bedrock: 'adapter', vertex: 'adapter', watsonx: 'adapter' },
    exportTargets: ['zip', 'docker', 'github', 'hf', 'azure-ai'],
    docsUrl: 'https://microsoft.github.io/autogen/stable/',
    defaultPattern: 'group-chat',
  },
  {
    id: 'strands',
    name: 'Strands Agents',
    vendor: 'AWS',
    philosophy: 'pipeline',
    maturity: 'new',
    summary: 'Model-driven agents: the model plans and calls tools; agents compose as tools, graphs or swarms.',
    risk: 'Young SDK; multi-agent APIs still moving.',
    language: 'python',
    hyperscalers: ['aws', 'on_prem'],
    // strandsagents.com/latest/user-guide: the agent loop (ReAct), "agents as tools" (supervisor),
    // multi-agent Graph (graph, sequential) and Swarm (collaborative hand-offs, our group chat adapter).
    patterns: { sequential: 'native', supervisor: 'native', react: 'native', graph: 'native', 'group-chat': 'adapter' },
    // strandsagents.com/latest/user-guide/concepts/model-providers: Bedrock (default), Anthropic,
    // OpenAI, Ollama, LiteLLM, Gemini; watsonx and Azure through LiteLLM.
    providers: { ...allNative, 'azure-openai': 'adapter', watsonx: 'adapter', ollabridge: 'adapter' },
    exportTargets: ['zip', 'docker', 'github', 'hf', 'bedrock'],
    docsUrl: 'https://strandsagents.com',
    defaultPattern: 'supervisor',
  },
  {
    id: 'llamaindex',
    name: 'LlamaIndex',
    vendor: 'LlamaIndex',
    philosophy: 'graph',
    maturity: 'beta',
    summary: 'Data-centric agents: AgentWorkflow with hand-offs, ReAct and function agents over your data.',
    risk: 'Best for retrieval; complex multi-agent control needs custom workflows.',
    language: 'python',
    hyperscalers: ['azure', 'aws', 'gcp', 'ibm', 'on_prem'],
    // docs.llamaindex.ai/en/stable/understanding/agent: ReActAgent, AgentWorkflow with a root agent
    // handing off (supervisor); Workflows (event-driven steps) for graphs and fixed sequences.
    patterns: { sequential: 'adapter', supervisor: 'native', react: 'native', graph: 'adapter', 'group-chat': 'unsupported' },
    // docs.llamaindex.ai/en/stable/module_guides/models/llms/modules: integrations for every provider listed.
    providers: allNative,
    exportTargets: ['zip', 'docker', 'github', 'hf', 'vertex-ai', 'bedrock'],
    docsUrl: 'https://docs.llamaindex.ai',
    defaultPattern: 'react',
  },
];
