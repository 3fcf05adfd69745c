import type { Handlers } from '../../shared/ipc/contract';

/** Everything the core needs from its host process; nothing is read from globals. */
export interface CoreOptions {
  /** Absolute path of the workspace SQLite file to open (created when missing). */
  workspacePath: string;
  /** True when the path is the app-data default rather than one the user named. */
  workspaceIsDefault: boolean;
  /** Per-user folder for recent.json and in-flight uploads. */
  appDataDir: string;
  /** The `resources/` folder (holds zoho/ metadata). */
  resourcesDir: string;
  /** The bundled worker script (out/node/worker.cjs or out/main/worker.js). */
  workerPath: string;
  /** better-sqlite3 binary built for this runtime's ABI (Electron), when not the default one. */
  nativeBinding?: string;
  /** App version shown in `app.info`. */
  version: string;
  /** Injected clock so engines stay pure and tests deterministic. */
  now?: () => Date;
  /** Handlers that only one transport can serve (the Electron file dialog). */
  platformHandlers?: Partial<Handlers>;
}
