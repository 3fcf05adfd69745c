/**
 * The one Preflight window.
 */
import { BrowserWindow } from 'electron';
import { APP_URL } from './app-url';

/**
 * Opens the window on `app://preflight/`, shown once its first paint is ready.
 *
 * Every webPreference here is the secure value spelled out, not left to a default, so a
 * reader (or a future Electron default change) cannot loosen it silently.
 */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    title: 'Preflight',
    // Hidden until ready-to-show, so the user never sees a blank white frame.
    show: false,
    webPreferences: {
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      preload: preloadPath,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => {
    win.show();
  });
  win.loadURL(APP_URL).catch((err: unknown) => {
    // A failed load leaves an empty window; the log is where a developer will look first.
    console.error('[main] could not load the window:', err);
  });
  return win;
}
