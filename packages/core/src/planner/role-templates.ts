// The agent roles the planner knows, in the order work flows between them. `triggers` are words
// in an idea that call for the role; `nouns` are words in a named agent ("Content Curator agent")
// that say which role it plays. `{subject}` in the texts becomes the spec's input placeholder.
import type { ToolId } from '@agent-generator/contracts';

export type RoleKind = 'supervisor' | 'researcher' | 'assistant' | 'analyst' | 'writer' | 'reviewer' | 'publisher';

export interface RoleTemplate {
  readonly kind: RoleKind;
  readonly role: string;
  readonly taskId: string;
  readonly triggers: ReadonlyArray<string>;
  readonly nouns: ReadonlyArray<string>;
  readonly goal: string;
  readonly backstory: string;
  readonly task: string;
  readonly expectedOutput: string;
}

export const ROLE_TEMPLATES: ReadonlyArray<RoleTemplate> = [
  {
    kind: 'supervisor',
    role: 'Supervisor',
    taskId: 'planning_task',
    triggers: [],
    nouns: ['supervisor', 'manager', 'orchestrator', 'coordinator', 'lead', 'chief', 'director', 'head', 'boss'],
    goal: 'Deliver a complete, correct result for {subject} by giving each specialist the right part of the work',
    backstory: 'An experienced lead who breaks work into clear assignments, delegates each to the specialist best suited for it, and checks results before anything is delivered.',
    task: 'Plan the work on {subject}: split it into steps, decide which specialist handles each one and what they must hand back.',
    expectedOutput: 'A short plan naming each step, the specialist responsible and the result expected from them.',
  },
  {
    kind: 'researcher',
    role: 'Researcher',
    taskId: 'research_task',
    triggers: [
      'find', 'finds', 'research', 'researches', 'researching', 'researcher', 'search', 'searches', 'searching', 'look up', 'looks up',
      'gather', 'gathers', 'collect', 'collects', 'discover', 'discovers', 'investigate', 'investigates', 'monitor', 'monitors',
      'track', 'tracks', 'browse', 'browses', 'fetch', 'fetches', 'scrape', 'scrapes', 'crawl', 'crawls', 'retrieve', 'retrieves',
      'read', 'reads', 'scan', 'scans',
    ],
    nouns: ['researcher', 'research', 'scout', 'searcher', 'search', 'finder', 'collector', 'crawler', 'scraper', 'retriever', 'curator', 'gatherer'],
    goal: 'Find reliable, current information about {subject}',
    backstory: 'A meticulous researcher who checks every claim against its source and never invents a citation.',
    task: 'Research {subject}. Collect the facts, figures and sources the rest of the team needs.',
    expectedOutput: 'A list of findings, each with its source (title and link, or document name).',
  },
  {
    kind: 'assistant',
    role: 'Support assistant',
    taskId: 'answer_task',
    triggers: ['answer', 'answers', 'answering', 'respond', 'responds', 'reply', 'replies', 'chatbot', 'chat bot', 'customer support', 'support bot', 'helpdesk', 'help desk', 'faq', 'faqs'],
    nouns: ['assistant', 'support', 'responder', 'helper', 'concierge', 'chatbot'],
    goal: 'Answer {subject} accurately and helpfully',
    backstory: 'A patient support specialist who answers from the knowledge available, says so when an answer is unknown, and keeps replies short.',
    task: 'Answer {subject} using the information gathered so far. Say plainly when something is not known.',
    expectedOutput: 'A direct answer to the request, with the sources it relies on.',
  },
  {
    kind: 'analyst',
    role: 'Analyst',
    taskId: 'analysis_task',
    triggers: [
      'analyse', 'analyses', 'analysing', 'analyze', 'analyzes', 'analyzing', 'analysis', 'analyst', 'compare', 'compares', 'evaluate',
      'evaluates', 'assess', 'assesses', 'extract', 'extracts', 'classify', 'classifies', 'categorise', 'categorize', 'categorises',
      'categorizes', 'triage', 'triages', 'process', 'processes', 'processing', 'calculate', 'calculates', 'compute', 'computes',
      'forecast', 'forecasts', 'insights', 'trends', 'rank', 'ranks', 'prioritise', 'prioritize',
    ],
    nouns: ['analyst', 'analyzer', 'analyser', 'analysis', 'evaluator', 'classifier', 'triager', 'processor', 'extractor', 'strategist'],
    goal: 'Turn the material on {subject} into clear, checked insights',
    backstory: 'A careful analyst who compares sources, checks numbers and keeps facts apart from opinions.',
    task: 'Analyse the material on {subject}: extract the key points, compare them and work out any figures.',
    expectedOutput: 'A structured analysis: key points, comparisons and figures, each traced to its source.',
  },
  {
    kind: 'writer',
    role: 'Writer',
    taskId: 'writing_task',
    triggers: [
      'write', 'writes', 'writing', 'writer', 'draft', 'drafts', 'compose', 'composes', 'summarise', 'summarises', 'summarize',
      'summarizes', 'summary', 'summaries', 'digest', 'report', 'reports', 'blog', 'article', 'articles', 'newsletter', 'documentation',
    ],
    nouns: ['writer', 'author', 'copywriter', 'summarizer', 'summariser', 'reporter', 'creator', 'marketer', 'content', 'storyteller', 'blogger'],
    goal: 'Write a clear, well-structured result about {subject}',
    backstory: 'A skilled writer who turns notes and analysis into concise prose a busy reader understands at once.',
    task: "Write the final result about {subject} from the team's work, in Markdown.",
    expectedOutput: 'A well-structured Markdown document ready to share.',
  },
  {
    kind: 'reviewer',
    role: 'Reviewer',
    taskId: 'review_task',
    triggers: [
      'review', 'reviews', 'reviewing', 'reviewer', 'critique', 'critiques', 'critic', 'proofread', 'proofreads', 'fact-check',
      'fact-checks', 'verify', 'verifies', 'validate', 'validates', 'approve', 'approves', 'edit', 'edits', 'editor', 'quality check',
    ],
    nouns: ['reviewer', 'critic', 'editor', 'checker', 'validator', 'verifier', 'qa', 'auditor', 'proofreader', 'tester'],
    goal: 'Make sure the result about {subject} is accurate, complete and clear',
    backstory: 'A demanding editor who checks facts, fixes unclear wording and sends back anything unsupported.',
    task: 'Review the draft about {subject}: check every claim against the findings, fix errors and tighten the wording.',
    expectedOutput: 'The corrected final version, followed by a short list of the changes made.',
  },
  {
    kind: 'publisher',
    role: 'Publisher',
    taskId: 'delivery_task',
    triggers: [
      'send', 'sends', 'sending', 'email', 'emails', 'e-mail', 'mail', 'mails', 'notify', 'notifies', 'alert', 'alerts', 'publish',
      'publishes', 'post', 'posts', 'share', 'shares', 'deliver', 'delivers', 'slack',
    ],
    nouns: ['publisher', 'sender', 'notifier', 'mailer', 'messenger', 'dispatcher', 'poster'],
    goal: 'Deliver the finished result about {subject} to the right people',
    backstory: 'A reliable coordinator who sends results on time, in the right format, to the right place, and confirms what was sent.',
    task: 'Deliver the finished result about {subject} as the brief asks (for example by email or chat) and report what was sent.',
    expectedOutput: 'A confirmation of what was delivered, to whom or where, with the final text.',
  },
];

export function templateOf(kind: RoleKind): RoleTemplate {
  const template = ROLE_TEMPLATES.find((candidate) => candidate.kind === kind);
  if (!template) throw new Error(`no role template "${kind}"`);
  return template;
}

/** Which roles should hold a tool, best first; tools no present role prefers go to a fallback. */
export const TOOL_HOLDERS: Readonly<Record<ToolId, ReadonlyArray<RoleKind>>> = {
  web_search: ['researcher', 'assistant', 'analyst'],
  http_request: ['researcher', 'analyst', 'publisher'],
  web_scraper: ['researcher', 'analyst'],
  pdf_reader: ['researcher', 'analyst'],
  file_read: ['researcher', 'analyst'],
  sql_query: ['analyst', 'researcher'],
  vector_search: ['assistant', 'researcher', 'analyst'],
  calculator: ['analyst', 'researcher'],
  file_write: ['writer', 'publisher'],
  email_send: ['publisher', 'writer'],
  slack_post: ['publisher', 'writer'],
  github_issues: ['researcher', 'analyst', 'reviewer'],
};
