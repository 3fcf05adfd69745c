/**
 * Org metadata saved per module (a normalised copy of the user's Fields API response).
 */
import type { Db } from '../open';

export interface OrgMetadataRow {
  module: string;
  fieldsJson: string;
  sourceName: string;
  loadedAt: string;
}

/** SQL for the `org_metadata` table. */
export class MetadataRepo {
  constructor(private readonly db: Db) {}

  get(module: string): OrgMetadataRow | null {
    const row = this.db
      .prepare('SELECT module, fields_json AS fieldsJson, source_name AS sourceName, loaded_at AS loadedAt FROM org_metadata WHERE module = ?')
      .get(module) as OrgMetadataRow | undefined;
    return row ?? null;
  }

  modules(): string[] {
    return (this.db.prepare('SELECT module FROM org_metadata ORDER BY module').all() as { module: string }[]).map((r) => r.module);
  }

  put(row: OrgMetadataRow): void {
    this.db
      .prepare(
        `INSERT INTO org_metadata (module, fields_json, source_name, loaded_at) VALUES (@module, @fieldsJson, @sourceName, @loadedAt)
         ON CONFLICT(module) DO UPDATE SET fields_json = excluded.fields_json, source_name = excluded.source_name, loaded_at = excluded.loaded_at`,
      )
      .run(row);
  }

  remove(module: string): void {
    this.db.prepare('DELETE FROM org_metadata WHERE module = ?').run(module);
  }
}
