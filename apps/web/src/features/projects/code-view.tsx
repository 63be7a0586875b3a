// The code viewer, loaded on demand: syntax highlighting with highlight.js for the languages we generate.
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import ini from 'highlight.js/lib/languages/ini';
import json from 'highlight.js/lib/languages/json';
import markdown from 'highlight.js/lib/languages/markdown';
import python from 'highlight.js/lib/languages/python';
import yaml from 'highlight.js/lib/languages/yaml';
import { useMemo } from 'react';
import './code-view.css';

hljs.registerLanguage('python', python);
hljs.registerLanguage('json', json);
hljs.registerLanguage('yaml', yaml);
hljs.registerLanguage('markdown', markdown);
hljs.registerLanguage('ini', ini);
hljs.registerLanguage('bash', bash);
hljs.registerLanguage('dockerfile', dockerfile);

const BY_EXTENSION: Readonly<Record<string, string>> = { py: 'python', json: 'json', yaml: 'yaml', yml: 'yaml', md: 'markdown', toml: 'ini', cfg: 'ini', ini: 'ini', sh: 'bash', env: 'bash', example: 'bash' };

export function languageOf(path: string): string | undefined {
  const name = path.split('/').pop() ?? path;
  if (name === 'Dockerfile') return 'dockerfile';
  return BY_EXTENSION[name.split('.').pop() ?? ''];
}

export default function CodeView({ path, content }: { readonly path: string; readonly content: string }) {
  const html = useMemo(() => {
    const language = languageOf(path);
    return language ? hljs.highlight(content, { language, ignoreIllegals: true }).value : undefined;
  }, [path, content]);
  return (
    <figure style={{ margin: 0 }}>
      <figcaption className="ag-muted" style={{ fontFamily: 'var(--font-mono)', fontSize: '0.8rem', marginBottom: 4 }}>
        {path}
      </figcaption>
      {/* highlight.js escapes the text it is given; the markup it returns holds only its own spans. */}
      {html !== undefined ? (
        <pre className="ag-code hljs" tabIndex={0} aria-label={`Content of ${path}`}>
          <code dangerouslySetInnerHTML={{ __html: html }} />
        </pre>
      ) : (
        <pre className="ag-code" tabIndex={0} aria-label={`Content of ${path}`}>
          <code>{content}</code>
        </pre>
      )}
    </figure>
  );
}
