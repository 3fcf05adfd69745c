/**
 * The list of recently opened workspaces, kept in the app-data folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../fs-atomic';

export interface RecentItem {
  path: string;
  openedAt: string;
}

const MAX_ITEMS = 10;

/** Reads and updates `recent.json`; a damaged file is treated as empty rather than fatal. */
export class RecentWorkspaces {
  private readonly file: string;

  constructor(appDataDir: string) {
    this.file = path.join(appDataDir, 'recent.json');
  }

  list(): RecentItem[] {
    try {
      const raw = JSON.parse(fs.readFileSync(this.file, 'utf8')) as unknown;
      if (!Array.isArray(raw)) {
        return [];
      }
      return raw.filter(
        (x): x is RecentItem =>
          typeof x === 'object' && x !== null && typeof (x as RecentItem).path === 'string' && typeof (x as RecentItem).openedAt === 'string',
      );
    } catch {
      return [];
    }
  }

  touch(workspacePath: string, openedAt: string): void {
    const items = [{ path: workspacePath, openedAt }, ...this.list().filter((i) => i.path !== workspacePath)].slice(0, MAX_ITEMS);
    try {
      writeFileAtomic(this.file, JSON.stringify(items, null, 2));
    } catch (err) {
      // The recent list is a convenience; failing to save it must not fail opening a workspace.
      console.error('[recent]', err);
    }
  }
}
