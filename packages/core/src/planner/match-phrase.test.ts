import { describe, expect, it } from 'vitest';
import { findPhrase, firstMatch, normalizeForMatching } from './match-phrase';

const matches = (text: string, phrase: string): boolean => findPhrase(normalizeForMatching(text), phrase) !== undefined;

describe('whole-word phrase matching', () => {
  it.each([
    ['a workflow with five steps', 'flow'],
    ['a reactive dashboard', 'react'],
    ['send flowers to mum', 'flow'],
    ['an awsome idea', 'aws'],
    ['sql_query_tool', 'sql'],
    ['flow2 is a name', 'flow'],
    ['emailing the team', 'email'],
    ['a café-reviewer', 'caf'],
    ['überaws', 'aws'],
    ['awsé', 'aws'],
    ['the newsletter', 'news'],
  ])('"%s" does not contain the word "%s"', (text, phrase) => {
    expect(matches(text, phrase)).toBe(false);
  });

  it.each([
    ['Deploy it on AWS.', 'aws'],
    ['deploy it on aws', 'AWS'],
    ['(AWS)', 'aws'],
    ["Google's index", 'google'],
    ['a ReAct-style agent', 'react'],
    ['runs on-prem', 'on-prem'],
    ['runs on prem', 'on-prem'],
    ['runs on\nprem', 'on prem'],
    ['step-by-step', 'step by step'],
    ['Send an E-Mail', 'e-mail'],
    ['ＡＷＳ in full width', 'aws'],
    ['Ärger mit Äpfeln', 'äpfeln'],
    ['résumé review', 'résumé'],
    ['re\u0301sume\u0301 review (decomposed accents)', 'résumé'],
    ['uses watsonx.ai models', 'watsonx'],
  ])('"%s" contains the word "%s"', (text, phrase) => {
    expect(matches(text, phrase)).toBe(true);
  });

  it('treats regular-expression characters in a phrase literally', () => {
    expect(matches('what is cc for', 'c+')).toBe(false);
    expect(matches('what is c+ for', 'c+')).toBe(true);
    expect(matches('a.b', 'a.b')).toBe(true);
    expect(matches('axb', 'a.b')).toBe(false);
  });

  it('prefers the earliest match, then the longer phrase at the same place', () => {
    expect(firstMatch('use CrewAI Flow with CrewAI', ['crewai', 'crewai flow'])?.phrase).toBe('crewai flow');
    expect(firstMatch('Azure first, then AWS', ['aws', 'azure'])?.phrase).toBe('azure');
    expect(firstMatch('nothing here', ['aws'])).toBeUndefined();
  });
});
