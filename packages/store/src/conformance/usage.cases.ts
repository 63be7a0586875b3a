// Conformance cases for Store.usage(): counts and byte sizes that follow what was written and deleted.
import assert from 'node:assert/strict';
import { createOwner, sampleFiles, sampleVersion, type StoreConformanceCase } from './conformance-case';

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

export const usageCases: ReadonlyArray<StoreConformanceCase> = [
  {
    name: 'usage: counts projects, versions, files and audit rows, and sizes their contents',
    async run({ open }) {
      const store = await open();
      const empty = await store.usage();
      assert.deepEqual({ ...empty, databaseBytes: 0 }, { projects: 0, versions: 0, files: 0, auditEntries: 0, fileBytes: 0, storedFileBytes: 0, databaseBytes: 0 });
      assert.ok(empty.databaseBytes > 0, 'an empty but migrated database still has a size');

      const ownerId = await createOwner(store);
      const first = sampleVersion({ createdBy: ownerId, label: 'Usage one' });
      const bytes = first.files.reduce((sum, file) => sum + utf8Bytes(file.content), 0);
      const { project } = await store.projects.create({ ownerId, name: 'Usage', slug: 'usage', idea: 'i', version: first });
      await store.audit.append({ action: 'project-create', targetType: 'project', targetId: project.id });
      const one = await store.usage();
      assert.deepEqual({ ...one, databaseBytes: 0 }, { projects: 1, versions: 1, files: 4, auditEntries: 1, fileBytes: bytes, storedFileBytes: bytes, databaseBytes: 0 });

      // Version 2 repeats the same files: downloads carry them twice, the store keeps each content once.
      await store.projects.addVersion(project.id, { ...first, files: sampleFiles('Usage one') });
      const two = await store.usage();
      assert.equal(two.versions, 2);
      assert.equal(two.files, 8);
      assert.equal(two.fileBytes, 2 * bytes);
      assert.equal(two.storedFileBytes, bytes);

      await store.projects.delete(project.id);
      const gone = await store.usage();
      assert.deepEqual({ projects: gone.projects, versions: gone.versions, files: gone.files, fileBytes: gone.fileBytes, storedFileBytes: gone.storedFileBytes }, { projects: 0, versions: 0, files: 0, fileBytes: 0, storedFileBytes: 0 });
      assert.equal(gone.auditEntries, 1);
    },
  },
];
