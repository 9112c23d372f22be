// Registry of object types, used to expand ids (`expand[]=customer`) into objects and to add includable fields
// (present only when expanded, like an invoice's `confirmation_secret`).
import type { Collection, Store } from './store.js';
import { tombstonesCollection } from './collections.js';

export interface ObjectTypeDef<T extends { id: string }> {
  /** The `object` field value (`customer`, `payment_intent`, `test_helpers.test_clock`). */
  object: string;
  /** Id prefix without underscore (`cus`); null for user-chosen ids (coupons), looked up last. */
  prefix: string | null;
  collection: Collection<T>;
  /**
   * Turns a stored object into its API form (strip a secret or internal fields, compute a field). Defaults to
   * the stored object itself. Route handlers should return the same rendering.
   */
  render?: (obj: T) => { id: string };
  /** Fields computed only when expanded: `{ confirmation_secret: (invoice) => ({...}) }`. */
  includable?: Record<string, (obj: T) => unknown>;
}

interface AnyDef {
  object: string;
  prefix: string | null;
  lookup(id: string): { id: string } | undefined;
  includable: Record<string, (obj: { id: string }) => unknown>;
}

export class ObjectRegistry {
  private readonly byObject = new Map<string, AnyDef>();
  private readonly byPrefix = new Map<string, AnyDef>();
  private readonly unprefixed: AnyDef[] = [];

  constructor(private readonly store: Store) {}

  register<T extends { id: string }>(def: ObjectTypeDef<T>): void {
    const store = this.store;
    const includable: Record<string, (obj: { id: string }) => unknown> = {};
    for (const [field, compute] of Object.entries(def.includable ?? {})) {
      includable[field] = (obj) => {
        const typed = store.get(def.collection, obj.id);
        return typed ? compute(typed) : undefined;
      };
    }
    const entry: AnyDef = {
      object: def.object,
      prefix: def.prefix,
      lookup(id) {
        const found = store.get(def.collection, id);
        if (!found) return undefined;
        return def.render ? def.render(found) : found;
      },
      includable,
    };
    this.byObject.set(def.object, entry);
    if (def.prefix) this.byPrefix.set(def.prefix, entry);
    else this.unprefixed.push(entry);
  }

  /**
   * Adds an includable field to an already registered type (e.g. billing adds `subscriptions` to customers).
   * `compute` receives the stored object.
   */
  addIncludable<T extends { id: string }>(object: string, collection: Collection<T>, field: string, compute: (obj: T) => unknown): void {
    const def = this.byObject.get(object);
    if (!def) throw new Error(`objects.addIncludable: '${object}' is not registered`);
    const store = this.store;
    def.includable[field] = (obj) => {
      const typed = store.get(collection, obj.id);
      return typed ? compute(typed) : undefined;
    };
  }

  /**
   * Finds any registered object by id (prefix first, then types with user-chosen ids). A deleted object
   * Stripe still knows (a deleted customer) comes back as `{ id, object, deleted: true }`, as Stripe expands it.
   */
  lookup(id: string): { id: string } | undefined {
    // The longest registered prefix wins: `sub_sched_…` is a subscription schedule, `sub_…` a subscription.
    const last = id.lastIndexOf('_');
    const underscore = last > 0 && this.byPrefix.has(id.slice(0, last)) ? last : id.indexOf('_');
    if (underscore > 0) {
      const def = this.byPrefix.get(id.slice(0, underscore));
      if (def) {
        const found = def.lookup(id);
        if (found) return found;
        const tomb = this.store.get(tombstonesCollection, id);
        if (!tomb) return undefined;
        const deleted = { id, object: tomb.object, deleted: true };
        return deleted;
      }
    }
    for (const def of this.unprefixed) {
      const found = def.lookup(id);
      if (found) return found;
    }
    return undefined;
  }

  /** The includable-field function for `field` on objects of type `object`, if any. */
  includable(object: string, field: string): ((obj: { id: string }) => unknown) | undefined {
    return this.byObject.get(object)?.includable[field];
  }
}
