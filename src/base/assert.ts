/**
 * Throws `Error(msg)` when `cond` is falsy; narrows `cond` to truthy otherwise.
 * Use for preconditions whose violation is a programming error, not for
 * validating user data (report that to the UI instead).
 */
export function assert(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(msg);
}

/**
 * Exhaustiveness check for `switch` over a union: the call only type-checks
 * when every member has been handled. Throws if reached at run time (e.g. a
 * value from untyped JSON).
 */
export function assertUnreachable(x: never): never {
  throw new Error(`unreachable: unexpected value ${JSON.stringify(x)}`);
}
