// examples/ holds generated reference projects; they must equal what the generator makes today.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FrameworkId, PatternId } from '@agent-generator/contracts';
import { planProject } from '@agent-generator/core';
import { renderProject } from '@agent-generator/renderers';

const root = join(import.meta.dirname, '../../examples');
const { examples } = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as {
  examples: Array<{ dir: string; framework: FrameworkId; pattern: PatternId; idea: string }>;
};

function filesOnDisk(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(directory, join(entry.parentPath, entry.name)))
    .sort();
}

describe('examples/', () => {
  it('covers every framework', () => {
    expect(new Set(examples.map((example) => example.framework)).size).toBe(8);
  });

  it.each(examples)('$dir matches a fresh generation (run `npm run examples` after changing a renderer)', ({ dir, framework, pattern, idea }) => {
    const { files } = renderProject(planProject(idea, { framework, pattern }).spec);
    const directory = join(root, dir);
    expect(filesOnDisk(directory)).toEqual(files.map((file) => file.path).sort());
    for (const file of files) expect(readFileSync(join(directory, file.path), 'utf8'), file.path).toBe(file.content);
  });
});
