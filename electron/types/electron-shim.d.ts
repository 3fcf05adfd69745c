/**
 * Stand-in types for the `electron` package, for machines where it is not installed.
 *
 * Why this exists: electron is an optionalDependency. Where its install fails or is skipped
 * (ELECTRON_SKIP_BINARY_DOWNLOAD, offline CI) node_modules/electron is absent, and without
 * these declarations `import ... from 'electron'` in electron/main and electron/preload could
 * not type-check. It models only what those files use, with the signatures of Electron 39.
 *
 * Where electron IS installed its own electron.d.ts declares the same module with
 * `export =`, which takes precedence over the members below, so the real types are the ones
 * checked. The duplicate declarations this creates are inside .d.ts files and are not
 * reported under `skipLibCheck` (tsconfig.base.json). Do not add anything here that the code
 * does not use; prefer the real package's types whenever they are present.
 */

declare namespace NodeJS {
  interface Process {
    /** Electron only: the packaged app's resources folder. */
    readonly resourcesPath: string;
  }
  interface ProcessVersions {
    /** Electron only. */
    readonly electron: string;
  }
}

declare module 'electron' {
  type Event<Params extends object = Record<never, never>> = {
    preventDefault: () => void;
    readonly defaultPrevented: boolean;
  } & Params;

  interface FileFilter {
    name: string;
    extensions: string[];
  }

  interface OpenDialogOptions {
    title?: string;
    filters?: FileFilter[];
    properties?: Array<'openFile' | 'openDirectory' | 'multiSelections' | 'showHiddenFiles' | 'createDirectory'>;
  }

  interface SaveDialogOptions {
    title?: string;
    filters?: FileFilter[];
  }

  interface WebFrameMain {
    readonly url: string;
  }

  interface WebContents {
    readonly id: number;
    on(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', listener: (details: Event<{ url: string }>) => void): this;
    on(event: 'will-attach-webview', listener: (event: Event) => void): this;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void;
    send(channel: string, ...args: unknown[]): void;
  }

  interface WebRequest {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void): void;
  }

  interface Session {
    readonly webRequest: WebRequest;
    setPermissionRequestHandler(
      handler: (webContents: WebContents, permission: string, callback: (permissionGranted: boolean) => void) => void,
    ): void;
    setPermissionCheckHandler(handler: (webContents: WebContents | null, permission: string) => boolean): void;
  }

  interface BrowserWindowConstructorOptions {
    width?: number;
    height?: number;
    title?: string;
    show?: boolean;
    webPreferences?: {
      contextIsolation?: boolean;
      nodeIntegration?: boolean;
      sandbox?: boolean;
      webSecurity?: boolean;
      preload?: string;
      spellcheck?: boolean;
    };
  }

  class BrowserWindow {
    constructor(options?: BrowserWindowConstructorOptions);
    static getAllWindows(): BrowserWindow[];
    readonly webContents: WebContents;
    once(event: 'ready-to-show', listener: () => void): this;
    on(event: 'closed', listener: () => void): this;
    loadURL(url: string): Promise<void>;
    show(): void;
    focus(): void;
    restore(): void;
    isMinimized(): boolean;
    isDestroyed(): boolean;
  }

  interface App {
    readonly isPackaged: boolean;
    setName(name: string): void;
    setPath(name: 'userData', path: string): void;
    getPath(name: 'userData'): string;
    getAppPath(): string;
    getVersion(): string;
    enableSandbox(): void;
    requestSingleInstanceLock(): boolean;
    whenReady(): Promise<void>;
    quit(): void;
    exit(exitCode?: number): void;
    on(event: 'second-instance', listener: (event: Event, argv: string[], workingDirectory: string) => void): this;
    on(event: 'window-all-closed' | 'activate', listener: () => void): this;
    on(event: 'will-quit', listener: (event: Event) => void): this;
    on(event: 'web-contents-created', listener: (event: Event, webContents: WebContents) => void): this;
    on(event: 'session-created', listener: (session: Session) => void): this;
  }

  interface CustomScheme {
    scheme: string;
    privileges?: { standard?: boolean; secure?: boolean; supportFetchAPI?: boolean; corsEnabled?: boolean };
  }

  interface Protocol {
    registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void;
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
  }

  interface Dialog {
    showOpenDialog(window: BrowserWindow, options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
    showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
    showSaveDialog(window: BrowserWindow, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath: string }>;
    showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath: string }>;
    showErrorBox(title: string, content: string): void;
  }

  interface IpcMainInvokeEvent extends Event {
    readonly sender: WebContents;
    readonly senderFrame: WebFrameMain | null;
  }

  interface IpcMain {
    handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
    removeHandler(channel: string): void;
  }

  type IpcRendererEvent = Event;

  interface IpcRenderer {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>;
    on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): this;
    removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): this;
  }

  interface ContextBridge {
    exposeInMainWorld(apiKey: string, api: unknown): void;
  }

  interface Shell {
    /** Opens a path in the desktop's file manager; resolves with an error message, '' on success. */
    openPath(path: string): Promise<string>;
  }

  export const app: App;
  export const dialog: Dialog;
  export const protocol: Protocol;
  export const session: { readonly defaultSession: Session };
  export const ipcMain: IpcMain;
  export const ipcRenderer: IpcRenderer;
  export const contextBridge: ContextBridge;
  export const shell: Shell;
  export { BrowserWindow };
  export type { Event, FileFilter, IpcMainInvokeEvent, IpcRendererEvent, Session, WebContents };
}
