/**
 * The end of an exhaustive switch over a closed union: a new member that the switch forgets is a
 * type error here, and a value that slips past the types at run time is a loud failure.
 */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${String(value)}`);
}
