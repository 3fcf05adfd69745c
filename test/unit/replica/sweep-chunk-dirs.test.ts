import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sweepChunkDirs } from '../../../electron/core/engines/replica-load/load-csv';
import { tempDir } from '../../helpers/temp-dir';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

function make(name: string): string {
  const p = path.join(dir, name);
  fs.mkdirSync(p);
  fs.writeFileSync(path.join(p, 'chunk-1.db'), 'x');
  return p;
}

describe('sweepChunkDirs', () => {
  it('removes the chunk folders of processes that are gone and keeps everything else', () => {
    const dead = make('preflight-load-1000001-abc123');
    const running = make(`preflight-load-${process.pid}-def456`);
    const other = make('preflight-test-1000001-x');
    fs.writeFileSync(path.join(dir, 'preflight-load-notes.txt'), 'not a chunk folder');
    expect(sweepChunkDirs((pid) => pid === process.pid, dir)).toBe(1);
    expect(fs.existsSync(dead)).toBe(false);
    expect(fs.existsSync(running)).toBe(true);
    expect(fs.existsSync(other)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'preflight-load-notes.txt'))).toBe(true);
  });

  it('does nothing when the temporary folder cannot be read', () => {
    expect(sweepChunkDirs(() => false, path.join(dir, 'missing'))).toBe(0);
  });
});
