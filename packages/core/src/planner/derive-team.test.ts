import { describe, expect, it } from 'vitest';
import { deriveTeam } from './derive-team';
import { extractNamedAgents } from './named-agents';

const shape = (idea: string, pattern: 'sequential' | 'supervisor' = 'sequential'): string[] =>
  deriveTeam(idea, pattern).members.map((member) => `${member.name ?? member.kind ?? '?'}${member.delegates ? '*' : ''}`);

describe('deriveTeam', () => {
  it.each([
    ['Find papers and write a digest', ['researcher', 'analyst', 'writer']],
    ['Find flights and book the cheapest', ['researcher', 'writer']],
    ['Answer customer questions from our FAQ', ['researcher', 'assistant']],
    ['Write a poem', ['researcher', 'writer']],
    ['Review pull requests', ['analyst', 'reviewer']],
    ['Send a reminder every Monday', ['writer', 'publisher']],
    ['Analyse logs, write a summary, review it and post it to Slack', ['analyst', 'writer', 'reviewer', 'publisher']],
    ['Do something useful', ['researcher', 'writer']],
  ])('“%s” → %j', (idea, expected) => {
    expect(shape(idea)).toEqual(expected);
  });

  it('puts a delegating supervisor in front of at least two workers', () => {
    expect(shape('Write a poem', 'supervisor')).toEqual(['supervisor*', 'researcher', 'writer']);
    expect(shape('Find flights', 'supervisor')).toEqual(['supervisor*', 'researcher', 'writer']);
  });

  it('never plans more than five agents', () => {
    expect(shape('Find, analyse, answer, write, review and send everything', 'supervisor')).toHaveLength(5);
  });

  it('keeps named agents in the order given and fills up to two', () => {
    expect(shape('Use a Content Curator agent')).toEqual(['Content Curator', 'writer']);
    expect(shape('A Scout agent hands over to a Copy Chief agent and a Fact Checker agent')).toEqual(['Scout', 'Copy Chief', 'Fact Checker']);
  });

  it('makes a named supervisor the delegating agent', () => {
    expect(shape('The Newsroom Manager agent delegates to a Reporter agent', 'supervisor')).toEqual(['Newsroom Manager*', 'Reporter', 'researcher']);
  });
});

describe('extractNamedAgents', () => {
  it.each([
    ['Create a search agent with Google', []],
    ['Research agent that reads PDFs', []],
    ['Create a CrewAI agent', []],
    ['Build an AI agent', []],
    ['Three agents work together', []],
    ['A Researcher agent and a Writer agent', ['Researcher', 'Writer']],
    ['the Honda Marketing Supervisor agent', ['Honda Marketing Supervisor']],
    ['two Critic agents and one Critic agent', ['Critic']],
    ['a Prüfer agent', ['Prüfer']],
    ['a {Evil} agent', []],
  ])('“%s” names %j', (idea, names) => {
    expect(extractNamedAgents(idea).map((agent) => agent.name)).toEqual(names);
  });

  it('recognises the role a name implies', () => {
    expect(extractNamedAgents('a Copy Editor agent and a Data Analyst agent').map((agent) => agent.kind)).toEqual(['reviewer', 'analyst']);
  });
});
