import type { CliIo } from '../../cli/commands.js';

/** The command line's world in memory: files by path, the environment, and what it printed and wrote. */
export function memoryIo(files: Record<string, Uint8Array | string>, env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, string | Uint8Array>();
  const io: CliIo = {
    readFile: async (path) => {
      const f = files[path] ?? written.get(path);
      if (f === undefined) throw new Error('ENOENT');
      return typeof f === 'string' ? new TextEncoder().encode(f) : f;
    },
    size: async (path) => (await io.readFile(path)).length,
    writeFile: async (path, content) => void written.set(path, content),
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    now: () => new Date('2026-11-23T12:00:00Z'),
    env: (name) => env[name],
  };
  return { io, out, err, written, json: () => JSON.parse(out.join('\n')) };
}
