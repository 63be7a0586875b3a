// Validates the `messages` array: roles, content, assistant tool calls and tool results.
import type { MessageRole, ParsedMessage, WireToolCall } from './chat-request';
import { InvalidRequestError } from './error-responses';
import { invalidType, missingParameter, optionalArray, optionalString, requireObject, requireString, type JsonObject } from './json-shape';

const ROLES: ReadonlyArray<MessageRole> = ['system', 'developer', 'user', 'assistant', 'tool', 'function'];

function isRole(value: unknown): value is MessageRole {
  return typeof value === 'string' && (ROLES as ReadonlyArray<string>).includes(value);
}

/** Text of string content or of the `text` parts of array content; null only where allowed. */
function parseContent(message: JsonObject, param: string, allowNull: boolean): string | null {
  const content = message.content;
  if (typeof content === 'string') return content;
  if (content === undefined || content === null) {
    if (allowNull) return null;
    throw missingParameter(`${param}.content`);
  }
  if (!Array.isArray(content)) throw invalidType(`${param}.content`, 'a string or an array of content parts', content);
  return content
    .map((part: unknown, index) => {
      const partParam = `${param}.content[${index}]`;
      const object = requireObject(part, partParam);
      const type = requireString(object, 'type', `${partParam}.type`);
      return type === 'text' ? requireString(object, 'text', `${partParam}.text`) : '';
    })
    .join('');
}

function parseToolCall(value: unknown, param: string): WireToolCall {
  const call = requireObject(value, param);
  const id = requireString(call, 'id', `${param}.id`);
  const type = requireString(call, 'type', `${param}.type`);
  if (type !== 'function') throw new InvalidRequestError(`Invalid value: '${type}'. Supported values are: 'function'.`, { param: `${param}.type`, code: 'invalid_value' });
  const functionObject = requireObject(call.function, `${param}.function`);
  return { id, type, function: { name: requireString(functionObject, 'name', `${param}.function.name`), arguments: requireString(functionObject, 'arguments', `${param}.function.arguments`) } };
}

function parseMessage(value: unknown, param: string): ParsedMessage {
  const message = requireObject(value, param);
  const role = message.role;
  if (role === undefined) throw missingParameter(`${param}.role`);
  if (!isRole(role)) {
    const supported = ROLES.map((name) => `'${name}'`).join(', ');
    throw new InvalidRequestError(`Invalid value: '${String(role)}'. Supported values are: ${supported}.`, { param: `${param}.role`, code: 'invalid_value' });
  }
  const toolCalls = role === 'assistant' ? (optionalArray(message, 'tool_calls', `${param}.tool_calls`) ?? []).map((call, index) => parseToolCall(call, `${param}.tool_calls[${index}]`)) : [];
  const content = parseContent(message, param, role === 'assistant');
  const name = optionalString(message, 'name', `${param}.name`);
  const base = { role, content, toolCalls, ...(name === undefined ? {} : { name }) };
  if (role !== 'tool') return base;
  return { ...base, toolCallId: requireString(message, 'tool_call_id', `${param}.tool_call_id`) };
}

/** Every `tool` message must answer a tool call made by an earlier assistant message. */
function checkToolResults(messages: ReadonlyArray<ParsedMessage>): void {
  const calledIds = new Set<string>();
  messages.forEach((message, index) => {
    for (const call of message.toolCalls) calledIds.add(call.id);
    if (message.toolCallId !== undefined && !calledIds.has(message.toolCallId)) {
      throw new InvalidRequestError(
        `Invalid parameter: messages with role 'tool' must be a response to a preceding message with 'tool_calls'; no earlier assistant message made a tool call with id '${message.toolCallId}'.`,
        { param: `messages[${index}].tool_call_id`, code: 'invalid_tool_call_id' },
      );
    }
  });
}

export function parseChatMessages(value: unknown): ReadonlyArray<ParsedMessage> {
  if (value === undefined) throw missingParameter('messages');
  if (!Array.isArray(value)) throw invalidType('messages', 'an array', value);
  if (value.length === 0) throw new InvalidRequestError("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", { param: 'messages', code: 'empty_array' });
  const messages = value.map((message: unknown, index) => parseMessage(message, `messages[${index}]`));
  checkToolResults(messages);
  return messages;
}
