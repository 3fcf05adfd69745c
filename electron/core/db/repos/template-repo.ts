/**
 * SQL for saved mapping templates and for what the user mapped before.
 */
import type { Db } from '../open';

export interface TemplateRow {
  name: string;
  module: string;
  fingerprint: string;
  templateJson: string;
  updatedAt: string;
}

/** Repository of templates and mapping memory. */
export class TemplateRepo {
  constructor(private readonly db: Db) {}

  save(row: TemplateRow): void {
    this.db
      .prepare(
        `INSERT INTO templates (name, module, fingerprint, template_json, created_at, updated_at) VALUES (@name, @module, @fingerprint, @templateJson, @updatedAt, @updatedAt)
         ON CONFLICT(name) DO UPDATE SET module = excluded.module, fingerprint = excluded.fingerprint, template_json = excluded.template_json, updated_at = excluded.updated_at`,
      )
      .run(row);
  }

  get(name: string): TemplateRow | null {
    return (
      (this.db
        .prepare('SELECT name, module, fingerprint, template_json AS templateJson, updated_at AS updatedAt FROM templates WHERE name = ?')
        .get(name) as TemplateRow | undefined) ?? null
    );
  }

  list(): TemplateRow[] {
    return this.db.prepare('SELECT name, module, fingerprint, template_json AS templateJson, updated_at AS updatedAt FROM templates ORDER BY updated_at DESC, name').all() as TemplateRow[];
  }

  byFingerprint(fingerprint: string): TemplateRow[] {
    return this.db
      .prepare('SELECT name, module, fingerprint, template_json AS templateJson, updated_at AS updatedAt FROM templates WHERE fingerprint = ? ORDER BY updated_at DESC')
      .all(fingerprint) as TemplateRow[];
  }

  remove(name: string): boolean {
    return this.db.prepare('DELETE FROM templates WHERE name = ?').run(name).changes > 0;
  }

  /** Remembers that `header` was mapped to `field` in `module`. */
  remember(module: string, headerNorm: string, field: string, now: string): void {
    this.db
      .prepare(
        `INSERT INTO mapping_memory (module, header_norm, field, uses, last_used) VALUES (?, ?, ?, 1, ?)
         ON CONFLICT DO UPDATE SET uses = uses + 1, last_used = excluded.last_used`,
      )
      .run(module, headerNorm, field, now);
  }

  history(module: string): Map<string, Map<string, number>> {
    const out = new Map<string, Map<string, number>>();
    for (const r of this.db.prepare('SELECT header_norm AS h, field, uses FROM mapping_memory WHERE module = ?').all(module) as { h: string; field: string; uses: number }[]) {
      const m = out.get(r.h) ?? new Map<string, number>();
      m.set(r.field, r.uses);
      out.set(r.h, m);
    }
    return out;
  }

  rememberPicklist(module: string, field: string, source: string, target: string): void {
    this.db
      .prepare('INSERT INTO picklist_memory (module, field, source_value, target_value) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET target_value = excluded.target_value')
      .run(module, field, source, target);
  }

  picklistTable(module: string, field: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const r of this.db.prepare('SELECT source_value AS s, target_value AS t FROM picklist_memory WHERE module = ? AND field = ?').all(module, field) as { s: string; t: string }[]) {
      out[r.s] = r.t;
    }
    return out;
  }
}
