// Test support for route tests: one real test app (SQLite in a temp dir, see ../test-app) per test or
// per file, with API-token callers by role, closed afterwards; the handles always reach the live one.
import type { Role } from '@agent-generator/contracts';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../test-app';

interface CallerSpec {
  readonly role: Role;
  /** The token's scopes; read, write and admin unless given. */
  readonly scopes?: ReadonlyArray<string>;
}

interface RouteTestAppOptions<Name extends string> {
  /** A fresh app for every test (the default), or one app for the whole file. */
  readonly lifetime?: 'test' | 'file';
  /** Callers made, in this order, as soon as the app is up. */
  readonly callers?: Readonly<Record<Name, CallerSpec>>;
}

type RouteHarness = Pick<TestApp, 'store' | 'request' | 'createUser' | 'sessionFor' | 'tokenFor'>;

interface Live<Name extends string> {
  readonly app: TestApp;
  readonly callers: Map<Name, Caller>;
}

/** Registers the set-up and tear-down hooks; call it once at the top of a test file. */
export function useRouteTestApp<Name extends string = never>(options: RouteTestAppOptions<Name> = {}) {
  const specs = Object.entries(options.callers ?? {}) as Array<[Name, CallerSpec]>;
  let live: Live<Name> | undefined;
  const current = (): Live<Name> => {
    if (live === undefined) throw new Error('The route test app exists only while a test runs (useRouteTestApp starts it in a before hook).');
    return live;
  };
  const callerNamed = (name: Name): Caller => {
    const caller = current().callers.get(name);
    if (caller === undefined) throw new Error(`The caller "${name}" was not made: its set-up failed.`);
    return caller;
  };

  const [setUp, tearDown] = options.lifetime === 'file' ? [beforeAll, afterAll] : [beforeEach, afterEach];
  setUp(async () => {
    const app = await createTestApp();
    live = { app, callers: new Map() };
    for (const [name, spec] of specs) live.callers.set(name, await app.tokenFor(await app.createUser(spec.role), spec.scopes));
  });
  tearDown(async () => {
    const app = live?.app;
    live = undefined;
    await app?.close();
  });

  const harness: RouteHarness = {
    get store() {
      return current().app.store;
    },
    request: (...args) => current().app.request(...args),
    createUser: (...args) => current().app.createUser(...args),
    sessionFor: (user) => current().app.sessionFor(user),
    tokenFor: (...args) => current().app.tokenFor(...args),
  };
  const callers = Object.fromEntries(
    specs.map(([name]): [Name, Caller] => [
      name,
      {
        get user() {
          return callerNamed(name).user;
        },
        get headers() {
          return callerNamed(name).headers;
        },
      },
    ]),
  ) as Readonly<Record<Name, Caller>>;
  return { harness, callers };
}
