import { SlugSchema } from '@agent-generator/contracts';
import { describe, expect, it } from 'vitest';
import { FALLBACK_NAME, FALLBACK_SLUG, projectName, slugOf } from './project-name';

describe('projectName', () => {
  it.each([
    ['Create a research assistant with Wikipedia search', 'Research Assistant'],
    ['Create a multi-agent system with 3 agents', 'Multi-Agent System with 3 Agents'],
    ['Create an orchestration for invoice processing', 'Orchestration for Invoice Processing'],
    ['Create a search agent with Google', 'Search Agent'],
    ['Create YAML for a Honda Marketing Supervisor agent that delegates', 'Honda Marketing Supervisor Agent'],
    ['Please build me a GitHub triage bot, then post to Slack', 'GitHub Triage Bot'],
    ['Use CrewAI Flow to process invoices then file them', 'CrewAI Flow to Process Invoices'],
    ['!!!', FALLBACK_NAME],
    ['创建一个研究助手', '创建一个研究助手'],
  ])('“%s” → “%s”', (idea, name) => {
    expect(projectName(idea)).toBe(name);
  });

  it('names a generic system after the subject when the idea gives one', () => {
    expect(projectName('Build a crew on AWS that finds papers', 'multi-agent systems')).toBe('Multi-Agent Systems Crew');
  });

  it('stays short for one very long word', () => {
    expect(projectName(`${'x'.repeat(500)} agent`).length).toBeLessThanOrEqual(80);
  });
});

describe('slugOf', () => {
  it.each([
    ['Research Assistant', 'research-assistant'],
    ['  Multi--Agent   System!! ', 'multi-agent-system'],
    ['Café Crème', 'cafe-creme'],
    ['Main', 'main-project'],
    ['tools', 'tools-project'],
    ['42', 'project-42'],
    ['研究助手', FALLBACK_SLUG],
    ['', FALLBACK_SLUG],
  ])('“%s” → %s', (name, slug) => {
    expect(slugOf(name)).toBe(slug);
  });

  it('cuts long names at a hyphen within 48 characters', () => {
    const slug = slugOf('an extraordinarily long project name that keeps going and going forever');
    expect(slug.length).toBeLessThanOrEqual(48);
    expect(slug.endsWith('-')).toBe(false);
    expect(SlugSchema.safeParse(slug).success).toBe(true);
    expect(slugOf('y'.repeat(100))).toBe('y'.repeat(48));
  });
});
