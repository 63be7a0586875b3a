// src/<pkg>/flow.py for the ReAct adapter: one step runs the lead agent's loop, a router checks it.
import { flowNames, flowStatePy } from './flow-state-py';

const DOC = 'ReAct (adapter): one step runs the lead agent\'s reason-act-observe loop (at most AGENT_MAX_STEPS steps); a router checks that it produced an answer.';

export function reactFlowPy(packageName: string): string {
  const { flow, state } = flowNames(packageName);
  return `"""Flow steps and state. ${DOC}"""

from __future__ import annotations

from crewai.flow.flow import Flow, listen, router, start
from pydantic import BaseModel, Field

from .react import run_react


${flowStatePy(state)}


class ${flow}(Flow[${state}]):
    """${DOC}"""

    # Flows create a LanceDB memory by default; this project keeps no memory between runs.
    _skip_auto_memory: bool = True

    @start()
    async def react_step(self) -> str:
        self.state.outputs["react"] = await run_react(self.state.inputs)
        self.state.completed.append("react")
        return self.state.outputs["react"]

    @router(react_step)
    def review(self) -> str:
        return "ANSWERED" if self.state.outputs["react"].strip() else "UNANSWERED"

    @listen("ANSWERED")
    def deliver(self) -> str:
        self.state.answer = self.state.outputs["react"]
        return self.state.answer

    @listen("UNANSWERED")
    def give_up(self) -> str:
        self.state.answer = ""
        return self.state.answer
`;
}
