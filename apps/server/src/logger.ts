// JSON logs with pino: one object per line, the request id on every request line (a child logger
// per request, see the API's request context), and secrets redacted wherever they appear.
import { pino, type Logger as PinoLogger } from 'pino';
import type { LogLevel } from './config';
import { REDACTED, redactSecrets, SECRET_FIELD_NAMES } from './redact-secrets';

export function createLogger(options: { readonly level: LogLevel; readonly destination?: NodeJS.WritableStream }): PinoLogger {
  return pino(
    {
      level: options.level,
      base: { service: 'agent-generator' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Log objects are redacted at any depth by redactSecrets; pino's redact (top-level names only,
      // which costs nothing measurable) covers child-logger bindings, which skip the log formatter.
      formatters: { level: (label) => ({ level: label }), log: redactSecrets },
      redact: { paths: [...SECRET_FIELD_NAMES], censor: REDACTED },
    },
    options.destination ?? pino.destination({ sync: false }),
  );
}
