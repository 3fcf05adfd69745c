/**
 * Channels about module metadata: the standard set and an org's own Fields API responses.
 */
import fs from 'node:fs';
import type { Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { moduleLabel } from '../../../shared/domain/modules';
import { USERS_MODULE } from '../../../shared/domain/user-fields';
import { mandatoryFields, parseFieldsResponse, uniqueFields } from '../engines/metadata/parse-fields';
import { resolveSource } from './file-source';
import type { HandlerContext } from './handler-context';

type MetadataHandlers = Pick<Handlers, 'metadata.modules' | 'metadata.fields' | 'metadata.load' | 'metadata.reset'>;

/** Largest Fields API response we read whole (an org with 500 fields is about 2 MB). */
const MAX_METADATA_BYTES = 64 * 1024 * 1024;

/** Builds the metadata handlers. */
export function metadataHandlers(ctx: HandlerContext): MetadataHandlers {
  return {
    'metadata.modules': async () => {
      const s = ctx.session();
      const counts = s.replicaRepo.counts();
      // Users are always listed, last, so the window always offers Load users…
      const names = [...new Set([...s.metadata.modules(), ...Object.keys(counts)].filter((m) => m !== USERS_MODULE)), USERS_MODULE];
      return {
        modules: names.map((module) => {
          const eff = s.metadata.find(module);
          return {
            module,
            label: moduleLabel(module),
            fields: eff?.fields.length ?? 0,
            source: eff?.source ?? 'standard',
            records: counts[module] ?? 0,
          };
        }),
      };
    },
    'metadata.fields': async ({ module }) => {
      const eff = ctx.session().metadata.get(module);
      return { module, source: eff.source, fields: eff.fields };
    },
    'metadata.load': async ({ module, source }) => {
      const file = resolveSource(source, ctx.uploads);
      try {
        const size = fs.statSync(file.path).size;
        if (size > MAX_METADATA_BYTES) {
          throw new AppError('METADATA_INVALID', `${file.name} is ${size} bytes; a Fields API response is far smaller. Is it the right file?`);
        }
        let json: unknown;
        try {
          json = JSON.parse(fs.readFileSync(file.path, 'utf8').replace(/^\uFEFF/, ''));
        } catch (err) {
          throw new AppError('JSON_INVALID', `${file.name} is not valid JSON: ${(err as Error).message}`);
        }
        const fields = parseFieldsResponse(json, module);
        const s = ctx.session();
        s.metadataRepo.put({ module, fieldsJson: JSON.stringify(fields), sourceName: file.name, loadedAt: ctx.now().toISOString() });
        ctx.events.emit('metadata.changed', { module });
        return {
          module,
          fields: fields.length,
          unique: uniqueFields(fields),
          mandatory: mandatoryFields(fields),
          custom: fields.filter((f) => f.custom).map((f) => f.apiName),
        };
      } finally {
        if (file.uploadId) {
          ctx.uploads.remove(file.uploadId);
        }
      }
    },
    'metadata.reset': async ({ module }) => {
      ctx.session().metadataRepo.remove(module);
      ctx.events.emit('metadata.changed', { module });
      return { module, source: 'standard' as const };
    },
  };
}
