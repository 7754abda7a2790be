import { Ctx, FieldResolver, Root } from 'type-graphql';

// type-graphql does not export these from its entry point: take them from the decorator's signature.
type ReturnTypeFunc = NonNullable<Parameters<typeof FieldResolver>[0]>;
type AdvancedOptions = NonNullable<Parameters<typeof FieldResolver>[1]>;

/**
 * Adds a field resolver named at run time to a type-graphql resolver class: for fields that come from
 * the agencies table (one per receiving agency) rather than from code written per agency. It is the
 * same as writing `@FieldResolver(type, options) name(@Root() root, @Ctx() ctx) { return resolve(root, ctx) }`.
 */
export function addFieldResolver<Root, Context>(
  resolverClass: { prototype: object },
  name: string,
  type: ReturnTypeFunc,
  options: AdvancedOptions,
  resolve: (root: Root, ctx: Context) => unknown,
): void {
  const prototype = resolverClass.prototype;
  const descriptor: PropertyDescriptor = { value: resolve, writable: true, configurable: true, enumerable: false };
  Object.defineProperty(prototype, name, descriptor);
  Root()(prototype, name, 0);
  Ctx()(prototype, name, 1);
  FieldResolver(type, options)(prototype, name, descriptor);
}
