// The tools turned off for a chat's messages, kept per chat session in localStorage. Off, not on, is
// stored, so a tool the agent gains later starts on. A new chat starts with every tool on; its first
// message's session keeps the choice made before it.
import { useCallback, useEffect, useRef, useState } from 'react';

const MAX_NAMES = 64;
const keyOf = (sessionId: string) => `ag.chat.tools-off.${sessionId}`;

function readOff(sessionId: string): ReadonlyArray<string> | undefined {
  try {
    const raw = window.localStorage.getItem(keyOf(sessionId));
    if (raw === null) return undefined;
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((name): name is string => typeof name === 'string').slice(0, MAX_NAMES) : undefined;
  } catch {
    return undefined;
  }
}

function writeOff(sessionId: string, off: ReadonlyArray<string>): void {
  try {
    window.localStorage.setItem(keyOf(sessionId), JSON.stringify(off));
  } catch {
    // Storage full or blocked: the choice still holds until the page is left.
  }
}

/** The tools to send with a message: undefined while every tool is on (the server then offers all of them). */
export function enabledTools(tools: ReadonlyArray<string>, off: ReadonlyArray<string>): ReadonlyArray<string> | undefined {
  const enabled = tools.filter((tool) => !off.includes(tool));
  return enabled.length === tools.length ? undefined : enabled;
}

export function useToolChoice(options: { readonly sessionId: string | undefined; readonly agentId: string | undefined }) {
  const { sessionId, agentId } = options;
  const [off, setOffState] = useState<ReadonlyArray<string>>(() => (sessionId === undefined ? [] : (readOff(sessionId) ?? [])));
  const latest = useRef(off);
  latest.current = off;
  const previous = useRef({ sessionId, agentId });

  useEffect(() => {
    const before = previous.current;
    previous.current = { sessionId, agentId };
    if (sessionId === before.sessionId) {
      // Another agent without a session yet: a new chat, every tool on.
      if (sessionId === undefined && agentId !== before.agentId) setOffState([]);
      return;
    }
    if (sessionId === undefined) return setOffState([]);
    const stored = readOff(sessionId);
    if (stored !== undefined) return setOffState(stored);
    // The first message made this session: it keeps the choice made before it.
    const carried = before.sessionId === undefined ? latest.current : [];
    writeOff(sessionId, carried);
    setOffState(carried);
  }, [sessionId, agentId]);

  const setOff = useCallback(
    (next: ReadonlyArray<string>) => {
      setOffState(next);
      if (sessionId !== undefined) writeOff(sessionId, next);
    },
    [sessionId],
  );
  return { off, setOff };
}
