/**
 * Creating the core for a plain Node process (the local host and the CLI).
 */
import { createCore, type Core } from '../core/app';
import { defaultAppDataDir, resolveWorkspacePath } from '../core/paths';
import { runtimePaths, type RuntimePaths } from './runtime-paths';

/** Opens the workspace named by `--workspace`, `PREFLIGHT_WORKSPACE` or the default. */
export function createNodeCore(workspaceFlag: string | undefined, from: string): { core: Core; paths: RuntimePaths } {
  const paths = runtimePaths(from);
  const appDataDir = defaultAppDataDir();
  const ws = resolveWorkspacePath(workspaceFlag, process.env, appDataDir);
  const core = createCore({
    workspacePath: ws.path,
    workspaceIsDefault: ws.isDefault,
    appDataDir,
    resourcesDir: paths.resourcesDir,
    workerPath: paths.workerPath,
    version: paths.version,
  });
  return { core, paths };
}
