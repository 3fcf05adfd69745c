/**
 * `dialog.openFile` for the Electron window: the native open and save dialogs.
 *
 * Only this transport can show them, so the handler is passed to the core as a platform
 * handler; the local host and the CLI answer the channel with NOT_SUPPORTED instead.
 */
import { dialog, type BrowserWindow, type FileFilter } from 'electron';
import type { Handlers } from '../../shared/ipc/contract';

/** The platform handlers of the Electron main process, attached to the window when it exists. */
export function dialogHandlers(getWindow: () => BrowserWindow | null): Pick<Handlers, 'dialog.openFile'> {
  return {
    async 'dialog.openFile'(req) {
      const filters = fileFilters(req.extensions);
      const win = getWindow();
      // Attached to the window the dialog is modal there; without one it floats on its own.
      if (req.save) {
        const options = { title: req.title, filters };
        const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
        return { path: result.canceled || result.filePath === '' ? null : result.filePath };
      }
      const options = { title: req.title, filters, properties: ['openFile' as const] };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return { path: result.canceled ? null : (result.filePaths[0] ?? null) };
    },
  };
}

/** One filter named after its extensions ("CSV, ZIP files"); none means any file. */
function fileFilters(extensions: readonly string[]): FileFilter[] {
  if (extensions.length === 0) {
    return [];
  }
  const name = `${extensions.map((e) => e.toUpperCase()).join(', ')} files`;
  return [{ name, extensions: [...extensions] }];
}
