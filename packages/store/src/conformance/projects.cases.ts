// Conformance cases for projects: atomic creation with version 1 and files, versions, files, deletion.
import assert from 'node:assert/strict';
import type { ProjectId, UserId } from '@agent-generator/contracts';
import { createOwner, manualClock, rejectsWith, sampleFiles, sampleVersion, sha256Hex, type StoreConformanceCase } from './conformance-case';

export const projectCases: ReadonlyArray<StoreConformanceCase> = [
  {
    name: 'projects: create stores the project, version 1 and its files with a manifest',
    async run({ open }) {
      const clock = manualClock();
      const store = await open({ clock: clock.now });
      const ownerId = await createOwner(store);
      const version = sampleVersion({ createdBy: ownerId, framework: 'langgraph', label: 'Demo' });
      const created = await store.projects.create({ ownerId, name: 'Demo', slug: 'demo', idea: 'an idea', version: { ...version, diagnostics: [] } });
      assert.deepEqual(created.project, {
        id: created.project.id,
        ownerId,
        name: 'Demo',
        slug: 'demo',
        framework: 'langgraph',
        pattern: version.spec.pattern,
        idea: 'an idea',
        latestVersion: 1,
        createdAt: clock.iso(),
        updatedAt: clock.iso(),
      });
      assert.equal(created.version.version, 1);
      assert.deepEqual(created.version.spec, version.spec);
      const expectedManifest = [...sampleFiles('Demo')]
        .sort((left, right) => (left.path < right.path ? -1 : 1))
        .map((file) => ({ path: file.path, bytes: Buffer.byteLength(file.content), sha256: sha256Hex(file.content), executable: file.executable === true }));
      assert.deepEqual(created.version.manifest, expectedManifest);
      assert.deepEqual(await store.projects.get(created.project.id), created.project);
      assert.deepEqual(await store.projects.getVersion({ projectId: created.project.id, version: 1 }), created.version);

      const main = sampleFiles('Demo').find((file) => file.path === 'src/app/main.py');
      assert.equal(await store.projects.readFile({ projectId: created.project.id, version: 1, path: 'src/app/main.py' }), main?.content);
      assert.equal(await store.projects.readFile({ projectId: created.project.id, version: 1, path: 'missing.txt' }), undefined);
      assert.equal(await store.projects.readFile({ projectId: created.project.id, version: 2, path: 'README.md' }), undefined);
      const files = await store.projects.readFiles({ projectId: created.project.id, version: 1 });
      assert.deepEqual(files, [...sampleFiles('Demo')].sort((left, right) => (left.path < right.path ? -1 : 1)));
      assert.equal(await store.projects.readFiles({ projectId: created.project.id, version: 9 }), undefined);
      assert.equal(await store.projects.get('missing' as ProjectId), undefined);
    },
  },
  {
    name: 'projects: a version with no files, large files and non-ASCII text round-trip exactly',
    async run({ open }) {
      const store = await open();
      const ownerId = await createOwner(store);
      const big = 'x'.repeat(1_000_000) + '\n— 日本語 ✓ 🚀\r\n\0end';
      const version = sampleVersion({ createdBy: ownerId });
      const { project } = await store.projects.create({ ownerId, name: 'Big', slug: 'big', idea: 'i', version: { ...version, files: [{ path: 'big.txt', content: big }] } });
      assert.equal(await store.projects.readFile({ projectId: project.id, version: 1, path: 'big.txt' }), big);
      const empty = await store.projects.addVersion(project.id, { ...version, files: [] });
      assert.deepEqual(empty.manifest, []);
      assert.deepEqual(await store.projects.readFiles({ projectId: project.id, version: 2 }), []);
    },
  },
  {
    name: 'projects: invalid or duplicate file paths are refused and nothing is stored',
    async run({ open }) {
      const store = await open();
      const ownerId = await createOwner(store);
      const version = sampleVersion({ createdBy: ownerId });
      for (const files of [
        [{ path: 'a.txt', content: '1' }, { path: 'a.txt', content: '2' }],
        [{ path: '../escape.txt', content: '1' }],
        [{ path: '/absolute.txt', content: '1' }],
      ]) {
        await rejectsWith(store.projects.create({ ownerId, name: 'Bad', slug: 'bad', idea: 'i', version: { ...version, files } }), 'invalid_input');
      }
      assert.equal((await store.projects.list()).total, 0);
      await rejectsWith(store.projects.create({ ownerId: 'ghost' as UserId, name: 'x', slug: 'x', idea: 'i', version }), 'conflict');
      assert.equal((await store.projects.list()).total, 0);
    },
  },
  {
    name: 'projects: addVersion numbers versions, follows the spec framework, and lists newest first',
    async run({ open }) {
      const clock = manualClock();
      const store = await open({ clock: clock.now });
      const ownerId = await createOwner(store);
      const editor = await createOwner(store, 'editor@example.com');
      const { project } = await store.projects.create({ ownerId, name: 'P', slug: 'p', idea: 'i', version: sampleVersion({ createdBy: ownerId, framework: 'crewai', label: 'one' }) });
      clock.advance(5000);
      const second = await store.projects.addVersion(project.id, { ...sampleVersion({ createdBy: editor, framework: 'autogen', label: 'two' }), rendererVersion: 'test-2' });
      assert.equal(second.version, 2);
      assert.equal(second.createdBy, editor);
      assert.equal(second.createdAt, clock.iso());
      assert.equal(second.rendererVersion, 'test-2');
      const after = await store.projects.get(project.id);
      assert.equal(after?.latestVersion, 2);
      assert.equal(after?.framework, 'autogen');
      assert.equal(after?.updatedAt, clock.iso());
      assert.equal(after?.createdAt, project.createdAt);
      const versions = await store.projects.listVersions(project.id);
      assert.deepEqual(versions.map((version) => version.version), [2, 1]);
      assert.equal(versions[1]?.spec.framework, 'crewai');
      assert.notDeepEqual(versions[0]?.manifest, versions[1]?.manifest);
      assert.equal(await store.projects.readFile({ projectId: project.id, version: 1, path: 'README.md' }), '# one\n');
      assert.equal(await store.projects.readFile({ projectId: project.id, version: 2, path: 'README.md' }), '# two\n');
      assert.equal(await store.projects.getVersion({ projectId: project.id, version: 3 }), undefined);
      await rejectsWith(store.projects.addVersion('missing' as ProjectId, sampleVersion({ createdBy: ownerId })), 'not_found', { entity: 'project' });
      assert.deepEqual(await store.projects.listVersions('missing' as ProjectId), []);
    },
  },
  {
    name: 'projects: concurrent addVersion calls get distinct consecutive numbers',
    async run({ open }) {
      const store = await open();
      const ownerId = await createOwner(store);
      const { project } = await store.projects.create({ ownerId, name: 'P', slug: 'p', idea: 'i', version: sampleVersion({ createdBy: ownerId }) });
      const added = await Promise.all(Array.from({ length: 12 }, (_, index) => store.projects.addVersion(project.id, sampleVersion({ createdBy: ownerId, label: `v${index}` }))));
      assert.deepEqual(added.map((version) => version.version).sort((left, right) => left - right), Array.from({ length: 12 }, (_, index) => index + 2));
      assert.equal((await store.projects.get(project.id))?.latestVersion, 13);
      assert.equal((await store.projects.listVersions(project.id)).length, 13);
    },
  },
  {
    name: 'projects: update patches name, slug and idea; a missing project is not_found',
    async run({ open }) {
      const clock = manualClock();
      const store = await open({ clock: clock.now });
      const ownerId = await createOwner(store);
      const { project } = await store.projects.create({ ownerId, name: 'Old', slug: 'old', idea: 'old idea', version: sampleVersion({ createdBy: ownerId }) });
      clock.advance(1000);
      const updated = await store.projects.update(project.id, { name: 'New Name' });
      assert.deepEqual(updated, { ...project, name: 'New Name', updatedAt: clock.iso() });
      assert.deepEqual(await store.projects.get(project.id), updated);
      const again = await store.projects.update(project.id, { slug: 'new-slug', idea: 'new idea' });
      assert.deepEqual([again.name, again.slug, again.idea], ['New Name', 'new-slug', 'new idea']);
      assert.deepEqual((await store.projects.list({ search: 'new idea' })).items.map((item) => item.id), [project.id]);
      assert.equal((await store.projects.list({ search: 'old idea' })).total, 0);
      await rejectsWith(store.projects.update('missing' as ProjectId, { name: 'x' }), 'not_found');
    },
  },
  {
    name: 'projects: delete cascades to versions and files but keeps content another project shares',
    async run({ open }) {
      const store = await open();
      const ownerId = await createOwner(store);
      const shared = sampleVersion({ createdBy: ownerId, label: 'shared' });
      const first = await store.projects.create({ ownerId, name: 'A', slug: 'a', idea: 'i', version: shared });
      await store.projects.addVersion(first.project.id, sampleVersion({ createdBy: ownerId, label: 'only-a' }));
      const second = await store.projects.create({ ownerId, name: 'B', slug: 'b', idea: 'i', version: shared });

      assert.equal(await store.projects.delete(first.project.id), true);
      assert.equal(await store.projects.get(first.project.id), undefined);
      assert.deepEqual(await store.projects.listVersions(first.project.id), []);
      assert.equal(await store.projects.getVersion({ projectId: first.project.id, version: 1 }), undefined);
      assert.equal(await store.projects.readFile({ projectId: first.project.id, version: 1, path: 'README.md' }), undefined);
      assert.equal(await store.projects.readFiles({ projectId: first.project.id, version: 2 }), undefined);
      assert.deepEqual(await store.projects.readFiles({ projectId: second.project.id, version: 1 }), [...shared.files].sort((left, right) => (left.path < right.path ? -1 : 1)));
      assert.equal(await store.projects.delete(first.project.id), false);

      // Content of the deleted project can be stored again afterwards.
      const third = await store.projects.create({ ownerId, name: 'C', slug: 'c', idea: 'i', version: sampleVersion({ createdBy: ownerId, label: 'only-a' }) });
      assert.equal(await store.projects.readFile({ projectId: third.project.id, version: 1, path: 'README.md' }), '# only-a\n');
    },
  },
  {
    name: 'projects: deleting an author keeps their versions with createdBy null',
    async run({ open }) {
      const store = await open();
      const ownerId = await createOwner(store);
      const author = await createOwner(store, 'author@example.com');
      const { project } = await store.projects.create({ ownerId, name: 'P', slug: 'p', idea: 'i', version: sampleVersion({ createdBy: ownerId }) });
      await store.projects.addVersion(project.id, sampleVersion({ createdBy: author }));
      assert.equal(await store.users.delete(author), true);
      const version = await store.projects.getVersion({ projectId: project.id, version: 2 });
      assert.equal(version?.createdBy, null);
    },
  },
];
