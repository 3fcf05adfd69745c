/**
 * Files the renderer hands over (browser file picker, drag and drop) before a load uses them.
 *
 * Each upload is written under a temporary name and renamed when complete, so a load never
 * reads a half-received file.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../../shared/ipc/errors';

interface UploadEntry {
  name: string;
  dir: string;
  partial: string;
  final: string;
  received: number;
  expected: number | null;
  done: boolean;
}

const STALE_MS = 24 * 60 * 60 * 1000;

/** Keeps uploads in `<appData>/uploads/<id>/`. */
export class UploadStore {
  private readonly root: string;
  private readonly entries = new Map<string, UploadEntry>();

  constructor(appDataDir: string) {
    this.root = path.join(appDataDir, 'uploads');
    this.removeStale();
  }

  begin(name: string, expected: number | null): string {
    const id = crypto.randomBytes(16).toString('hex');
    const dir = path.join(this.root, id);
    fs.mkdirSync(dir, { recursive: true });
    const safe = path.basename(name).replace(/[^\p{L}\p{N}._ -]/gu, '_') || 'upload';
    const entry: UploadEntry = {
      name: path.basename(name),
      dir,
      partial: path.join(dir, `${safe}.part`),
      final: path.join(dir, safe),
      received: 0,
      expected,
      done: false,
    };
    fs.writeFileSync(entry.partial, '');
    this.entries.set(id, entry);
    return id;
  }

  chunk(id: string, offset: number, bytes: Uint8Array): number {
    const e = this.get(id);
    if (e.done) {
      throw new AppError('BAD_REQUEST', 'This upload is already complete.');
    }
    if (offset !== e.received) {
      throw new AppError('BAD_REQUEST', `Upload chunk at ${offset} but ${e.received} bytes were received so far.`);
    }
    fs.appendFileSync(e.partial, bytes);
    e.received += bytes.length;
    return e.received;
  }

  finish(id: string): number {
    const e = this.get(id);
    if (!e.done) {
      if (e.expected !== null && e.expected !== e.received) {
        throw new AppError('BAD_REQUEST', `The upload is incomplete: ${e.received} of ${e.expected} bytes.`);
      }
      fs.renameSync(e.partial, e.final);
      e.done = true;
    }
    return e.received;
  }

  /** Receives a whole upload from a stream (the local host's POST /upload). */
  async fromStream(name: string, body: Readable): Promise<{ uploadId: string; size: number }> {
    const id = this.begin(name, null);
    const e = this.get(id);
    try {
      await pipeline(body, fs.createWriteStream(e.partial));
    } catch (err) {
      this.remove(id);
      throw new AppError('FILE_UNREADABLE', `The upload was interrupted: ${(err as Error).message}`);
    }
    e.received = fs.statSync(e.partial).size;
    return { uploadId: id, size: this.finish(id) };
  }

  /** The finished file and the name the user knows it by. */
  resolve(id: string): { path: string; name: string } {
    const e = this.get(id);
    if (!e.done) {
      throw new AppError('UPLOAD_NOT_FOUND', 'The upload has not finished yet.');
    }
    return { path: e.final, name: e.name };
  }

  remove(id: string): void {
    const e = this.entries.get(id);
    this.entries.delete(id);
    if (e) {
      fs.rmSync(e.dir, { recursive: true, force: true });
    }
  }

  removeAll(): void {
    for (const id of [...this.entries.keys()]) {
      this.remove(id);
    }
  }

  private get(id: string): UploadEntry {
    const e = this.entries.get(id);
    if (!e) {
      throw new AppError('UPLOAD_NOT_FOUND', 'That upload does not exist (it may have been used already).');
    }
    return e;
  }

  private removeStale(): void {
    let names: string[];
    try {
      names = fs.readdirSync(this.root);
    } catch {
      return;
    }
    const cutoff = Date.now() - STALE_MS;
    for (const n of names) {
      const p = path.join(this.root, n);
      try {
        if (fs.statSync(p).mtimeMs < cutoff) {
          fs.rmSync(p, { recursive: true, force: true });
        }
      } catch {
        // Another process may be cleaning the same folder; ignore.
      }
    }
  }
}
