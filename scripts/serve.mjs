// `npm run serve [-- --workspace FILE --port N]`: Preflight in the browser through the local host,
// whether or not this machine has Electron. The host prints the address to open.
import { serveInBrowser } from './lib/build-if-needed.mjs';

serveInBrowser(process.argv.slice(2));
