// Every built-in tool's Python implementation, keyed by tool id (one explicit record, no scanning).
import type { ToolId } from '@agent-generator/contracts';
import { calculatorTool } from './calculator-py';
import { emailSendTool } from './email-send-py';
import { fileReadTool } from './file-read-py';
import { fileWriteTool } from './file-write-py';
import { githubIssuesTool } from './github-issues-py';
import { httpRequestTool } from './http-request-py';
import { pdfReaderTool } from './pdf-reader-py';
import type { PythonTool } from './python-tool';
import { slackPostTool } from './slack-post-py';
import { sqlQueryTool } from './sql-query-py';
import { vectorSearchTool } from './vector-search-py';
import { webScraperTool } from './web-scraper-py';
import { webSearchTool } from './web-search-py';

const pythonTools = {
  web_search: webSearchTool,
  http_request: httpRequestTool,
  web_scraper: webScraperTool,
  pdf_reader: pdfReaderTool,
  file_read: fileReadTool,
  file_write: fileWriteTool,
  sql_query: sqlQueryTool,
  vector_search: vectorSearchTool,
  calculator: calculatorTool,
  email_send: emailSendTool,
  slack_post: slackPostTool,
  github_issues: githubIssuesTool,
} satisfies Record<ToolId, PythonTool>;

export function pythonTool(id: ToolId): PythonTool {
  return pythonTools[id];
}
