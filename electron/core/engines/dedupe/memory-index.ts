/**
 * An existing module held in memory for the matcher: profiles, ids and blocks (pure).
 *
 * `wantedKeys` lets the caller keep only the blocks some incoming row can reach, which is what
 * makes a million-record replica fit: most of its blocking keys are never asked for.
 */
import { blockingKeys, MAX_BLOCK } from './blocking';
import type { ExistingModule } from './find-duplicates';
import type { Profile } from './record-profile';

/** Too common to compare within (more than MAX_BLOCK records). */
const TOO_COMMON: readonly number[] = Object.freeze([]);

export class MemoryModuleIndex implements ExistingModule {
  private readonly profiles: Profile[] = [];
  private readonly ids: string[] = [];
  private readonly refs = new Map<string, number>();
  private readonly blocks = new Map<string, number[]>();

  constructor(
    readonly module: string,
    readonly organisation: boolean,
    readonly otherFields: ReadonlyMap<string, string>,
    private readonly wantedKeys: ReadonlySet<string> | null = null,
  ) {}

  /**
   * Adds a record when one of its keys is wanted (or `force`); says whether it was added. With
   * no wanted keys set, every record is added.
   */
  addIfWanted(id: string, profile: Profile, keys: readonly string[], force: boolean): boolean {
    if (!force && this.wantedKeys && !keys.some((k) => this.wantedKeys?.has(k))) return false;
    this.add(id, profile, keys);
    return true;
  }

  /** Adds a record; `keys` are its blocking keys when already known. */
  add(id: string, profile: Profile, keys: readonly string[] = blockingKeys(profile, undefined, this.organisation)): void {
    const ref = this.ids.length;
    this.ids.push(id);
    this.profiles.push(profile);
    this.refs.set(id, ref);
    for (const k of keys) {
      if (this.wantedKeys && !this.wantedKeys.has(k)) continue;
      const b = this.blocks.get(k);
      if (!b) this.blocks.set(k, [ref]);
      else if (b !== TOO_COMMON) {
        if (b.length >= MAX_BLOCK) this.blocks.set(k, TOO_COMMON as number[]);
        else b.push(ref);
      }
    }
  }

  get size(): number {
    return this.ids.length;
  }

  block(key: string): readonly number[] | null {
    const b = this.blocks.get(key);
    return b === undefined ? [] : b === TOO_COMMON ? null : b;
  }

  profile(ref: number): Profile {
    return this.profiles[ref] as Profile;
  }

  id(ref: number): string {
    return this.ids[ref] as string;
  }

  refOf(id: string): number | null {
    return this.refs.get(id) ?? null;
  }
}
