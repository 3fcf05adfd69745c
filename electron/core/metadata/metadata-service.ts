/**
 * The effective field metadata of a module: the org's, when loaded, else our standard set.
 */
import type { FieldMeta } from '../../../shared/domain/field-meta';
import { STANDARD_MODULES } from '../../../shared/domain/modules';
import { AppError } from '../../../shared/ipc/errors';
import type { MetadataRepo } from '../db/repos/metadata-repo';
import { loadStandardMetadata } from '../engines/metadata/standard-metadata';

export interface EffectiveFields {
  source: 'standard' | 'org';
  fields: FieldMeta[];
}

/** Looks up module metadata; org metadata replaces the standard set for its module. */
export class MetadataService {
  constructor(
    private readonly repo: MetadataRepo,
    private readonly resourcesDir: string,
  ) {}

  /** Effective fields, or null when the module is neither standard nor loaded. */
  find(module: string): EffectiveFields | null {
    const org = this.repo.get(module);
    if (org) {
      // Saved by an earlier version, a field may lack flags added since; they default to off.
      const saved = JSON.parse(org.fieldsJson) as Partial<FieldMeta>[];
      return { source: 'org', fields: saved.map((f) => ({ ...f, layoutMandatory: f.layoutMandatory ?? false }) as FieldMeta) };
    }
    const std = loadStandardMetadata(this.resourcesDir, module);
    return std ? { source: 'standard', fields: std } : null;
  }

  /** Effective fields; unknown modules are refused with UNKNOWN_MODULE. */
  get(module: string): EffectiveFields {
    const found = this.find(module);
    if (!found) {
      throw new AppError(
        'UNKNOWN_MODULE',
        `No metadata for module "${module}". Standard modules are ${STANDARD_MODULES.join(', ')}; load the org's field metadata for others.`,
      );
    }
    return found;
  }

  /** Standard modules plus every module with org metadata. */
  modules(): string[] {
    return [...new Set<string>([...STANDARD_MODULES, ...this.repo.modules()])];
  }
}
