import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination }) };
}

describe('createLogger', () => {
  it('writes one JSON object per line with level, time, service and the child bindings', () => {
    const { lines, logger } = capture();
    logger.child({ requestId: 'req-1' }).info({ method: 'GET', status: 200 }, 'request');
    expect(lines).toEqual([{ level: 'info', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), service: 'agent-generator', requestId: 'req-1', method: 'GET', status: 200, msg: 'request' }]);
  });

  it('redacts secret-named fields at the top level, nested, in arrays and in child bindings, without touching the caller’s object', () => {
    const { lines, logger } = capture();
    const fields = {
      password: 'hunter2-hunter2',
      headers: { Authorization: 'Bearer agt_secret', cookie: 'ag_session=abc', accept: 'application/json' },
      config: { oauth: { github: { clientId: 'id', clientSecret: 'gh-secret' } }, databaseUrl: 'postgres://u:pw@h/db' },
      attempts: [{ email: 'a@example.com', access_token: 'ya29.token' }],
      sessionSecret: 'x'.repeat(40),
    };
    logger.child({ token: 'agt_bound' }).warn(fields, 'careful');
    const line = JSON.stringify(lines[0]);
    for (const secret of ['hunter2', 'agt_secret', 'ag_session=abc', 'gh-secret', 'u:pw', 'ya29.token', 'x'.repeat(40), 'agt_bound']) expect(line).not.toContain(secret);
    expect(lines[0]).toMatchObject({
      password: '[redacted]',
      token: '[redacted]',
      headers: { Authorization: '[redacted]', cookie: '[redacted]', accept: 'application/json' },
      config: { oauth: { github: { clientId: 'id', clientSecret: '[redacted]' } }, databaseUrl: '[redacted]' },
      attempts: [{ email: 'a@example.com', access_token: '[redacted]' }],
    });
    expect(fields.password).toBe('hunter2-hunter2');
    expect(fields.headers.Authorization).toBe('Bearer agt_secret');
  });

  it('still serialises errors with their message and stack', () => {
    const { lines, logger } = capture();
    logger.error({ err: new Error('boom') }, 'failed');
    expect(lines[0]).toMatchObject({ err: { type: 'Error', message: 'boom', stack: expect.stringContaining('boom') }, msg: 'failed' });
  });
});
