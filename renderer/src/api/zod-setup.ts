/**
 * Turns off zod's code-generating fast path before any schema is built.
 *
 * zod probes `new Function("")` to decide whether it may compile parsers; under our CSP
 * (`script-src 'self'`, no 'unsafe-eval') the probe is refused and logs a CSP violation on
 * every start. Jitless parsing is plenty fast for event payloads. This module must be
 * imported before anything that imports a schema, hence its own file.
 */
import { z } from 'zod';

z.config({ jitless: true });
