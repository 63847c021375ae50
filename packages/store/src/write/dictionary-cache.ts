/** What the store remembers of rows that never change once written (units, directives, person aliases). */
export interface DirectiveEntry {
  id: number;
  hasTitle: boolean;
  hasDate: boolean;
}

/**
 * Id lookups kept in memory to spare a query per name. Entries learnt inside a transaction go to a
 * pending layer and reach the shared cache only after commit, so a rollback never leaves a dangling id.
 */
export class DictionaryCache {
  readonly units = new Map<string, number>();
  readonly directives = new Map<string, DirectiveEntry>();
  readonly directiveAliases = new Set<string>();
  /** alias_lower → person id */
  readonly persons = new Map<string, number>();

  constructor(private readonly parent: DictionaryCache | null = null) {}

  /** A pending layer over this cache for one transaction. */
  layer(): DictionaryCache {
    return new DictionaryCache(this);
  }

  unit(key: string): number | undefined {
    return this.units.get(key) ?? this.parent?.unit(key);
  }

  directive(key: string): DirectiveEntry | undefined {
    return this.directives.get(key) ?? this.parent?.directive(key);
  }

  hasDirectiveAlias(k: string): boolean {
    return this.directiveAliases.has(k) || (this.parent?.hasDirectiveAlias(k) ?? false);
  }

  person(aliasLower: string): number | undefined {
    return this.persons.get(aliasLower) ?? this.parent?.person(aliasLower);
  }

  /** After commit: moves this layer's entries into its parent. */
  commit(): void {
    const p = this.parent;
    if (!p) return;
    for (const [k, v] of this.units) p.units.set(k, v);
    for (const [k, v] of this.directives) p.directives.set(k, v);
    for (const k of this.directiveAliases) p.directiveAliases.add(k);
    for (const [k, v] of this.persons) p.persons.set(k, v);
  }
}
