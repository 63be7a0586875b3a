// GET /models and GET /models/{id}: the configured model ids in OpenAI's list shape.
import { errorReply } from './error-responses';
import { sendError, sendJson } from './http-io';
import type { ReplyTarget } from './reply-writer';

export const DEFAULT_MODEL_ID = 'loopback-model';

function modelObject(id: string, created: number): Record<string, unknown> {
  return { id, object: 'model', created, owned_by: 'loopback' };
}

/** `modelId` undefined lists all models; otherwise answers for that one model. */
export function handleModels(options: { readonly target: ReplyTarget; readonly models: ReadonlyArray<string>; readonly created: number; readonly modelId?: string }): void {
  const { target, models, created, modelId } = options;
  if (modelId === undefined) {
    sendJson(target.response, { status: 200, body: { object: 'list', data: models.map((id) => modelObject(id, created)) }, headers: target.headers });
    return;
  }
  if (!models.includes(modelId)) {
    const message = `The model '${modelId}' does not exist`;
    sendError(target.response, { ...errorReply(404, { message, code: 'model_not_found', param: 'model' }), headers: target.headers });
    return;
  }
  sendJson(target.response, { status: 200, body: modelObject(modelId, created), headers: target.headers });
}
