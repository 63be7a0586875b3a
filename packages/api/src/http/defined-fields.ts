// Drops keys whose value is undefined: parsed query strings and bodies carry `key: undefined` for
// absent fields, while the store's options (exactOptionalPropertyTypes) want such keys left out.
export type DefinedFields<Value extends object> = { [Key in keyof Value]?: Exclude<Value[Key], undefined> };

export function definedFields<Value extends object>(value: Value): DefinedFields<Value> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as DefinedFields<Value>;
}
