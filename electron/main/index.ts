/**
 * Electron main process: opens the workspace, serves the renderer and shows one window on it.
 *
 * Built by electron-vite to out/main/index.js (package.json "main"); the core's worker threads
 * run out/main/worker.js, built beside it from the same config.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, session, type Event } from 'electron';
import { createCore, type Core } from '../core/app';
import { defaultAppDataDir, resolveWorkspacePath } from '../core/paths';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { dialogHandlers } from './dialogs';
import { shellHandlers } from './shell-handlers';
import { attachIpc } from './ipc';
import { guardAllWebContents, hardenSession } from './security';
import { argValue, describeStartupError, electronNativeBinding } from './startup';
import { createMainWindow } from './window';

// Everything up to the instance lock must run before 'ready': schemes can only be made
// privileged then, and the lock lives in the userData folder. userData is set explicitly to
// the folder the host and CLI use (defaultAppDataDir honours PREFLIGHT_APP_DATA), rather than
// left to follow the app name, so all three open the same default workspace.
registerAppScheme();
app.setName('Preflight');
app.setPath('userData', defaultAppDataDir());
app.enableSandbox();

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;

if (app.requestSingleInstanceLock()) {
  guardAllWebContents();
  app.on('second-instance', focusWindow);
  app.on('window-all-closed', () => {
    // macOS apps stay open without windows; 'activate' brings the window back.
    if (process.platform !== 'darwin') {
      app.quit();
    }
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) {
      openWindow();
    }
  });
  app.on('will-quit', closeCoreThenQuit);
  app.whenReady().then(start).catch(failStartup);
} else {
  // Another Preflight already has this workspace open; 'second-instance' focuses it there.
  app.quit();
}

function start(): void {
  const appDataDir = app.getPath('userData');
  const workspace = resolveWorkspacePath(argValue(process.argv, '--workspace'), process.env, appDataDir);
  hardenSession(session.defaultSession);
  app.on('session-created', hardenSession);
  serveRenderer(path.join(__dirname, '..', 'renderer'));
  core = createCore({
    workspacePath: workspace.path,
    workspaceIsDefault: workspace.isDefault,
    appDataDir,
    // A packaged app carries resources/ as extra resources; in development it is the project's.
    resourcesDir: app.isPackaged ? process.resourcesPath : path.join(app.getAppPath(), 'resources'),
    workerPath: path.join(__dirname, 'worker.js'),
    nativeBinding: electronNativeBinding(__dirname, process.versions.electron),
    version: app.getVersion(),
    platformHandlers: { ...dialogHandlers(() => mainWindow), ...shellHandlers() },
  });
  attachIpc(core, () => mainWindow);
  openWindow();
}

function openWindow(): void {
  const win = createMainWindow(path.join(__dirname, '..', 'preload', 'index.js'));
  mainWindow = win;
  win.on('closed', () => {
    if (mainWindow === win) {
      mainWindow = null;
    }
  });
}

function focusWindow(): void {
  if (!mainWindow) {
    return;
  }
  if (mainWindow.isMinimized()) {
    mainWindow.restore();
  }
  mainWindow.focus();
}

/** Holds the quit until the core has stopped its workers and closed the workspace cleanly. */
function closeCoreThenQuit(event: Event): void {
  if (!core) {
    return;
  }
  event.preventDefault();
  const closing = core;
  core = null;
  closing
    .close()
    .catch((err: unknown) => {
      console.error('[main] closing the workspace failed:', err);
    })
    .finally(() => {
      app.quit();
    });
}

function failStartup(err: unknown): void {
  console.error('[main] start-up failed:', err);
  dialog.showErrorBox('Preflight could not start', describeStartupError(err));
  app.exit(1);
}
