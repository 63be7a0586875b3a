// Conformance cases for rate-limit windows: counting, closing, resetting, purging, concurrent hits.
import assert from 'node:assert/strict';
import { manualClock, type StoreConformanceCase } from './conformance-case';

const MINUTE = 60_000;

export const rateLimitCases: ReadonlyArray<StoreConformanceCase> = [
  {
    name: 'rate limits: hits count in a fixed window per key; a closed window starts again from one',
    async run({ open }) {
      const clock = manualClock();
      const store = await open({ clock: clock.now });
      const start = clock.iso();
      assert.deepEqual(await store.rateLimits.hit(['a', 'b'], { windowMs: 15 * MINUTE }), [
        { key: 'a', count: 1, startedAt: start, endsAt: clock.iso(15 * MINUTE) },
        { key: 'b', count: 1, startedAt: start, endsAt: clock.iso(15 * MINUTE) },
      ]);
      clock.advance(14 * MINUTE);
      const [second] = await store.rateLimits.hit(['a'], { windowMs: 15 * MINUTE });
      assert.deepEqual(second, { key: 'a', count: 2, startedAt: start, endsAt: clock.iso(MINUTE) });
      assert.deepEqual(
        (await store.rateLimits.peek(['b', 'missing', 'a'])).map((window) => [window.key, window.count]),
        [
          ['b', 1],
          ['a', 2],
        ],
      );
      clock.advance(MINUTE);
      assert.deepEqual(await store.rateLimits.peek(['a', 'b']), [], 'both windows closed at exactly endsAt');
      const [fresh] = await store.rateLimits.hit(['a'], { windowMs: 15 * MINUTE });
      assert.deepEqual(fresh, { key: 'a', count: 1, startedAt: clock.iso(), endsAt: clock.iso(15 * MINUTE) });
    },
  },
  {
    name: 'rate limits: reset closes one key; purge removes windows closed before a time',
    async run({ open }) {
      const clock = manualClock();
      const store = await open({ clock: clock.now });
      await store.rateLimits.hit(['a', 'b'], { windowMs: MINUTE });
      await store.rateLimits.hit(['c'], { windowMs: 10 * MINUTE });
      assert.equal(await store.rateLimits.reset('a'), true);
      assert.equal(await store.rateLimits.reset('a'), false);
      assert.deepEqual((await store.rateLimits.peek(['a', 'b'])).map((window) => window.key), ['b']);
      clock.advance(2 * MINUTE);
      assert.equal(await store.rateLimits.reset('b'), false, 'a closed window was not open');
      await store.rateLimits.hit(['d'], { windowMs: MINUTE });
      assert.equal(await store.rateLimits.purge(clock.iso()), 0, 'b is already gone; c and d are open');
      clock.advance(20 * MINUTE);
      assert.equal(await store.rateLimits.purge(clock.iso()), 2);
      assert.deepEqual(await store.rateLimits.peek(['c', 'd']), []);
    },
  },
  {
    name: 'rate limits: concurrent hits on one key are all counted',
    async run({ open }) {
      const store = await open();
      const results = await Promise.all(Array.from({ length: 40 }, () => store.rateLimits.hit(['shared'], { windowMs: 15 * MINUTE })));
      const counts = results.map(([window]) => window?.count ?? 0).sort((left, right) => left - right);
      assert.deepEqual(counts, Array.from({ length: 40 }, (_, index) => index + 1));
      assert.equal((await store.rateLimits.peek(['shared']))[0]?.count, 40);
    },
  },
];
