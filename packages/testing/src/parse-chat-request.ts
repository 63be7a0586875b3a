// Validates a chat-completions body the way OpenAI does and returns the parsed request.
import type { OfferedTool, ParsedChatRequest } from './chat-request';
import { InvalidRequestError } from './error-responses';
import { invalidType, isJsonObject, optionalArray, optionalString, requireObject, requireString, type JsonObject } from './json-shape';
import { parseChatMessages } from './parse-chat-messages';

const NUMBER_FIELDS = ['temperature', 'top_p', 'max_tokens', 'max_completion_tokens', 'presence_penalty', 'frequency_penalty', 'seed', 'n'];

function parseTool(value: unknown, param: string): OfferedTool {
  const tool = requireObject(value, param);
  const type = requireString(tool, 'type', `${param}.type`);
  if (type !== 'function') throw new InvalidRequestError(`Invalid value: '${type}'. Supported values are: 'function'.`, { param: `${param}.type`, code: 'invalid_value' });
  const definition = requireObject(tool.function, `${param}.function`);
  const name = requireString(definition, 'name', `${param}.function.name`);
  const description = optionalString(definition, 'description', `${param}.function.description`);
  const parameters = definition.parameters;
  if (parameters !== undefined && !isJsonObject(parameters)) throw invalidType(`${param}.function.parameters`, 'an object', parameters);
  return { name, ...(description === undefined ? {} : { description }), ...(parameters === undefined ? {} : { parameters: { ...parameters } }) };
}

function parseStreamFlags(body: JsonObject): { stream: boolean; includeUsage: boolean } {
  const stream = body.stream ?? false;
  if (typeof stream !== 'boolean') throw invalidType('stream', 'a boolean', stream);
  const options = body.stream_options;
  if (options === undefined || options === null) return { stream, includeUsage: false };
  if (!stream) throw new InvalidRequestError("The 'stream_options' parameter is only allowed when 'stream' is enabled.", { param: 'stream_options', code: 'invalid_value' });
  const includeUsage = requireObject(options, 'stream_options').include_usage ?? false;
  if (typeof includeUsage !== 'boolean') throw invalidType('stream_options.include_usage', 'a boolean', includeUsage);
  return { stream, includeUsage };
}

function checkNumbers(body: JsonObject): void {
  for (const field of NUMBER_FIELDS) {
    const value = body[field];
    if (value !== undefined && value !== null && typeof value !== 'number') throw invalidType(field, 'a number', value);
  }
  if (body.n !== undefined && body.n !== null && body.n !== 1) {
    throw new InvalidRequestError('The loopback model server answers with one choice only; send n = 1 or leave n out.', { param: 'n', code: 'unsupported_value' });
  }
}

/** Parses and validates a request body; throws InvalidRequestError naming the first problem. */
export function parseChatRequest(body: unknown): ParsedChatRequest {
  if (!isJsonObject(body)) throw new InvalidRequestError(`Invalid type for the request body: expected a JSON object.`, { code: 'invalid_type' });
  if (body.model === undefined) throw new InvalidRequestError('You must provide a model parameter.', { param: 'model', code: 'missing_required_parameter' });
  const model = requireString(body, 'model', 'model');
  const messages = parseChatMessages(body.messages);
  checkNumbers(body);
  const tools = (optionalArray(body, 'tools', 'tools') ?? []).map((tool, index) => parseTool(tool, `tools[${index}]`));
  return { model, messages, ...parseStreamFlags(body), tools, body };
}
