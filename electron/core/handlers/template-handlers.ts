/**
 * Channels for mapping templates: save from a batch, apply, list, export, import, delete.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { mappingToTemplate, parseTemplate, templateToMapping } from '../engines/mapping/template-format';
import { chosenOutputPath, writeFileAtomic } from '../fs-atomic';
import { resolveSource } from './file-source';
import type { HandlerContext } from './handler-context';
import { headerFingerprint } from '../engines/mapping/header-fingerprint';

type TemplateHandlers = Pick<Handlers, 'template.list' | 'template.save' | 'template.apply' | 'template.export' | 'template.import' | 'template.delete'>;

/** Builds the template handlers. */
export function templateHandlers(ctx: HandlerContext): TemplateHandlers {
  const svc = () => ctx.session().batches;
  const load = (name: string) => {
    const row = svc().templates.get(name);
    if (!row) {
      throw new AppError('TEMPLATE_NOT_FOUND', `There is no template named “${name}”.`);
    }
    return row;
  };
  return {
    'template.list': async () => ({
      templates: svc()
        .templates.list()
        .map((t) => ({ name: t.name, module: t.module, updatedAt: t.updatedAt, columns: Object.keys(parseTemplate(JSON.parse(t.templateJson)).columns).length })),
    }),
    'template.save': async ({ batch, name }) => {
      const s = svc();
      const b = s.record(batch);
      const json = mappingToTemplate(s.mappingOf(b), name);
      s.templates.save({ name, module: b.module, fingerprint: headerFingerprint(b.header), templateJson: JSON.stringify(json), updatedAt: ctx.now().toISOString() });
      return { name };
    },
    'template.apply': async ({ batch, name, jobId }) => {
      const s = svc();
      const b = s.record(batch);
      const t = parseTemplate(JSON.parse(load(name).templateJson));
      if (t.module !== b.module) {
        throw new AppError('TEMPLATE_INVALID', `“${name}” maps ${t.module}, but this batch goes to ${b.module}.`);
      }
      return s.setMapping(batch, templateToMapping(t, b.header).mapping, jobId);
    },
    'template.export': async ({ name, path: file }) => {
      const abs = chosenOutputPath(file);
      writeFileAtomic(abs, `${JSON.stringify(parseTemplate(JSON.parse(load(name).templateJson)), null, 2)}\n`);
      return { path: abs };
    },
    'template.import': async ({ source }) => {
      const file = resolveSource(source, ctx.uploads);
      try {
        let json: unknown;
        try {
          json = JSON.parse(fs.readFileSync(file.path, 'utf8').replace(/^\uFEFF/, ''));
        } catch (err) {
          throw new AppError('JSON_INVALID', `${file.name} is not valid JSON: ${(err as Error).message}`);
        }
        const t = parseTemplate(json);
        const name = t.name ?? path.basename(file.name, path.extname(file.name));
        // Without the file it was made for, the fingerprint comes from the headers it names.
        svc().templates.save({
          name,
          module: t.module,
          fingerprint: headerFingerprint(Object.keys(t.columns)),
          templateJson: JSON.stringify({ ...t, name }),
          updatedAt: ctx.now().toISOString(),
        });
        return { name, module: t.module };
      } finally {
        if (file.uploadId) ctx.uploads.remove(file.uploadId);
      }
    },
    'template.delete': async ({ name }) => ({ deleted: svc().templates.remove(name) }),
  };
}
