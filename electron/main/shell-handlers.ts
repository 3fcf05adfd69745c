/**
 * `export.openFolder` for the Electron window: shows the written export in the file manager.
 */
import fs from 'node:fs';
import { shell } from 'electron';
import type { Handlers } from '../../shared/ipc/contract';

/** The platform handler; only a folder that exists is opened. */
export function shellHandlers(): Pick<Handlers, 'export.openFolder'> {
  return {
    async 'export.openFolder'({ folder }) {
      if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) return { opened: false };
      return { opened: (await shell.openPath(folder)) === '' };
    },
  };
}
