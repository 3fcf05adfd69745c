/**
 * Guards from Electron's security checklist that apply to every webContents and session.
 *
 * The window only ever shows our own pages from `app://preflight/`: nothing remote is loaded,
 * navigated to, opened in a new window or granted a permission, whatever the page asks for.
 */
import { app, type Session, type WebContents } from 'electron';
import { isAllowedRequestUrl, isAppUrl } from './app-url';

/**
 * Applies the navigation guards to every webContents as it is created.
 *
 * Registered on the app rather than on our window so devtools and anything a future feature
 * creates get the same rules.
 */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents);
  });
}

function guardWebContents(contents: WebContents): void {
  const stayOnApp = (event: { url: string; preventDefault: () => void }): void => {
    if (!isAppUrl(event.url)) {
      event.preventDefault();
    }
  };
  contents.on('will-navigate', stayOnApp);
  contents.on('will-frame-navigate', stayOnApp);
  contents.on('will-redirect', stayOnApp);
  // <webview> would embed arbitrary content with its own preferences; we never use it.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * Denies every permission and every request that is not for our own scheme.
 *
 * The request filter is the backstop for "no remote content": even if a page slipped past the
 * CSP, Chromium would still not fetch from http(s), ws(s), file or any other scheme.
 */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
}
