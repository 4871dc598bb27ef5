/**
 * Resolves once `check` holds, trying every 20 ms for up to `withinMs` (2 s unless told), for what
 * arrives asynchronously: a message through Redis, a subscriber's reconnect, a media job's outcome.
 * Throws when it never does.
 */
export async function eventually(check: () => Promise<boolean> | boolean, withinMs = 2_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  do {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  } while (Date.now() < deadline);
  throw new Error(`not within ${withinMs / 1000} s`);
}
