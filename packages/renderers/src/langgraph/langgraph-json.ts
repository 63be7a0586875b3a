// langgraph.json: the LangGraph CLI / Studio configuration (`langgraph dev` serves the graph).
import { jsonDocument } from '../shared/escape';

export function langgraphJson(packageName: string): string {
  return jsonDocument({
    dependencies: ['.'],
    graphs: { [packageName]: `./src/${packageName}/graph.py:graph` },
    env: '.env',
    python_version: '3.11',
  });
}
