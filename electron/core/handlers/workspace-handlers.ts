/**
 * Channels about the app and its workspaces.
 */
import type { Handlers } from '../../../shared/ipc/contract';
import type { HandlerContext } from './handler-context';

type WorkspaceHandlers = Pick<Handlers, 'app.info' | 'workspace.open' | 'workspace.recent'>;

/** Builds the workspace handlers. */
export function workspaceHandlers(ctx: HandlerContext): WorkspaceHandlers {
  return {
    'app.info': async () => ({ version: ctx.options.version, workspace: ctx.session().info() }),
    'workspace.open': async ({ path, create }) => ctx.switchWorkspace(path, create).info(),
    'workspace.recent': async () => ({ items: ctx.recent.list() }),
  };
}
