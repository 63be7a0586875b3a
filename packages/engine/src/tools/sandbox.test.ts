import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileReadTool } from './file-read';
import { createFileWriteTool } from './file-write';
import { noSignal } from './local-http.test-support';
import { Sandbox } from './sandbox';

let base = '';
let root = '';
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'engine-sandbox-'));
  root = join(base, 'run-1');
  await writeFile(join(base, 'secret.txt'), 'top secret');
});
afterEach(() => rm(base, { recursive: true, force: true }));

const tools = () => {
  const sandbox = new Sandbox(root);
  return { read: createFileReadTool({ description: 'read', sandbox }), write: createFileWriteTool({ description: 'write', sandbox }) };
};

describe('file tools in the run sandbox', () => {
  it('writes, appends and reads files inside the sandbox, creating folders', async () => {
    const { read, write } = tools();
    expect(await write.execute({ path: 'out/notes.md', content: 'one' }, noSignal())).toEqual({ content: 'wrote 3 bytes to out/notes.md', isError: false });
    await write.execute({ path: 'out/notes.md', content: ' two', append: true }, noSignal());
    expect(await read.execute({ path: 'out/notes.md' }, noSignal())).toEqual({ content: 'one two', isError: false });
    expect(await readFile(join(root, 'out/notes.md'), 'utf8')).toBe('one two');
    expect(write.hasSideEffects({ path: 'a', content: 'b' })).toBe(true);
    expect(read.hasSideEffects({ path: 'a' })).toBe(false);
  });

  it.each(['../secret.txt', 'a/../../secret.txt', '..\\secret.txt', '/etc/passwd', 'C:\\Windows\\win.ini', '\\\\server\\share', 'a\0b', ''])('refuses the path %j', async (path) => {
    const { read, write } = tools();
    for (const outcome of [await read.execute({ path }, noSignal()), await write.execute({ path, content: 'x' }, noSignal())]) {
      expect(outcome.isError).toBe(true);
      expect(outcome.content).toMatch(/absolute|"\.\."|empty or contains a NUL/);
    }
    expect(await readFile(join(base, 'secret.txt'), 'utf8')).toBe('top secret');
  });

  it('refuses a symlink that points outside the sandbox, for reading and writing', async () => {
    await mkdir(root, { recursive: true });
    await symlink(join(base, 'secret.txt'), join(root, 'link.txt'));
    const { read, write } = tools();
    expect(await read.execute({ path: 'link.txt' }, noSignal())).toMatchObject({ isError: true, content: expect.stringContaining('leads outside the workspace') });
    expect(await write.execute({ path: 'link.txt', content: 'pwned' }, noSignal())).toMatchObject({ isError: true, content: expect.stringContaining('symbolic link') });
    expect(await readFile(join(base, 'secret.txt'), 'utf8')).toBe('top secret');
  });

  it('refuses a symlinked folder that leads outside the sandbox', async () => {
    await mkdir(root, { recursive: true });
    await symlink(base, join(root, 'escape'));
    const { read, write } = tools();
    expect(await read.execute({ path: 'escape/secret.txt' }, noSignal())).toMatchObject({ isError: true, content: expect.stringContaining('leads outside the workspace') });
    expect(await write.execute({ path: 'escape/new.txt', content: 'x' }, noSignal())).toMatchObject({ isError: true, content: expect.stringContaining('leads outside the workspace') });
    await expect(readFile(join(base, 'new.txt'), 'utf8')).rejects.toThrow();
  });

  it('refuses huge writes and says when a file is missing', async () => {
    const { read, write } = tools();
    expect(await write.execute({ path: 'big.txt', content: 'x'.repeat(1_000_001) }, noSignal())).toMatchObject({ isError: true, content: expect.stringContaining('at most 1000000 may be written') });
    expect(await read.execute({ path: 'nope.txt' }, noSignal())).toEqual({ content: 'error: no file "nope.txt" in the workspace', isError: true });
  });

  it('says the tools are not configured without a workspace', async () => {
    const read = createFileReadTool({ description: 'read', sandbox: undefined });
    expect(await read.execute({ path: 'a.txt' }, noSignal())).toMatchObject({ isError: true, content: expect.stringContaining('not configured') });
  });
});
